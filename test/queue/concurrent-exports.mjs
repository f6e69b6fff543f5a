// The same work orders exported by two executions at once on two workers: what happens when a second
// export workflow watches the same status (or an execution is retried from n8n's UI) in queue mode.
// Two copies of the export template poll at second 0 of every minute, so their first polls put two
// executions carrying the same orders on the queue at the same moment; one worker takes each. While they
// run, the first copy is also started by hand ("Execute workflow", which runs on a worker too). Every
// Exact call waits `latencyMs` real milliseconds, widening the window between a look-up and its POST.
// Judged by the simulators' state: duplicates left, orders lost, and how many racing copies the export
// created and removed again.
import { credentialsByType } from '../../scripts/sandbox/credentials.mjs';
import { PACKAGE_NAME } from '../../scripts/sandbox/paths.mjs';
import { callControl } from '../../scripts/sandbox/simulators.mjs';
import { linkCredentials, readTemplates, toNewWorkflow } from '../../scripts/sandbox/templates.mjs';
import { sleep, waitFor } from '../../scripts/sandbox/wait.mjs';
import { addOrders, ordersByNumber, planBacklog } from './backlog.mjs';
import { allExecutions, isUnfinished } from './facts.mjs';
import { executionsStartedBy } from './n8n-cluster.mjs';

/** One copy of the export template that polls at second 0 of every minute. */
function exportCopy(name) {
	const template = readTemplates().find((entry) => entry.file === 'export-work-orders.json');
	if (!template) throw new Error('workflows/export-work-orders.json is missing');
	const workflow = toNewWorkflow(linkCredentials(template.workflow, credentialsByType()));
	workflow.name = name;
	const trigger = workflow.nodes.find((node) => node.type === `${PACKAGE_NAME}.outSmartTrigger`);
	const builder = workflow.nodes.find((node) => node.parameters?.exportTriggers?.trigger?.length);
	if (!trigger || !builder) throw new Error('The export template has no OutSmart trigger or no export-trigger configuration');
	trigger.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: '0 * * * * *' }] };
	const [exportTrigger] = builder.parameters.exportTriggers.trigger;
	return { workflow, triggerName: trigger.name, exportTrigger, yourRefPrefix: String(builder.parameters.yourRefPrefix ?? '') };
}

/**
 * @param {{
 *   rest: import('../../scripts/sandbox/n8n-rest.mjs').N8nRestClient,
 *   exact: Record<string, any>, outsmart: Record<string, any>,
 *   workers: Array<{ name: string, logFile: string }>,
 *   check: (name: string, ok: boolean, detail: string) => void,
 *   log: (line: string) => void,
 *   orders: number, latencyMs: number, timeoutMs: number,
 * }} options
 * @returns {Promise<Record<string, number>>} the figures
 */
