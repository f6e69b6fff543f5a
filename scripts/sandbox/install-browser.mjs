// The headless browser for the editor check: Debian's chromium, driven by playwright-core.
// Both come from registries this machine reaches (apt, npm); Playwright's own browser download would not.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toolsDir } from './paths.mjs';
import { runCommand } from './run-command.mjs';

export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @param {{ log?: (line: string) => void }} [options] */
export async function ensureChromium(options = {}) {
	const { log = console.log } = options;
	if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		throw new Error(`${CHROMIUM_PATH} is missing; install Debian's chromium package (apt-get install chromium).`);
	}
	log('Installing chromium with apt-get (first run only)...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await runCommand('apt-get', ['update'], { env, quiet: true, timeoutMs: 10 * 60_000 });
	await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, quiet: true, timeoutMs: 15 * 60_000 });
	if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing.`);
	return CHROMIUM_PATH;
}

/**
 * playwright-core in .sandbox/tools (not a project dependency: only the e2e suite needs it).
 * @returns {Promise<typeof import('playwright-core')>}
 */
export async function loadPlaywrightCore() {
	const manifestFile = path.join(toolsDir, 'package.json');
	const installed = path.join(toolsDir, 'node_modules', 'playwright-core', 'package.json');
	const version = fs.existsSync(installed) ? JSON.parse(fs.readFileSync(installed, 'utf8')).version : undefined;
	if (version !== PLAYWRIGHT_CORE_VERSION) {
		fs.mkdirSync(toolsDir, { recursive: true });
		const manifest = { name: 'exact-outsmart-sandbox-tools', private: true, dependencies: { 'playwright-core': PLAYWRIGHT_CORE_VERSION } };
		fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, '\t') + '\n');
		await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolsDir, quiet: true });
	}
	return createRequire(manifestFile)('playwright-core');
}
