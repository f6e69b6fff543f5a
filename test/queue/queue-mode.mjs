// `npm run test:queue`: the package in n8n's own queue mode. Redis (Debian's), a private Postgres, the
// real n8n of the sandbox as one main and two workers on 127.0.0.1, both simulators with Exact's real
// limits. A backlog of work orders finished in OutSmart is exported by the published export template
// while the relations and materials imports run, and while Exact's access token expires twice under
// load. Judged by the simulators' state and n8n's execution records; ends with "N passed, N failed".
//
// Settings (environment): QUEUE_ORDERS (300), QUEUE_WAVES (5), QUEUE_WAVE_INTERVAL_S (45),
// QUEUE_TOKEN_EXPIRIES (2), QUEUE_WORKER_CONCURRENCY (1), QUEUE_EXACT_TIME_SCALE (1), QUEUE_DEADLINE_MINUTES (45),
// QUEUE_CONCURRENT_ORDERS (50), QUEUE_EXACT_LATENCY_MS (300), QUEUE_WEBHOOK_EVENTS (1000), QUEUE_WEBHOOK_ANSWER_MS (5000),
// QUEUE_SKIP_BUILD=true, QUEUE_KEEP_FOLDER=true (keep logs even when everything passed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { credentialsByType, sandboxCredentials } from '../../scripts/sandbox/credentials.mjs';
import { findFreePort } from '../../scripts/sandbox/free-port.mjs';
import { importCredentials, logInAndCheckPackage, prepareN8n, startSimulators } from '../../scripts/sandbox/n8n-startup.mjs';
import { PACKAGE_NAME } from '../../scripts/sandbox/paths.mjs';
import { callControl } from '../../scripts/sandbox/simulators.mjs';
import { linkCredentials, readTemplates, toNewWorkflow } from '../../scripts/sandbox/templates.mjs';
import { sleep, waitFor } from '../../scripts/sandbox/wait.mjs';
import { addOrders, ordersByNumber, planBacklog, waves } from './backlog.mjs';
import { runConcurrentExports } from './concurrent-exports.mjs';
import { runWebhookBurst } from './webhook-burst.mjs';
import { allExecutions, exactFacts, executionErrors, failureReasons, isUnfinished, mentionsRateLimit, triggeredOrders } from './facts.mjs';
import { executionsStartedBy, prepareUserFolder, queueEnvironment, startMain, startWebhookProcess, startWorker } from './n8n-cluster.mjs';
import { startPostgres } from './postgres.mjs';
import { startRedis } from './redis.mjs';

const settings = {
	orders: numberSetting('QUEUE_ORDERS', 300),
	waves: numberSetting('QUEUE_WAVES', 5),
	waveIntervalMs: numberSetting('QUEUE_WAVE_INTERVAL_S', 45) * 1000,
	tokenExpiries: numberSetting('QUEUE_TOKEN_EXPIRIES', 2),
	// One execution per worker at a time: the next poll's export then lands on the other worker
	// instead of running beside the first on the same one (Bull hands jobs to whichever worker asks).
	workerConcurrency: numberSetting('QUEUE_WORKER_CONCURRENCY', 1),
	exactTimeScale: numberSetting('QUEUE_EXACT_TIME_SCALE', 1),
	deadlineMs: numberSetting('QUEUE_DEADLINE_MINUTES', 45) * 60_000,
	// Then the same orders exported by two executions at once on the two workers (concurrent-exports.mjs).
	concurrentOrders: numberSetting('QUEUE_CONCURRENT_ORDERS', 50),
	latencyMs: numberSetting('QUEUE_EXACT_LATENCY_MS', 300),
	// Then Exact webhook callbacks to a separate webhook process (webhook-burst.mjs); 0 skips it.
	webhookEvents: numberSetting('QUEUE_WEBHOOK_EVENTS', 1000),
	webhookAnswerMs: numberSetting('QUEUE_WEBHOOK_ANSWER_MS', 5000),
	build: process.env.QUEUE_SKIP_BUILD !== 'true',
	keepFolder: process.env.QUEUE_KEEP_FOLDER === 'true',
};
const WORKER_NAMES = ['worker-1', 'worker-2'];
/** Every 10th order carries a material with an unknown GLA: the export must refuse it, per order. */
const BROKEN_EVERY = 10;
/** Jumping Exact's clock this far ends the current access token (600 s) and passes the 570-s rule. */
const TOKEN_EXPIRY_JUMP_MS = 660_000;
const started = Date.now();

