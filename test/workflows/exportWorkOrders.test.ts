/**
 * The export template, as shipped, on n8n's engine against both simulators: every order waiting in the
 * trigger status ends exported exactly once in its success status, or in its error status with a reason;
 * re-runs, two executions at once and a run that dies between the invoice and the status change create no
 * second invoice and lose no order; a conflicting trigger configuration stops before anything is written.
 * A run with a failed order ends in error (after the other orders are done) naming every such order.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { DEMO_WORKSTATUS, shownNumber } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, startStack, type Stack } from './setup';

const FILE = 'export-work-orders.json';
const TRIGGER = 'Work Order Ready for Export';
const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
const FAILED = DEMO_WORKSTATUS.exportFailed.code;
const HOUR = 60 * 60 * 1000;

function invoicesPerYourRef(stack: Stack): Map<string, number> {
	const counts = new Map<string, number>();
	for (const invoice of exactRows(stack, 'SalesInvoices')) counts.set(String(invoice.YourRef), (counts.get(String(invoice.YourRef)) ?? 0) + 1);
	return counts;
}

async function readyOrders(stack: Stack): Promise<IDataObject[]> {
	return await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
}

function workstatusOf(stack: Stack, workorderNo: string): string {
	return String(stack.outSmart.getWorkorder(workorderNo)?.WorkStatus ?? '');
}

/** Every order ends in its success status with exactly one invoice, or in its error status without one. */
function expectEveryOrderSettled(stack: Stack, numbers: string[], expectedFailures: string[]): void {
	const invoices = invoicesPerYourRef(stack);
	const outcome = numbers.map((number) => ({ number, status: workstatusOf(stack, number), invoices: invoices.get(number) ?? 0 }));
	expect(outcome).toEqual(
		numbers.map((number) =>
			expectedFailures.includes(number) ? { number, status: FAILED, invoices: 0 } : { number, status: SUCCESS, invoices: 1 },
		),
	);
}

