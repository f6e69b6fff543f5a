/**
 * The dry run is a switch on the export workflow's own Build Sales Invoice node, not a copy of its
 * configuration: with it on, the export template reports one verdict (would export / would skip / would
 * fail) per waiting order, the same verdicts the export then reaches, and writes nothing to either system.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { readdirSync } from 'node:fs';
import { DEMO_WORKSTATUS, shownNumber } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, outSmartWrites, useStack, WORKFLOWS_DIR, type Stack } from './setup';

const FILE = 'export-work-orders.json';
const TRIGGER = 'Work Order Ready for Export';
const READY = DEMO_WORKSTATUS.readyForInvoicing.code;

async function readyOrders(stack: Stack): Promise<IDataObject[]> {
	return await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
}

/** Exact API calls that change something (token calls are not writes to the administration). */
function exactWrites(stack: Stack): string[] {
	return stack.exact
		.calls()
		.filter((call) => call.path.startsWith('/api/v1/') && call.method !== 'GET')
		.map((call) => `${call.method} ${call.path}`);
}

function dryRunTemplate(): IWorkflowBase {
	const template = loadTemplate(FILE);
	template.nodes.find((node) => node.name === 'Build Sales Invoice')!.parameters.dryRun = true;
	return template;
}

const numberOf = (line: IDataObject) => String((line.workorder as IDataObject).workorderNo);

describe('Template: export dry run (a switch on the export itself)', () => {
	const stack = useStack({ workorderCount: 40 });

	test('no template keeps a second copy of the export configuration', () => {
		const copies = readdirSync(WORKFLOWS_DIR)
			.filter((file) => file.endsWith('.json'))
			.filter((file) => loadTemplate(file).nodes.some((node) => node.parameters.exportTriggers !== undefined));
		expect(copies).toEqual([FILE]);
		const holders = loadTemplate(FILE).nodes.filter((node) => node.parameters.exportTriggers !== undefined);
		expect(holders.map((node) => node.name)).toEqual(['Build Sales Invoice']);
		expect(holders[0].parameters.dryRun).toBe(false);
	});

	test('reports a verdict for every waiting order, the seeded problem orders as would fail, and writes nothing', async () => {
		const orders = await readyOrders(stack);
		const waiting = orders.map((order) => shownNumber(order)).sort();
		expect(waiting.length).toBeGreaterThan(3);
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(dryRunTemplate(), { mode: 'trigger', startNode: TRIGGER, input: orders });
		expect(run.status).toBe('success');

		const report = run.output('Dry Run Report');
		expect(report.map(numberOf).sort()).toEqual(waiting);
		const failing = report.filter((line) => line.verdict === 'wouldFail').map(numberOf);
		const issues = stack.outSmart.seed.issueWorkorders;
		expect(failing).toEqual(expect.arrayContaining([issues.unknownGla, ...issues.paymentConditionMismatch].filter((number) => waiting.includes(String(number)))));
		for (const line of report.filter((entry) => entry.verdict === 'wouldFail')) expect(line.reason).toMatch(/^Would fail because .*(GL account|[Pp]ayment condition|is not finished)/);
		expect(report.filter((line) => line.verdict === 'wouldExport').length).toBeGreaterThan(0);
		for (const node of ['PDF Only?', 'Create Sales Invoice', 'Move to Error Status', 'Move to Success Status']) expect(run.executedNodes).not.toContain(node);

		expect(exactWrites(stack)).toEqual([]);
		expect(outSmartWrites(stack)).toBe(0);
		expect((await readyOrders(stack)).map((order) => shownNumber(order)).sort()).toEqual(waiting);
		expect(exactRows(stack, 'SalesInvoices')).toHaveLength(0);
	});

	test('its verdicts are what the export then does; an exported order put back is reported as would skip', async () => {
		const orders = await readyOrders(stack);
		const dryRun = await stack.harness.run(dryRunTemplate(), { mode: 'trigger', startNode: TRIGGER, input: orders });
		const verdicts = new Map(dryRun.output('Dry Run Report').map((line) => [numberOf(line), line.verdict]));
		const exported = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER, input: orders });
		const failed = exported.output('Export Failed').map((line) => String(line.workorderNo)).sort();
		expect(failed).toEqual([...verdicts].filter(([, verdict]) => verdict === 'wouldFail').map(([number]) => number).sort());
		const succeeded = exported.output('Exported').map((line) => String(line.workorderNo)).sort();
		expect(succeeded).toEqual([...verdicts].filter(([, verdict]) => verdict === 'wouldExport').map(([number]) => number).sort());

		const again = succeeded[0];
		stack.outSmart.setWorkstatus(again, READY);
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const backInStatus = (await readyOrders(stack)).filter((order) => shownNumber(order) === again);
		const run = await stack.harness.run(dryRunTemplate(), { mode: 'trigger', startNode: TRIGGER, input: backInStatus });
		expect(run.output('Dry Run Report')).toEqual([
			expect.objectContaining({ verdict: 'wouldSkip', reason: expect.stringMatching(/^Already exported: Exact has invoice (\d+|draft [0-9a-f-]{36}) for \[OutSmart \S+ MH\]$/) }),
		]);
		expect(exactWrites(stack)).toEqual([]);
		expect(outSmartWrites(stack)).toBe(0);
	});

	test('a conflicting configuration stops with the reason before anything is written', async () => {
		const template = dryRunTemplate();
		const triggers = (template.nodes.find((node) => node.name === 'Build Sales Invoice')!.parameters.exportTriggers as { trigger: IDataObject[] }).trigger;
		triggers.push({ ...triggers[0], name: 'Alleen materiaal', mode: 'materialsOnly' });
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(template, { mode: 'trigger', startNode: TRIGGER, input: [{ WorkorderNo: 'WO-1', id: '1' }] });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(`Status '${READY}' is used by two export triggers`);
		expect(stack.outSmart.calls()).toHaveLength(0);
	});
});
