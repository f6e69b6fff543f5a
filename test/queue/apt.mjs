// Debian packages the queue-mode run needs (Redis, PostgreSQL), installed once with apt-get as root.
import fs from 'node:fs';
import { runCommand } from '../../scripts/sandbox/run-command.mjs';

let updated = false;

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Installs a Debian package unless it is there already; runs `apt-get update` only when the first
 * install attempt cannot find the package.
 * @param {string} packageName
 * @param {string | (() => boolean)} present  an absolute path that proves the package is there, or a check
 * @param {(line: string) => void} log
 */
export async function ensureDebianPackage(packageName, present, log) {
	const isPresent = typeof present === 'function' ? present : () => fs.existsSync(present);
	if (isPresent()) return;
	if (!isRoot()) {
		throw new Error(`Debian's ${packageName} package is missing; install it (apt-get install ${packageName}).`);
	}
	log(`Installing ${packageName} with apt-get (first run only)...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => runCommand('apt-get', ['install', '-y', '--no-install-recommends', packageName], { env, quiet: true, timeoutMs: 15 * 60_000 });
	try {
		await install();
	} catch (error) {
		if (updated) throw error;
		updated = true;
		await runCommand('apt-get', ['update'], { env, quiet: true, timeoutMs: 10 * 60_000 });
		await install();
	}
	if (!isPresent()) throw new Error(`apt-get installed ${packageName} but it is still not usable.`);
}