export async function runConcurrentExports({ rest, exact, outsmart, workers, check, log, orders, latencyMs, timeoutMs }) {
	const statuses = await callControl(outsmart.controlUrl, 'GET', 'master/workstatusses');
	const first = exportCopy('Export work orders (A)');
	const second = exportCopy('Export work orders (B, same status)');
	const codeOf = (codeOrName) => String(statuses.find((status) => status.sta_code === codeOrName || status.sta_name === codeOrName)?.sta_code ?? codeOrName);
	const successCode = codeOf(first.exportTrigger.successStatus);
	const errorCode = codeOf(first.exportTrigger.errorStatus);
	const plan = await planBacklog(outsmart.controlUrl, { total: orders, brokenEvery: 10, prefix: 'WO-C' });
	const numbers = plan.map((order) => order.WorkorderNo);
	const refOf = (number) => `${first.yourRefPrefix}${number}`;

	const callsBefore = (await callControl(exact.controlUrl, 'GET', 'calls')).length;
	await callControl(exact.controlUrl, 'POST', 'settings', { latencyMs });
	await addOrders(outsmart.controlUrl, plan);
	const flowA = await rest.createWorkflow(first.workflow);
	const flowB = await rest.createWorkflow(second.workflow);
	// Publish both well before a minute starts, so both first polls fire at the same second 0.
	const untilMinute = 60_000 - (Date.now() % 60_000);
	if (untilMinute < 15_000) await sleep(untilMinute + 1_000);
	await Promise.all([rest.activateWorkflow(flowA.id), rest.activateWorkflow(flowB.id)]);
	log(`Concurrent exports: ${plan.length} orders (${plan.filter((order) => order.broken).length} with an unknown GLA), two export workflows on the same status polling at second 0, Exact latency ${latencyMs} ms.`);
	await sleep(60_000 - (Date.now() % 60_000) + 8_000);
	const manualId = await rest.runWorkflow(flowA.id, first.triggerName);
	log(`Both polls fired; execution ${manualId} started by hand on the first workflow while they run.`);

	const isFinal = (order) => order && (order.WorkStatus === successCode || order.WorkStatus === errorCode);
	const settled = await waitFor(
		'every concurrently exported order to reach the success or the error status',
		async () => {
			const byNumber = await ordersByNumber(outsmart.controlUrl);
			return numbers.every((number) => isFinal(byNumber.get(number))) ? byNumber : undefined;
		},
		{ timeoutMs, intervalMs: 5_000 },
	).catch(async (error) => {
		log(error.message);
		return await ordersByNumber(outsmart.controlUrl);
	});
	const flowIds = [String(flowA.id), String(flowB.id)];
	await waitFor('the concurrent exports to finish', async () => ((await allExecutions(rest, flowIds)).some(isUnfinished) ? undefined : true), {
		timeoutMs: 180_000,
		intervalMs: 2_000,
	}).catch((error) => log(error.message));
	await Promise.all([rest.deactivateWorkflow(flowA.id), rest.deactivateWorkflow(flowB.id)]);
	await callControl(exact.controlUrl, 'POST', 'settings', { latencyMs: 0 });

	const executions = await allExecutions(rest, flowIds);
	const byWorker = workers.map((worker) => new Set(executionsStartedBy(worker.logFile)));
	const span = (execution) => [new Date(execution.startedAt ?? 0).getTime(), new Date(execution.stoppedAt ?? Date.now()).getTime()];
	const onWorker = (index) => executions.filter((execution) => byWorker[index].has(execution.id));
	const overlapping = onWorker(0).some((a) => onWorker(1).some((b) => span(a)[0] < span(b)[1] && span(b)[0] < span(a)[1]));
	const fromA = executions.filter((execution) => execution.workflowId === String(flowA.id)).length;
	const fromB = executions.filter((execution) => execution.workflowId === String(flowB.id)).length;
	check(
		'concurrent exports: executions of both workflows ran at the same time on the two workers, plus one started by hand',
		overlapping && fromA >= 2 && fromB >= 1 && executions.some((execution) => execution.id === manualId),
		`${executions.length} executions (${fromA} of the first workflow, ${fromB} of the second); ${byWorker.map((ids, index) => `${workers[index].name}: ${onWorker(index).length}`).join(', ')}`,
	);

	const invoices = await callControl(exact.controlUrl, 'GET', `entities/${exact.division}/SalesInvoices`);
	const count = new Map();
	for (const invoice of invoices) count.set(String(invoice.YourRef ?? ''), (count.get(String(invoice.YourRef ?? '')) ?? 0) + 1);
	const calls = (await callControl(exact.controlUrl, 'GET', 'calls')).slice(callsBefore);
	const invoicePath = (call) => /\/salesinvoice\/SalesInvoices/i.test(call.path);
	const posts = calls.filter((call) => call.method === 'POST' && invoicePath(call) && call.status < 300).length;
	const removed = calls.filter((call) => call.method === 'DELETE' && invoicePath(call) && call.status < 300).length;

	const clean = plan.filter((order) => !order.broken).map((order) => order.WorkorderNo);
	const broken = plan.filter((order) => order.broken).map((order) => order.WorkorderNo);
	const duplicates = numbers.filter((number) => (count.get(refOf(number)) ?? 0) > 1);
	const lost = numbers.filter((number) => !isFinal(settled.get(number)) || settled.get(number)?.status !== 'Compleet');
	const wrong = [
		...clean.filter((number) => settled.get(number)?.WorkStatus !== successCode || count.get(refOf(number)) !== 1),
		...broken.filter((number) => settled.get(number)?.WorkStatus !== errorCode || (count.get(refOf(number)) ?? 0) !== 0),
	];
	check('concurrent exports: no duplicate invoice (no YourRef twice)', duplicates.length === 0, `${duplicates.length} duplicates${duplicates.length ? `: ${duplicates.slice(0, 10).join(', ')}` : ''}`);
	check('concurrent exports: no lost order (every order in its success or error status)', lost.length === 0, `${lost.length} lost${lost.length ? `: ${lost.slice(0, 10).join(', ')}` : ''}`);
	check(
		'concurrent exports: each clean order has one invoice and the success status; each order with an unknown GLA none and the error status',
		wrong.length === 0,
		`${clean.length} clean, ${broken.length} with an unknown GLA${wrong.length ? `; wrong: ${wrong.slice(0, 10).join(', ')}` : ''}`,
	);
	const figures = { orders: plan.length, executions: executions.length, invoicePosts: posts, racingCopiesRemoved: removed, duplicatesLeft: duplicates.length, lost: lost.length };
	console.log(`figures concurrent exports: ${JSON.stringify(figures)}`);
	return figures;
}
