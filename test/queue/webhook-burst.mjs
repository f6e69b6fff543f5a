// Exact webhooks under load in queue mode: a workflow with the Exact Online Trigger (topic Accounts) and
// one HTTP Request node that reports each execution's event to a collector here. Production webhooks are
// served by a separate `n8n webhook` process (the main has N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true), which
// puts each execution on the queue for the workers. `events` signed callbacks are sent within one minute,
// every 10th delivered a second time 0 to 2 s later (some while the first is still in flight). Judged:
// every event started exactly one execution, none was lost, and every callback was answered 2xx. How fast
// they were answered is printed as a figure and compared with `answerLimitMs`, but not judged: on a shared
// 2-core machine it measures the machine's load, and Exact's own callback timeout is not documented
// (reference: exact-online-api.md §10), so the limit is ours.
import crypto from 'node:crypto';
import http from 'node:http';
import { credentialsByType } from '../../scripts/sandbox/credentials.mjs';
import { PACKAGE_NAME } from '../../scripts/sandbox/paths.mjs';
import { callControl } from '../../scripts/sandbox/simulators.mjs';
import { linkCredentials, toNewWorkflow } from '../../scripts/sandbox/templates.mjs';
import { sleep, waitFor } from '../../scripts/sandbox/wait.mjs';
import { allExecutions, isUnfinished } from './facts.mjs';