/** @param {string} name @param {number} fallback */
function numberSetting(name, fallback) {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0) throw new Error(`${name} must be a non-negative number, not "${value}"`);
	return number;
}

const log = (line) => console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}`);

/** @type {Array<{ name: string, stop: () => Promise<void> }>} */
const running = [];
let stopping = false;
async function stopEverything() {
	if (stopping) return;
	stopping = true;
	for (const process_ of running.splice(0).reverse()) {
		log(`Stopping ${process_.name}...`);
		await process_.stop().catch((error) => log(`  ${process_.name} did not stop cleanly: ${error.message}`));
	}
}

/** @type {Array<{ name: string, ok: boolean, detail: string }>} */
const results = [];
function check(name, ok, detail) {
	results.push({ name, ok, detail });
	console.log(`${ok ? 'ok    ' : 'FAILED'}  ${name}${detail ? `\n        ${detail}` : ''}`);
}

function template(file) {
	const found = readTemplates().find((entry) => entry.file === file);
	if (!found) throw new Error(`workflows/${file} is missing`);
	return found.workflow;
}

/** The export template, polling every minute, linked to the imported credentials. */
function exportWorkflow() {
	const workflow = toNewWorkflow(linkCredentials(template('export-work-orders.json'), credentialsByType()));
	const trigger = workflow.nodes.find((node) => node.type === `${PACKAGE_NAME}.outSmartTrigger`);
	const builder = workflow.nodes.find((node) => node.parameters?.exportTriggers?.trigger?.length);
	if (!trigger || !builder) throw new Error('The export template has no OutSmart trigger or no export-trigger configuration');
	trigger.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	const [exportTrigger] = builder.parameters.exportTriggers.trigger;
	return { workflow, triggerName: trigger.name, exportTrigger, yourRefPrefix: String(builder.parameters.yourRefPrefix ?? '') };
}

async function main() {
	const deadline = setTimeout(async () => {
		console.error(`The queue-mode run passed its deadline of ${settings.deadlineMs / 60_000} minutes; stopping everything.`);
		await stopEverything();
		console.log('\n0 passed, 1 failed');
		process.exit(1);
	}, settings.deadlineMs);
	deadline.unref();
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, async () => {
			await stopEverything();
			process.exit(130);
		});
	}

	await prepareN8n({ build: settings.build, log });
	const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exact-outsmart-queue-'));
	log(`Logs and user folders: ${baseDir}`);

	const redis = await startRedis({ logFile: path.join(baseDir, 'redis.log'), log });
	running.push({ name: 'Redis', stop: redis.stop });
	log(`Redis on 127.0.0.1:${redis.port}`);
	const postgres = await startPostgres({ log });
	running.push({ name: 'Postgres', stop: postgres.stop });
	log(`Postgres on 127.0.0.1:${postgres.port}`);

	const mainPort = await findFreePort();
	const { exact, outsmart, exactTokens } = await startSimulators({
		n8nBaseUrl: `http://127.0.0.1:${mainPort}`,
		exactArgs: ['--time-scale', String(settings.exactTimeScale)],
		onStarted: (name, stop) => running.push({ name, stop }),
	});
	log(`Exact simulator (60 calls a minute, time scale ${settings.exactTimeScale}) ${exact.controlUrl}; OutSmart simulator ${outsmart.controlUrl}`);

	const encryptionKey = crypto.randomBytes(24).toString('hex');
	const common = { mainPort, encryptionKey, redisPort: redis.port, postgres };
	const mainFolder = prepareUserFolder(baseDir, 'main');
	const mainEnv = await queueEnvironment({ ...common, userFolder: mainFolder });
	// Production webhooks go to a separate webhook process, not to the main.
	const webhookPort = settings.webhookEvents > 0 ? await findFreePort() : 0;
	if (webhookPort) Object.assign(mainEnv, { WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' });
	await importCredentials(mainEnv, mainFolder, sandboxCredentials({ exactInfo: exact, outsmartInfo: outsmart, exactTokens }));

	log('Starting the n8n main...');
	const main = await startMain({ env: mainEnv, port: mainPort, userFolder: mainFolder });
	running.push({ name: 'the n8n main', stop: main.stop });
	/** @type {Array<{ name: string, logFile: string }>} */
	const workers = [];
	for (const name of WORKER_NAMES) {
		log(`Starting n8n ${name}...`);
		const healthPort = await findFreePort();
		const userFolder = prepareUserFolder(baseDir, name);
		const worker = await startWorker({ name, env: await queueEnvironment({ ...common, userFolder, healthPort }), userFolder, healthPort, concurrency: Math.max(1, settings.workerConcurrency) });
		running.push({ name: `n8n ${name}`, stop: worker.stop });
		workers.push(worker);
	}
	if (webhookPort) {
		log('Starting the n8n webhook process...');
		const userFolder = prepareUserFolder(baseDir, 'webhook');
		const env = { ...(await queueEnvironment({ ...common, mainPort: webhookPort, userFolder })), WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/` };
		try {
			const webhookProcess = await startWebhookProcess({ env, port: webhookPort, userFolder });
			running.push({ name: 'the n8n webhook process', stop: webhookProcess.stop });
		} catch (error) {
			check('the n8n webhook process started', false, error.message);
			settings.webhookEvents = 0;
		}
	}
	const { rest, packageNodeTypes: loaded } = await logInAndCheckPackage(main.baseUrl, main.logFile);
	log(`n8n runs in queue mode at ${main.baseUrl}: main plus ${workers.length} workers, ${loaded.length} node types of this package loaded.`);

	const { workflow, triggerName, exportTrigger, yourRefPrefix } = exportWorkflow();
	const exportFlow = await rest.createWorkflow(workflow);
	const importFlows = [];
	for (const file of ['import-relations.json', 'import-materials-with-gla.json']) {
		importFlows.push(await rest.createWorkflow(toNewWorkflow(linkCredentials(template(file), credentialsByType()))));
	}
	const startImports = async () => {
		for (const flow of importFlows) {
			const manualTrigger = flow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
			await rest.runWorkflow(flow.id, manualTrigger.name);
		}
	};

	const statuses = await callControl(outsmart.controlUrl, 'GET', 'master/workstatusses');
	const codeOf = (codeOrName) => String(statuses.find((status) => status.sta_code === codeOrName || status.sta_name === codeOrName)?.sta_code ?? codeOrName);
	const readyCode = codeOf(exportTrigger.workstatus);
	const successCode = codeOf(exportTrigger.successStatus);
	const errorCode = codeOf(exportTrigger.errorStatus);
	const seededReady = [...(await ordersByNumber(outsmart.controlUrl)).values()]
		.filter((order) => order.status === exportTrigger.status && order.WorkStatus === readyCode)
		.map((order) => String(order.WorkorderNo || order.OrderNr));

	const plan = await planBacklog(outsmart.controlUrl, { total: settings.orders, brokenEvery: BROKEN_EVERY });
	const planWaves = waves(plan, Math.max(1, settings.waves));
	const expiryAfterWave = new Set(
		Array.from({ length: settings.tokenExpiries }, (_, index) => 1 + index * 2),
	);
	log(`Backlog: ${plan.length} new orders (${plan.filter((order) => order.broken).length} with an unknown GLA) in ${planWaves.length} waves, plus ${seededReady.length} seeded orders already waiting.`);

	await addOrders(outsmart.controlUrl, planWaves[0]);
	await rest.activateWorkflow(exportFlow.id);
	log(`Wave 1 (${planWaves[0].length} orders) finished in OutSmart; export published (polls every minute); imports started.`);
	await startImports();
	const expireToken = async () => {
		await callControl(exact.controlUrl, 'POST', 'clock/advance', { ms: TOKEN_EXPIRY_JUMP_MS });
		tokenExpiriesDone++;
		log(`Exact's clock moved on ${TOKEN_EXPIRY_JUMP_MS / 1000} s: the access token the workers hold has expired.`);
	};
	let tokenExpiriesDone = 0;
	for (let index = 1; index < planWaves.length; index++) {
		// Expire the token between two waves, while the previous wave's exports are running.
		await sleep(settings.waveIntervalMs / 2);
		if (expiryAfterWave.has(index) && tokenExpiriesDone < settings.tokenExpiries) await expireToken();
		await sleep(settings.waveIntervalMs / 2);
		await addOrders(outsmart.controlUrl, planWaves[index]);
		log(`Wave ${index + 1} (${planWaves[index].length} orders) finished in OutSmart.`);
		if (index === Math.floor(planWaves.length / 2)) {
			await startImports();
			log('Imports started again.');
		}
	}
	while (tokenExpiriesDone < settings.tokenExpiries) {
		await sleep(settings.waveIntervalMs / 2);
		await expireToken();
	}

	const watched = [...seededReady, ...plan.map((order) => order.WorkorderNo)];
	const isFinal = (order) => order && (order.WorkStatus === successCode || order.WorkStatus === errorCode);
	let lastProgress = 0;
	const settledOrders = await waitFor(
		'every backlog order to reach the success or the error status',
		async () => {
			const orders = await ordersByNumber(outsmart.controlUrl);
			const done = watched.filter((number) => isFinal(orders.get(number))).length;
			if (Date.now() - lastProgress > 30_000) {
				lastProgress = Date.now();
				log(`${done} of ${watched.length} orders exported or refused.`);
			}
			return done === watched.length ? orders : undefined;
		},
		{ timeoutMs: Math.max(60_000, settings.deadlineMs - (Date.now() - started) - 180_000), intervalMs: 5_000 },
	).catch(async (error) => {
		log(error.message);
		return await ordersByNumber(outsmart.controlUrl);
	});
	const workflowIds = [exportFlow.id, ...importFlows.map((flow) => flow.id)];
	await waitFor(
		'running executions to finish',
		async () => ((await allExecutions(rest, workflowIds)).some(isUnfinished) ? undefined : true),
		{ timeoutMs: 180_000, intervalMs: 2_000 },
	).catch((error) => log(error.message));
	await rest.deactivateWorkflow(exportFlow.id);
	log('Backlog settled; judging the run.');

	await judge({ rest, exact, workers, settledOrders, seededReady, plan, watched, exportFlow, importFlows, triggerName, yourRefPrefix, successCode, errorCode });

	if (settings.concurrentOrders > 0) {
		console.log('');
		await runConcurrentExports({
			rest, exact, outsmart, workers, check, log,
			orders: settings.concurrentOrders,
			latencyMs: settings.latencyMs,
			timeoutMs: Math.max(60_000, settings.deadlineMs - (Date.now() - started) - 240_000),
		});
	}
	if (settings.webhookEvents > 0) {
		console.log('');
		await runWebhookBurst({ rest, exact, check, log, events: settings.webhookEvents, answerLimitMs: settings.webhookAnswerMs }).catch((error) =>
			check('webhook burst ran', false, error.stack ?? error.message),
		);
	}

	await stopEverything();
	const failed = results.filter((result) => !result.ok).length;
	if (failed === 0 && !settings.keepFolder) fs.rmSync(baseDir, { recursive: true, force: true });
	else log(`Logs kept in ${baseDir}`);
	console.log(`\n${results.length - failed} passed, ${failed} failed`);
	process.exit(failed === 0 ? 0 : 1);
}

async function judge({ rest, exact, workers, settledOrders, seededReady, plan, watched, exportFlow, importFlows, triggerName, yourRefPrefix, successCode, errorCode }) {
	console.log('');
	const executions = await allExecutions(rest, [exportFlow.id, ...importFlows.map((flow) => flow.id)]);
	const exportRuns = executions.filter((execution) => execution.workflowId === String(exportFlow.id));
	const importRuns = executions.filter((execution) => execution.workflowId !== String(exportFlow.id));
	const detailed = [];
	for (const summary of executions) detailed.push(await rest.getExecution(summary.id));

	const byWorker = workers.map((worker) => ({ name: worker.name, ids: new Set(executionsStartedBy(worker.logFile)) }));
	const exportIds = new Set(exportRuns.map((execution) => execution.id));
	check(
		'the workers ran every execution, both of them some (the main ran none)',
		byWorker.every((worker) => worker.ids.size > 0) && executions.every((execution) => byWorker.some((worker) => worker.ids.has(execution.id))),
		byWorker.map((worker) => `${worker.name}: ${worker.ids.size} executions (${[...worker.ids].filter((id) => exportIds.has(id)).length} exports)`).join(', '),
	);
	check(
		'both workers ran exports',
		byWorker.every((worker) => [...worker.ids].some((id) => exportIds.has(id))),
		`${exportRuns.length} export executions`,
	);
	const span = (execution) => [new Date(execution.startedAt ?? 0).getTime(), new Date(execution.stoppedAt ?? Date.now()).getTime()];
	const onWorker = (index) => executions.filter((execution) => byWorker[index]?.ids.has(execution.id));
	const concurrent = onWorker(0).filter((first) => onWorker(1).some((second) => span(first)[0] < span(second)[1] && span(second)[0] < span(first)[1]));
	check(
		'both workers used the Exact credential at the same time',
		concurrent.length > 0,
		`${concurrent.length} executions on ${byWorker[0]?.name} overlapped one on ${byWorker[1]?.name}`,
	);
	const overlapping = importRuns.filter((run) =>
		exportRuns.some((exportRun) => exportRun.startedAt && run.startedAt && exportRun.stoppedAt && new Date(run.startedAt) < new Date(exportRun.stoppedAt) && new Date(run.stoppedAt ?? Date.now()) > new Date(exportRun.startedAt)),
	);
	check('imports ran while exports ran', overlapping.length > 0 && importRuns.length >= 4, `${importRuns.length} import executions, ${overlapping.length} overlapping an export`);

	// An export that refused orders ends in error on purpose, with the template's "Work orders not exported"
	// report; whether each refusal was right is judged per order below. Anything else is a failed run.
	const reportsRefusals = (execution) =>
		exportIds.has(String(execution.id)) && executionErrors(execution).every((text) => /Work orders not exported: /.test(text));
	const failedRuns = detailed.filter((execution) => execution.status !== 'success' && !reportsRefusals(execution));
	const refusingRuns = detailed.filter((execution) => execution.status !== 'success' && reportsRefusals(execution));
	check(
		'every execution succeeded or only reported refused orders (n8n execution records)',
		failedRuns.length === 0 && executions.length > 0,
		`${executions.length} executions (${exportRuns.length} exports, ${importRuns.length} imports; ${refusingRuns.length} exports reported refused orders)` +
			failedRuns.map((execution) => `\n        execution ${execution.id} ${execution.status}: ${executionErrors(execution).join('; ').slice(0, 600)}`).join(''),
	);

	const lost = watched.filter((number) => {
		const order = settledOrders.get(number);
		return !order || ![successCode, errorCode].includes(order.WorkStatus) || order.status !== 'Compleet';
	});
	check(
		'no lost order: every backlog order ends in the success or the error status (and stays Compleet)',
		lost.length === 0,
		`${watched.length} orders` + (lost.length ? `; not settled: ${lost.slice(0, 15).map((number) => `${number} (${settledOrders.get(number)?.status}/${settledOrders.get(number)?.WorkStatus})`).join(', ')}` : ''),
	);

	const emitted = detailed.filter((execution) => exportIds.has(String(execution.id))).flatMap((execution) => triggeredOrders(execution, triggerName));
	const emittedTwice = [...new Set(emitted.filter((number, index) => emitted.indexOf(number) !== index))];
	check('each order reached the export exactly once (no order in two executions)', emittedTwice.length === 0 && emitted.length >= watched.length, `${emitted.length} orders carried by ${exportRuns.length} export executions${emittedTwice.length ? `; twice: ${emittedTwice.slice(0, 15).join(', ')}` : ''}`);

	const facts = await exactFacts(exact);
	const refOf = (number) => `${yourRefPrefix}${number}`;
	const succeeded = watched.filter((number) => settledOrders.get(number)?.WorkStatus === successCode);
	const refused = watched.filter((number) => settledOrders.get(number)?.WorkStatus === errorCode);
	const wrongCount = succeeded.filter((number) => facts.invoicesByYourRef.get(refOf(number)) !== 1);
	check(
		'each exported order has exactly one invoice in Exact (YourRef)',
		wrongCount.length === 0 && succeeded.length > 0,
		`${succeeded.length} exported, ${facts.invoiceCount} invoices in Exact` + (wrongCount.length ? `; wrong: ${wrongCount.slice(0, 15).map((number) => `${number}=${facts.invoicesByYourRef.get(refOf(number)) ?? 0}`).join(', ')}` : ''),
	);
	const duplicates = [...facts.invoicesByYourRef.entries()].filter(([yourRef, count]) => yourRef !== '' && count > 1);
	check('no duplicate invoice at all (no YourRef twice)', duplicates.length === 0, duplicates.slice(0, 15).map(([yourRef, count]) => `${yourRef} ×${count}`).join(', '));
	const refusedWithInvoice = refused.filter((number) => (facts.invoicesByYourRef.get(refOf(number)) ?? 0) > 0);
	check('orders in the error status have no invoice', refusedWithInvoice.length === 0, `${refused.length} refused${refusedWithInvoice.length ? `; with invoice: ${refusedWithInvoice.join(', ')}` : ''}`);

	const planned = new Map(plan.map((order) => [order.WorkorderNo, order]));
	const cleanNotExported = plan.filter((order) => !order.broken && settledOrders.get(order.WorkorderNo)?.WorkStatus !== successCode).map((order) => order.WorkorderNo);
	const brokenNotRefused = plan.filter((order) => order.broken && settledOrders.get(order.WorkorderNo)?.WorkStatus !== errorCode).map((order) => order.WorkorderNo);
	check(
		'clean orders were exported and orders with an unknown GLA refused',
		cleanNotExported.length === 0 && brokenNotRefused.length === 0,
		`${plan.filter((order) => !order.broken).length} clean, ${plan.filter((order) => order.broken).length} with an unknown GLA, ${seededReady.length} seeded` +
			(cleanNotExported.length ? `; clean but not exported: ${cleanNotExported.slice(0, 15).join(', ')}` : '') +
			(brokenNotRefused.length ? `; with an unknown GLA but not refused: ${brokenNotRefused.join(', ')}` : ''),
	);

	const reasons = detailed.flatMap(failureReasons);
	const rateLimitReasons = reasons.filter((entry) => mentionsRateLimit(entry.reason));
	const rateLimitRuns = failedRuns.filter((execution) => executionErrors(execution).some(mentionsRateLimit));
	check(
		'no 429 reached a user (no failed execution or refused order for rate limits)',
		rateLimitReasons.length === 0 && rateLimitRuns.length === 0,
		`Exact answered 429 ${facts.tooManyRequests} times of ${facts.calls} calls; the transport absorbed them` +
			rateLimitReasons.slice(0, 5).map((entry) => `\n        ${entry.workorderNo}: ${entry.reason.slice(0, 300)}`).join('') +
			rateLimitRuns.slice(0, 5).map((execution) => `\n        execution ${execution.id}: ${executionErrors(execution).join('; ').slice(0, 300)}`).join(''),
	);
	const unexpectedReasons = reasons.filter((entry) => planned.has(entry.workorderNo) && !planned.get(entry.workorderNo).broken);
	check(
		'no clean order was refused for a transient reason',
		unexpectedReasons.length === 0,
		unexpectedReasons.slice(0, 10).map((entry) => `${entry.workorderNo}: ${entry.reason.slice(0, 300)}`).join('\n        '),
	);

	const stats = facts.tokenStats;
	check(
		'the token chain held: no old refresh token used, no token call refused, a refresh after each expiry',
		stats.oldRefreshTokenUsed === 0 && stats.rejectedTokenCalls === 0 && stats.refreshes >= settings.tokenExpiries,
		`token stats ${JSON.stringify(stats)}; ${facts.unauthorized} API calls answered 401`,
	);
}

main().catch(async (error) => {
	console.error(`The queue-mode run could not complete: ${error.stack ?? error.message}`);
	await stopEverything();
	const failed = results.filter((result) => !result.ok).length + 1;
	console.log(`\n${results.length - failed + 1} passed, ${failed} failed`);
	process.exit(1);
});
