/**
 * The export dry run, as shipped: one verdict (would export / would skip / would fail) for every order
 * waiting in a trigger status, the same verdicts the real export then reaches, and not a single write to
 * either system.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { DEMO_WORKSTATUS, shownNumber } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, outSmartWrites, startStack, type Stack } from './setup';

const FILE = 'export-dry-run.json';
const TRIGGER = 'Run Dry Run';
const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const SETTINGS_NODES = ['Export Configuration', 'Dry Run Export'];

async function readyOrderNumbers(stack: Stack): Promise<string[]> {
	const orders = await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
	return orders.map((order) => shownNumber(order)).sort();
}

/** Exact API calls that change something (token calls are not writes to the administration). */
function exactWrites(stack: Stack): string[] {
	return stack.exact
		.calls()
		.filter((call) => call.path.startsWith('/api/v1/') && call.method !== 'GET')
		.map((call) => `${call.method} ${call.path}`);
}

function exportSettings(workflow: IWorkflowBase, nodeName: string): IDataObject {
	const { resource, operation, division, ...settings } = workflow.nodes.find((node) => node.name === nodeName)!.parameters as IDataObject;
	void resource;
	void operation;
	void division;
	return settings;
}

describe('Template: export dry run', () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ workorderCount: 40 });
	});

	afterAll(async () => {
		await stack.close();
	});

	test('ships with the export template\'s configuration', () => {
		const exportSettingsShipped = exportSettings(loadTemplate('export-work-orders.json'), 'Build Sales Invoice');
		for (const node of SETTINGS_NODES) expect(exportSettings(loadTemplate(FILE), node)).toEqual(exportSettingsShipped);
	});

	test('reports a verdict for every waiting order, the seeded problem orders as would fail, and writes nothing', async () => {
		const waiting = await readyOrderNumbers(stack);
		expect(waiting.length).toBeGreaterThan(3);
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'manual', startNode: TRIGGER });
		expect(run.error?.message).toBeUndefined();

		const report = run.output('Dry Run Export');
		expect(report.map((line) => String((line.workorder as IDataObject).workorderNo)).sort()).toEqual(waiting);
		const failing = report.filter((line) => line.verdict === 'wouldFail').map((line) => String((line.workorder as IDataObject).workorderNo));
		const issues = stack.outSmart.seed.issueWorkorders;
		expect(failing).toEqual(expect.arrayContaining([issues.unknownGla, ...issues.paymentConditionMismatch].filter((number) => waiting.includes(String(number)))));
		for (const line of report.filter((entry) => entry.verdict === 'wouldFail')) expect(line.reason).toMatch(/^Would fail because .*(GL account|[Pp]ayment condition|is not finished)/);
		expect(report.filter((line) => line.verdict === 'wouldExport').length).toBeGreaterThan(0);
		const [summary] = run.output('Dry Run Summary');
		expect(summary).toMatchObject({ ordersWaiting: waiting.length, wouldFail: failing.length, wouldExport: waiting.length - failing.length, wouldSkip: 0, errors: [] });
		expect((summary.notExported as string[]).length).toBe(failing.length);

		expect(exactWrites(stack)).toEqual([]);
		expect(outSmartWrites(stack)).toBe(0);
		const reads = stack.outSmart.calls().filter((call) => call.endpoint === 'GetWorkorders');
		expect(reads.length).toBeGreaterThan(0);
		for (const read of reads) expect(read.query).toContain('update_status=false');
		expect(await readyOrderNumbers(stack)).toEqual(waiting);
		expect(exactRows(stack, 'SalesInvoices')).toHaveLength(0);
	});

	test('its verdicts are what the export then does; an exported order put back is reported as would skip', async () => {
		const dryRun = await stack.harness.run(loadTemplate(FILE), { mode: 'manual', startNode: TRIGGER });
		const verdicts = new Map(dryRun.output('Dry Run Export').map((line) => [String((line.workorder as IDataObject).workorderNo), line.verdict]));
		const exported = await stack.harness.poll(loadTemplate('export-work-orders.json'), { staticData: {} });
		expect(exported.run!.status).toBe('success');
		const failed = exported.run!.output('Export Failed').map((line) => String(line.workorderNo)).sort();
		expect(failed).toEqual([...verdicts].filter(([, verdict]) => verdict === 'wouldFail').map(([number]) => number).sort());
		const succeeded = exported.run!.output('Exported').map((line) => String(line.workorderNo)).sort();
		expect(succeeded).toEqual([...verdicts].filter(([, verdict]) => verdict === 'wouldExport').map(([number]) => number).sort());

		const again = succeeded[0];
		stack.outSmart.setWorkstatus(again, READY);
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'manual', startNode: TRIGGER });
		expect(run.output('Dry Run Export')).toEqual([
			expect.objectContaining({ verdict: 'wouldSkip', reason: `Already exported: Exact has a sales invoice with YourRef ${again}` }),
		]);
		expect(run.output('Dry Run Summary')[0]).toMatchObject({ ordersWaiting: 1, wouldSkip: 1, wouldExport: 0, wouldFail: 0 });
		expect(exactWrites(stack)).toEqual([]);
		expect(outSmartWrites(stack)).toBe(0);
	});

	test('with no order waiting it says so', async () => {
		for (const number of await readyOrderNumbers(stack)) stack.outSmart.setWorkstatus(number, DEMO_WORKSTATUS.exportSucceeded.code);
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'manual', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(run.executedNodes).not.toContain('Dry Run Export');
		expect(run.output('Dry Run Summary')).toEqual([expect.objectContaining({ ordersWaiting: 0, wouldExport: 0, wouldSkip: 0, wouldFail: 0 })]);
	});

	test('a conflicting configuration stops with the reason before anything is read', async () => {
		const template = loadTemplate(FILE);
		for (const name of SETTINGS_NODES) {
			const triggers = (template.nodes.find((node) => node.name === name)!.parameters.exportTriggers as { trigger: IDataObject[] }).trigger;
			triggers.push({ ...triggers[0], name: 'Alleen materiaal', mode: 'materialsOnly' });
		}
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(template, { mode: 'manual', startNode: TRIGGER });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(`Status '${READY}' is used by two export triggers`);
		expect(run.error?.message).toContain('Nothing was checked');
		expect(stack.outSmart.calls()).toHaveLength(0);
	});
});
