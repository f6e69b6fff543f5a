// Puts the built package where n8n puts community packages a user installs from its UI, so node
// types are `n8n-nodes-exact-outsmart.<name>` exactly as the templates reference them.
// (A custom-extensions folder would load them as `CUSTOM.<name>` and hide template bugs.)
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_NAME, projectRoot } from './paths.mjs';

/** @param {string} userFolder the N8N_USER_FOLDER */
export function packageDirIn(userFolder) {
	return path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
}

/**
 * Copies what `npm pack` would ship (package.json plus its `files`) into the n8n nodes folder,
 * replacing an older copy. Requires `npm run build` first.
 * @param {string} userFolder
 */
export function installPackageIntoN8n(userFolder) {
	const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter(
		(file) => !fs.existsSync(path.join(projectRoot, file)),
	);
	if (missing.length > 0) throw new Error(`The package is not built (missing ${missing.join(', ')}); run npm run build.`);

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = packageDirIn(userFolder);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	for (const entry of ['package.json', 'README.md', 'LICENSE', ...manifest.files]) {
		const source = path.join(projectRoot, entry);
		if (fs.existsSync(source)) fs.cpSync(source, path.join(target, entry), { recursive: true });
	}
	// The nodes folder is itself an npm project listing the installed packages, as n8n leaves it.
	const nodesManifestFile = path.join(nodesDir, 'package.json');
	const nodesManifest = fs.existsSync(nodesManifestFile)
		? JSON.parse(fs.readFileSync(nodesManifestFile, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesManifest.dependencies = { ...nodesManifest.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifestFile, JSON.stringify(nodesManifest, null, '\t') + '\n');
	return target;
}
