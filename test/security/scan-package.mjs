// Runs n8n's community-package scanner (@n8n/scan-community-package) on this package before it is
// published. The scanner's CLI only takes a package name and downloads the package and its provenance-
// attested source from the registry and GitHub, which an unpublished package does not have; so this runs
// the scanner's own analysis on the same two legs it scans after publication: the source files
// (package.json, nodes/, credentials/) and the packed tarball (compiled .js and package.json).
// Usage (after `npm run build`): node test/security/scan-package.mjs   — exit 0 passed, 1 failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCANNER_VERSION = '0.32.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const toolsDir = path.join(root, '.sandbox', 'tools', `scanner-${SCANNER_VERSION}`);
const scannerModule = path.join(toolsDir, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');

function ensureScanner() {
	if (fs.existsSync(scannerModule)) return;
	console.log(`Installing @n8n/scan-community-package@${SCANNER_VERSION} into ${path.relative(root, toolsDir)} ...`);
	fs.mkdirSync(toolsDir, { recursive: true });
	fs.writeFileSync(path.join(toolsDir, 'package.json'), '{ "name": "scanner-tools", "private": true }\n');
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `@n8n/scan-community-package@${SCANNER_VERSION}`], {
		cwd: toolsDir,
		stdio: 'inherit',
	});
}

function packAndUnpack() {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-package-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
	const unpacked = path.join(dir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', unpacked, '--strip-components=1']);
	return { dir, unpacked, tarball };
}

ensureScanner();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerModule);
const packed = packAndUnpack();
try {
	const legs = [
		['source (package.json, nodes/, credentials/)', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		[`packed tarball ${packed.tarball} (compiled .js, package.json)`, await analyzePackage(packed.unpacked, ['**/*.js', 'package.json'])],
	];
	let failed = 0;
	for (const [leg, result] of legs) {
		console.log(`${result.passed ? 'ok  ' : 'FAIL'} scanner ${SCANNER_VERSION} on the ${leg}${result.message ? `: ${result.message}` : ''}`);
		if (result.details) console.log(result.details);
		if (!result.passed) failed++;
	}
	console.log(`scan: ${legs.length - failed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
} finally {
	fs.rmSync(packed.dir, { recursive: true, force: true });
}
