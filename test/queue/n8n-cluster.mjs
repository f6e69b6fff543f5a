// n8n in queue mode: one main (editor, REST, triggers and pollers) and workers that take executions
// from the Redis queue. All share the encryption key and the Postgres database; each has its own user
// folder (with this package installed), task-broker port and, for workers, health port.
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../scripts/sandbox/free-port.mjs';
import { n8nEnvironment, startN8n, startN8nProcess } from '../../scripts/sandbox/n8n-process.mjs';
import { prepareUserFolder as prepareFolder } from '../../scripts/sandbox/n8n-startup.mjs';

/**
 * @typedef {{ host: string, port: number, database: string, user: string, password: string }} PostgresInfo
 * @typedef {{ name: string, logFile: string, stop: () => Promise<void> }} RunningProcess
 */

/**
 * The environment of one process of the cluster.
 * @param {{ userFolder: string, mainPort: number, encryptionKey: string, redisPort: number, postgres: PostgresInfo, healthPort?: number }} options
 */
export async function queueEnvironment({ userFolder, mainPort, encryptionKey, redisPort, postgres, healthPort }) {
	const env = n8nEnvironment({ userFolder, port: mainPort, brokerPort: await findFreePort(), encryptionKey });
	return {
		...env,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// In n8n 3 manual runs always go to workers; opt in now so "Execute workflow" runs there too.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		...(healthPort
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }
			: {}),
	};
}

/**
 * Starts the main (`n8n start`): it runs the migrations, serves the editor and REST API, and owns
 * triggers and pollers, which put executions on the queue.
 * @param {{ env: Record<string, string>, port: number, userFolder: string }} options
 * @returns {Promise<RunningProcess & { baseUrl: string }>}
 */
export async function startMain({ env, port, userFolder }) {
	const logFile = path.join(userFolder, 'n8n-main.log');
	const main = await startN8n({ env, port, logFile });
	return { name: 'main', logFile, stop: main.stop, baseUrl: main.baseUrl };
}

/**
 * Starts `n8n worker` and resolves when its health server says it is ready.
 * @param {{ name: string, env: Record<string, string>, userFolder: string, healthPort: number, concurrency: number, startupTimeoutMs?: number }} options
 *   concurrency: how many executions the worker runs at once (n8n's default is 10 and it warns below 5)
 * @returns {Promise<RunningProcess>}
 */
export async function startWorker({ name, env, userFolder, healthPort, concurrency, startupTimeoutMs = 180_000 }) {
	const logFile = path.join(userFolder, `n8n-${name}.log`);
	const { stop } = await startN8nProcess({
		label: name,
		args: ['worker', `--concurrency=${concurrency}`],
		env,
		logFile,
		readinessUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
		// A worker finishes the executions it is running on SIGTERM: give it longer than the main.
		stopGraceMs: 40_000,
		startupTimeoutMs,
	});
	return { name, logFile, stop };
}

/**
 * A user folder for one process with this package installed as a community package.
 * @param {string} baseDir @param {string} name
 */
export function prepareUserFolder(baseDir, name) {
	return prepareFolder(path.join(baseDir, name));
}

/**
 * Execution ids a worker's log says it started ("Worker started execution 12 (job 7)").
 * @param {string} logFile
 * @returns {string[]}
 */
export function executionsStartedBy(logFile) {
	if (!fs.existsSync(logFile)) return [];
	const text = fs.readFileSync(logFile, 'utf8');
	return [...text.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}

/**
 * Starts `n8n webhook`: a process that serves production webhooks only and puts their executions on the
 * queue. Resolves when it answers /healthz/readiness on its own port.
 * @param {{ env: Record<string, string>, port: number, userFolder: string }} options
 * @returns {Promise<RunningProcess>}
 */
export async function startWebhookProcess({ env, port, userFolder }) {
	const logFile = path.join(userFolder, 'n8n-webhook.log');
	const { stop } = await startN8nProcess({
		label: 'webhook',
		args: ['webhook'],
		env,
		logFile,
		readinessUrl: `http://127.0.0.1:${port}/healthz/readiness`,
		stopGraceMs: 20_000,
	});
	return { name: 'webhook', logFile, stop };
}