/** A local HTTP server that counts the events the executions report. */
async function startCollector() {
	/** @type {Map<string, number>} */
	const executionsByKey = new Map();
	const server = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			try {
				const key = String(JSON.parse(body).key ?? '');
				executionsByKey.set(key, (executionsByKey.get(key) ?? 0) + 1);
			} catch {
				executionsByKey.set('(unreadable)', (executionsByKey.get('(unreadable)') ?? 0) + 1);
			}
			response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/event`,
		executionsByKey,
		stop: async () => await new Promise((resolve) => server.close(() => resolve())),
	};
}

function burstWorkflow(collectorUrl) {
	const workflow = {
		name: 'Exact webhook burst',
		nodes: [
			{
				name: 'Exact Record Changed',
				type: `${PACKAGE_NAME}.exactOnlineTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: crypto.randomUUID(),
				parameters: { division: { __rl: true, mode: 'list', value: '' }, topics: ['Accounts'], fetchRecord: false, fields: '', options: {} },
				credentials: { exactOnlineOAuth2Api: { name: 'Exact Online account' } },
			},
			{
				name: 'Report Event',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [300, 0],
				parameters: {
					method: 'POST',
					url: collectorUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ key: $json.Key, action: $json.Action }) }}',
					options: {},
				},
			},
		],
		connections: { 'Exact Record Changed': { main: [[{ node: 'Report Event', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	return toNewWorkflow(linkCredentials(workflow, credentialsByType()));
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0);

/**
 * @param {{
 *   rest: import('../../scripts/sandbox/n8n-rest.mjs').N8nRestClient,
 *   exact: Record<string, any>,
 *   check: (name: string, ok: boolean, detail: string) => void,
 *   log: (line: string) => void,
 *   events: number, answerLimitMs: number,
 * }} options
 * @returns {Promise<Record<string, number>>} the figures
 */
export async function runWebhookBurst({ rest, exact, check, log, events, answerLimitMs }) {
	const collector = await startCollector();
	try {
		const flow = await rest.createWorkflow(burstWorkflow(collector.url));
		await rest.activateWorkflow(flow.id);
		// n8n publishes asynchronously: the trigger subscribes in Exact a moment after activation returns.
		const callbackUrl = await waitFor(
			'the burst workflow to subscribe to Accounts in Exact',
			async () => (await callControl(exact.controlUrl, 'GET', `entities/${exact.division}/WebhookSubscriptions`)).find((row) => row.Topic === 'Accounts')?.CallbackURL,
			{ timeoutMs: 60_000, intervalMs: 500 },
		).catch(() => {
			throw new Error('Publishing the burst workflow made no Accounts subscription in Exact within a minute');
		});
		log(`Webhook burst: ${events} events within one minute to ${callbackUrl} (a separate n8n webhook process), every 10th delivered twice.`);

		/** @type {Array<{ ms: number, status: number }>} */
		const answers = [];
		const deliver = async (body) => {
			const startedAt = performance.now();
			try {
				const response = await fetch(callbackUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
				await response.text();
				answers.push({ ms: performance.now() - startedAt, status: response.status });
			} catch {
				answers.push({ ms: performance.now() - startedAt, status: 0 });
			}
		};
		const keys = [];
		const pending = [];
		const spacing = 60_000 / events;
		const burstStarted = Date.now();
		for (let index = 0; index < events; index++) {
			const key = crypto.randomUUID();
			keys.push(key);
			const content = JSON.stringify({
				Topic: 'Accounts',
				ClientId: exact.clientId,
				Division: exact.division,
				Action: 'Update',
				Key: key,
				ExactOnlineEndpoint: `${exact.baseUrl}/api/v1/${exact.division}/crm/Accounts(guid'${key}')`,
				EventCreatedOn: new Date().toISOString().slice(0, 23),
			});
			const hashCode = crypto.createHmac('sha256', exact.webhookSecret).update(content).digest('hex').toUpperCase();
			const body = `{"Content":${content},"HashCode":"${hashCode}"}`;
			pending.push(deliver(body));
			if (index % 10 === 9) pending.push(sleep(Math.floor(Math.random() * 2_000)).then(() => deliver(body)));
			const due = burstStarted + (index + 1) * spacing;
			if (due > Date.now()) await sleep(due - Date.now());
		}
		await Promise.all(pending);
		const sendSeconds = (Date.now() - burstStarted) / 1000;
		await waitFor(
			'the burst executions to finish',
			async () => {
				const reported = [...collector.executionsByKey.values()].reduce((sum, count) => sum + count, 0);
				if (reported < events) return undefined;
				return (await allExecutions(rest, [String(flow.id)])).some(isUnfinished) ? undefined : true;
			},
			{ timeoutMs: 600_000, intervalMs: 3_000 },
		).catch((error) => log(error.message));
		await sleep(5_000);
		await rest.deactivateWorkflow(flow.id);

		const times = answers.map((answer) => answer.ms).sort((a, b) => a - b);
		const notOk = answers.filter((answer) => answer.status < 200 || answer.status >= 300).length;
		const lost = keys.filter((key) => !collector.executionsByKey.has(key)).length;
		const twice = keys.filter((key) => (collector.executionsByKey.get(key) ?? 0) > 1).length;
		const executions = [...collector.executionsByKey.values()].reduce((sum, count) => sum + count, 0);
		const figures = {
			events,
			deliveries: answers.length,
			sendSeconds: Math.round(sendSeconds),
			executions,
			lostEvents: lost,
			eventsStartedTwice: twice,
			notAnswered2xx: notOk,
			answerP50Ms: Math.round(percentile(times, 50)),
			answerP95Ms: Math.round(percentile(times, 95)),
			answerMaxMs: Math.round(times[times.length - 1] ?? 0),
		};
		check('webhook burst: no event lost (each started an execution)', lost === 0, `${events} events, ${executions} executions reported`);
		check('webhook burst: every event started exactly one execution (duplicates dropped)', twice === 0, `${twice} events started twice`);
		check('webhook burst: every callback answered 2xx', notOk === 0, `${answers.length} deliveries; ${notOk} not 2xx`);
		const slow = answers.filter((answer) => answer.ms > answerLimitMs).length;
		log(
			`Webhook burst answer times (a figure, not judged): p50 ${figures.answerP50Ms} ms, p95 ${figures.answerP95Ms} ms, max ${figures.answerMaxMs} ms; ` +
				`${slow} of ${answers.length} answers took longer than ${answerLimitMs} ms.`,
		);
		console.log(`figures webhook burst: ${JSON.stringify(figures)}`);
		return figures;
	} finally {
		await collector.stop();
	}
}