describe('Template: export work orders', () => {
	let stack: Stack;
	let numbers: string[];
	let expectedFailures: string[];

	beforeAll(async () => {
		stack = await startStack({ workorderCount: 40 });
		numbers = (await readyOrders(stack)).map((order) => shownNumber(order));
		expectedFailures = [];
	});

	afterAll(async () => {
		await stack.close();
	});

	test('a conflicting trigger configuration stops the run before anything is written', async () => {
		const template = loadTemplate(FILE);
		const build = template.nodes.find((node) => node.name === 'Build Sales Invoice')!;
		const triggers = (build.parameters.exportTriggers as { trigger: IDataObject[] }).trigger;
		triggers.push({ ...triggers[0], name: 'Alleen materiaal', mode: 'materialsOnly' });
		stack.outSmart.resetCalls();
		const { run } = await stack.harness.poll(template as IWorkflowBase, { triggerNode: TRIGGER, staticData: {} });
		expect(run!.status).toBe('error');
		// The reason itself is in the run's error, where the error workflow's alert finds it.
		expect(run!.error?.message).toMatch(new RegExp(`^No work order was exported: Status '${READY}' is used by two export triggers`));
		expect(run!.executedNodes).toContain('Stop: Nothing Exported');
		expect(exactRows(stack, 'SalesInvoices')).toHaveLength(0);
		expect(stack.outSmart.calls().filter((call) => call.endpoint === 'UpdateWorkorder')).toHaveLength(0);
	});

	test('every ready order ends exported once in its success status, or in its error status with the reason', async () => {
		const staticData: IDataObject = {};
		const { run } = await stack.harness.poll(loadTemplate(FILE), { staticData });
		// Failed orders make the run end in error, after every other order is done, naming each of them.
		expect(run!.status).toBe('error');
		expect(run!.executedNodes).toContain('Stop: Orders Not Exported');
		// The seeded problem orders (unknown GLA, payment-condition mismatch) are among the failures.
		const issues = stack.outSmart.seed.issueWorkorders;
		expectedFailures.push(...run!.output('Export Failed').map((failure) => String(failure.workorderNo)));
		for (const number of expectedFailures) expect(run!.error?.message).toContain(number);
		expect(expectedFailures).toEqual(expect.arrayContaining([issues.unknownGla, ...issues.paymentConditionMismatch].filter((number) => numbers.includes(String(number)))));
		expect(numbers.length).toBeGreaterThan(expectedFailures.length);
		expectEveryOrderSettled(stack, numbers, expectedFailures);
		const failures = run!.output('Export Failed');
		expect(failures.map((failure) => failure.workorderNo).sort()).toEqual([...expectedFailures].sort());
		for (const failure of failures) {
			expect(failure.reason).toMatch(/Cannot export WO-\d+|GL account|Payment condition|is not finished/);
			expect(failure).toMatchObject({ kind: 'order.invalid', errorStatusSet: true, errorStatus: FAILED });
		}
		// Exported orders also carry the invoice's data in Exact: customer and lines.
		const invoice = exactRows(stack, 'SalesInvoices').find((row) => row.YourRef === numbers.find((number) => !expectedFailures.includes(number)));
		expect(invoice?.Description).toMatch(/^Werkbon WO-\d+ - /);
		// As shipped ("Invoice in Exact": Leave as Draft) the invoice waits in Exact: no number, no receivable (#15 point 9).
		expect(invoice).toMatchObject({ Status: 20, InvoiceNumber: null });
		expect(exactRows(stack, 'Receivables').filter((row) => row.TransactionEntryID === invoice?.InvoiceID)).toEqual([]);

		// A second poll finds nothing new to do and writes nothing.
		stack.outSmart.resetCalls();
		const again = await stack.harness.poll(loadTemplate(FILE), { staticData });
		expect(again.polled).toBeNull();
		expect(stack.outSmart.calls().filter((call) => call.endpoint === 'UpdateWorkorder')).toHaveLength(0);
		expectEveryOrderSettled(stack, numbers, expectedFailures);
	});

	test('running the export again on the same orders, and two executions at once, create no second invoice', async () => {
		// An operator puts the exported orders back in the trigger status: both executions see all of them.
		for (const number of numbers) stack.outSmart.setWorkstatus(number, READY);
		const orders = (await readyOrders(stack)).filter((order) => !expectedFailures.includes(shownNumber(order)));
		const first = stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER, input: orders });
		const second = stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER, input: orders });
		const runs = await Promise.all([first, second]);
		for (const run of runs) expect(run.status).toBe('success');
		const ok = numbers.filter((number) => !expectedFailures.includes(number));
		const invoices = invoicesPerYourRef(stack);
		expect(ok.map((number) => [number, invoices.get(number)])).toEqual(ok.map((number) => [number, 1]));
		for (const number of ok) expect(workstatusOf(stack, number)).toBe(SUCCESS);
	});

	test('a run that dies between the invoice and the status change loses no order and makes no second invoice', async () => {
		const number = 'WO-27001';
		const source = (await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Afgehandeld', update_status: 'false' } }))[0];
		stack.outSmart.addWorkorder({
			WorkorderNo: number,
			status: 'Compleet',
			WorkStatus: READY,
			CustomerDebtorNr: String(source.CustomerDebtorNr),
			Materials: (source.Materials as IDataObject[]).map((line) => ({ MaterialCode: line.MaterialCode, MaterialNr: line.MaterialNr })),
			Workperiods: source.Workperiods,
		} as never);
		const staticData: IDataObject = {};
		stack.outSmart.injectFault({ match: { path: 'UpdateWorkorder' }, fault: 'status', status: 503, times: 100 });
		const dying = await stack.harness.poll(loadTemplate(FILE), { staticData });
		stack.outSmart.clearFaults();
		// Neither the success nor the error status could be set: the run fails naming the order.
		expect(dying.run!.status).toBe('error');
		expect(dying.run!.error?.message).toContain(`${number} (`);
		expect(dying.run!.error?.message).toContain('[error status NOT set]');
		expect(invoicesPerYourRef(stack).get(number)).toBe(1);
		expect(workstatusOf(stack, number)).toBe(READY);
		expect(dying.run!.output('Export Failed').find((item) => item.workorderNo === number)).toMatchObject({ errorStatusSet: false, kind: 'outSmart.unavailable' });

		// Within the hour the order is not picked up again; after it, it is, finds its invoice and is settled.
		expect((await stack.harness.poll(loadTemplate(FILE), { staticData })).polled).toBeNull();
		stack.exact.clock.advance(HOUR + 60_000);
		const recovery = await stack.harness.poll(loadTemplate(FILE), { staticData });
		// (The seeded invalid orders, put back in the trigger status above, still fail: only they are named.)
		expect(recovery.run!.error?.message ?? '').not.toContain(number);
		expect(invoicesPerYourRef(stack).get(number)).toBe(1);
		expect(workstatusOf(stack, number)).toBe(SUCCESS);
		expect(recovery.run!.output('Create Sales Invoice').find((item) => item.YourRef === number)).toMatchObject({ skipped: true });
	});

	test('an expired Exact refresh token stops the export with the reconnect message and changes nothing', async () => {
		const number = 'WO-27002';
		const source = (await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Afgehandeld', update_status: 'false' } }))[0];
		stack.outSmart.addWorkorder({
			WorkorderNo: number,
			status: 'Compleet',
			WorkStatus: READY,
			CustomerDebtorNr: String(source.CustomerDebtorNr),
			Materials: (source.Materials as IDataObject[]).map((line) => ({ MaterialCode: line.MaterialCode, MaterialNr: line.MaterialNr })),
			Workperiods: source.Workperiods,
		} as never);
		const invoicesBefore = exactRows(stack, 'SalesInvoices').length;
		stack.exact.expireRefreshTokens();
		stack.exact.clock.advance(HOUR);
		stack.outSmart.resetCalls();

		const { run } = await stack.harness.poll(loadTemplate(FILE), { staticData: {} , mode: 'trigger' });

		expect(run!.status).toBe('error');
		expect(run!.error?.message).toMatch(/^No work order was exported: Exact Online refused the refresh token/);
		expect(exactRows(stack, 'SalesInvoices')).toHaveLength(invoicesBefore);
		expect(stack.outSmart.calls().filter((call) => call.endpoint === 'UpdateWorkorder')).toHaveLength(0);
		expect(workstatusOf(stack, number)).toBe(READY);
	});
});
