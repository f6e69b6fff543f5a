// Starts and stops a real n8n (the pinned install in .sandbox/n8n) for one user folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { n8nBin } from './paths.mjs';
import { envWithProjectNode, runCommand } from './run-command.mjs';
import { sleep, waitFor } from './wait.mjs';

/**
 * The environment that keeps n8n local and quiet: loopback only, no telemetry, version checks,
 * template library or other calls to n8n's servers.
 * @param {{ userFolder: string, port: number, brokerPort: number, encryptionKey: string }} options
 */
export function n8nEnvironment({ userFolder, port, brokerPort, encryptionKey }) {
	return envWithProjectNode({
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		// The isolated-vm expression engine's thread can crash the CLI at exit; the legacy one does not.
		N8N_EXPRESSION_ENGINE: 'legacy',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		GENERIC_TIMEZONE: 'Europe/Amsterdam',
	});
}

/**
 * Runs one n8n CLI command (import:credentials, import:workflow, export:nodes, ...) with n8n stopped
 * or running; the CLI gets its own task-broker port so it does not collide with a running server.
 * @param {ReturnType<typeof n8nEnvironment>} env
 * @param {string[]} args
 * @param {number} cliBrokerPort
 */
export function runN8nCli(env, args, cliBrokerPort) {
	return runCommand(process.execPath, [n8nBin, ...args], {
		env: { ...env, N8N_RUNNERS_BROKER_PORT: String(cliBrokerPort) },
		quiet: true,
		// A hang guard only: the first command on a new PostgreSQL database runs every migration, which
		// takes minutes on a loaded 2-core machine.
		timeoutMs: 600_000,
	});
}

/**
 * @typedef {{ baseUrl: string, port: number, logFile: string, stop: () => Promise<void>, exited: Promise<number | null> }} RunningN8n
 */

/**
 * Starts `n8n start` and resolves when it answers /healthz/readiness.
 * @param {{ env: ReturnType<typeof n8nEnvironment>, port: number, logFile: string, echo?: boolean, startupTimeoutMs?: number }} options
 * @returns {Promise<RunningN8n>}
 */
export async function startN8n({ env, port, logFile, echo = false, startupTimeoutMs = 180_000 }) {
	const baseUrl = `http://127.0.0.1:${port}`;
	const { stop, exited } = await startN8nProcess({
		label: 'n8n',
		args: ['start'],
		env,
		logFile,
		echo,
		readinessUrl: `${baseUrl}/healthz/readiness`,
		stopGraceMs: 20_000,
		startupTimeoutMs,
	});
	return { baseUrl, port, logFile, stop, exited };
}

/**
 * Starts one n8n process (`start`, `worker`, ...) in its own process group, logging to `logFile`, and
 * resolves when `readinessUrl` answers. `stop()` ends the process and its task runner together: SIGTERM,
 * then SIGKILL after `stopGraceMs`. A process that does not get ready is stopped, with its log's tail in
 * the error.
 * @param {{ label: string, args: string[], env: Record<string, string>, logFile: string, echo?: boolean, readinessUrl: string, stopGraceMs: number, startupTimeoutMs?: number }} options
 * @returns {Promise<{ stop: () => Promise<void>, exited: Promise<number | null> }>}
 */
export async function startN8nProcess({ label, args, env, logFile, echo = false, readinessUrl, stopGraceMs, startupTimeoutMs = 180_000 }) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.createWriteStream(logFile, { flags: 'a' });
	const child = spawn(process.execPath, [n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	if (echo) {
		child.stdout.pipe(process.stdout, { end: false });
		child.stderr.pipe(process.stderr, { end: false });
	}
	/** @type {Promise<number | null>} */
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	let hasExited = false;
	exited.then(() => {
		hasExited = true;
	});

	const stop = async () => {
		if (hasExited) return;
		// n8n and its task runner share a process group; stop them together.
		signalGroup(child.pid, 'SIGTERM');
		const stoppedInTime = await Promise.race([exited.then(() => true), sleep(stopGraceMs).then(() => false)]);
		if (!stoppedInTime) signalGroup(child.pid, 'SIGKILL');
		await Promise.race([exited, sleep(2_000)]);
		log.end();
	};

	try {
		await waitFor(
			`${label} to answer /healthz/readiness`,
			async () => {
				if (hasExited) throw new Error(`${label} exited during start-up; see ${logFile}`);
				const response = await fetch(readinessUrl).catch(() => undefined);
				return response?.ok ? true : undefined;
			},
			{ timeoutMs: startupTimeoutMs, intervalMs: 500 },
		);
	} catch (error) {
		await stop();
		const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
		throw new Error(`${error.message}\n${tail}`);
	}
	return { stop, exited };
}

/** @param {number | undefined} pid @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}
