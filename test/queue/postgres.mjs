// A private PostgreSQL cluster for n8n's main and workers: queue mode needs one database that several
// processes write at once, which n8n documents for Postgres, not for a shared SQLite file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../scripts/sandbox/free-port.mjs';
import { runCommand } from '../../scripts/sandbox/run-command.mjs';
import { ensureDebianPackage, isRoot } from './apt.mjs';

const POSTGRES_ROOT = '/usr/lib/postgresql';
/** The server refuses to run as root, so as root the cluster belongs to Debian's postgres user. */
const CLUSTER_OWNER = 'postgres';

/** The newest installed server's bin folder (Debian keeps one per major version), or undefined. */
function postgresBinDir() {
	if (!fs.existsSync(POSTGRES_ROOT)) return undefined;
	const versions = fs
		.readdirSync(POSTGRES_ROOT)
		.filter((version) => fs.existsSync(path.join(POSTGRES_ROOT, version, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

/**
 * Runs a server tool as the cluster's owner.
 * @param {string} binDir @param {string} tool @param {string[]} args
 */
function asOwner(binDir, tool, args) {
	const command = path.join(binDir, tool);
	return isRoot()
		? runCommand('runuser', ['-u', CLUSTER_OWNER, '--', command, ...args], { quiet: true, timeoutMs: 120_000 })
		: runCommand(command, args, { quiet: true, timeoutMs: 120_000 });
}

/**
 * Creates a throw-away cluster in a temporary folder, starts it on a free loopback port and creates
 * the database `n8n` owned by user `n8n` with a random password.
 * @param {{ log: (line: string) => void }} options
 * @returns {Promise<{ host: string, port: number, database: string, user: string, password: string, logFile: string, stop: () => Promise<void> }>}
 */
export async function startPostgres({ log }) {
	await ensureDebianPackage('postgresql', () => postgresBinDir() !== undefined, log);
	const binDir = /** @type {string} */ (postgresBinDir());
	const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exact-outsmart-queue-pg-'));
	const dataDir = path.join(baseDir, 'data');
	const passwordFile = path.join(baseDir, 'password');
	const logFile = path.join(baseDir, 'postgres.log');
	const password = crypto.randomBytes(18).toString('base64url');
	fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
	if (isRoot()) {
		const { stdout } = await runCommand('id', ['-u', CLUSTER_OWNER], { quiet: true });
		const { stdout: group } = await runCommand('id', ['-g', CLUSTER_OWNER], { quiet: true });
		for (const entry of [baseDir, passwordFile]) fs.chownSync(entry, Number(stdout.trim()), Number(group.trim()));
	}
	const port = await findFreePort();
	let started = false;
	const stop = async () => {
		if (started) {
			started = false;
			await asOwner(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']).catch(() => undefined);
		}
		fs.rmSync(baseDir, { recursive: true, force: true });
	};
	try {
		await asOwner(binDir, 'initdb', ['-D', dataDir, '-U', 'n8n', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale']);
		fs.rmSync(passwordFile, { force: true });
		// pg_ctl passes -o through a shell; the folder comes from mkdtemp and has no spaces.
		const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${baseDir} -c max_connections=100 -c fsync=off`;
		await asOwner(binDir, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
		started = true;
		await runCommand(path.join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'], {
			env: { ...process.env, PGPASSWORD: password },
			quiet: true,
			timeoutMs: 60_000,
		});
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, database: 'n8n', user: 'n8n', password, logFile, stop };
}
