/**
 * Payment status back to OutSmart, as shipped: after the export, the orders whose Exact invoice is paid get
 * the work status "Betaald", the others keep their export status, and a second run writes nothing.
 * n8n's `$now` follows the simulators' clock, so "the last days" of payments are simulated days.
 */
import { Settings } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { exactRows, loadTemplate, outSmartWrites, startStack, type Stack } from './setup';

const FILE = 'payment-status-to-outsmart.json';
const TRIGGER = 'Every Hour';
const EXPORTED = DEMO_WORKSTATUS.exportSucceeded.code;
const PAID = DEMO_WORKSTATUS.paid.code;
const DAY = 24 * 60 * 60 * 1000;

describe('Template: payment status to OutSmart', () => {
	let stack: Stack;
	let exported: string[];
	const realNow = Settings.now;
	const workstatusOf = (number: string) => String(stack.outSmart.getWorkorder(number)?.WorkStatus ?? '');
	const invoiceOf = (number: string) => exactRows(stack, 'SalesInvoices').find((invoice) => invoice.YourRef === number) as IDataObject;

	beforeAll(async () => {
		stack = await startStack({ workorderCount: 80 });
		Settings.now = () => stack.exact.clock.now();
		// Only processed invoices have a receivable (#15 point 9): the export processes them ("Invoice in Exact").
		const exportTemplate = loadTemplate('export-work-orders.json');
		const build = exportTemplate.nodes.find((node) => node.name === 'Build Sales Invoice')!;
		build.parameters.exportOptions = { ...(build.parameters.exportOptions as IDataObject), invoiceProcessing: 'process' };
		const exportRun = await stack.harness.poll(exportTemplate, { staticData: {} });
		exported = exportRun.run!.output('Exported').map((line) => String(line.workorderNo));
		expect(exported.length).toBeGreaterThan(4);
		expect(exported.map((number) => invoiceOf(number).Status)).toEqual(exported.map(() => 50));
	});

	afterAll(async () => {
		Settings.now = realNow;
		await stack.close();
	});

	test('with no invoice paid it changes nothing', async () => {
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.error?.message).toBeUndefined();
		expect(outSmartWrites(stack)).toBe(0);
		for (const number of exported) expect(workstatusOf(number)).toBe(EXPORTED);
	});

	test('orders whose invoice is paid become "Betaald", the others keep their export status', async () => {
		const paid = exported.slice(0, 2);
		for (const number of paid) stack.exact.markInvoicePaid(String(invoiceOf(number).InvoiceID));
		stack.exact.clock.advance(2 * 60 * 60 * 1000);

		stack.outSmart.resetCalls();
		stack.exact.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.error?.message).toBeUndefined();
		expect(run.output('Marked Paid').map((line) => line.workorderNo).sort()).toEqual([...paid].sort());
		for (const line of run.output('Marked Paid')) {
			expect(line).toMatchObject({ statusSet: true, invoiceNumber: String(invoiceOf(String(line.workorderNo)).InvoiceNumber) });
		}
		expect(exported.map((number) => [number, workstatusOf(number)])).toEqual(exported.map((number) => [number, paid.includes(number) ? PAID : EXPORTED]));
		expect(stack.outSmart.calls().filter((call) => call.endpoint === 'UpdateWorkorder')).toHaveLength(paid.length);
		// One read of Exact's receivables, nothing written there.
		expect(stack.exact.calls().filter((call) => call.path.startsWith('/api/v1/')).map((call) => `${call.method} ${call.path.split('/').slice(4).join('/')}`)).toEqual([
			'GET cashflow/Receivables',
		]);
	});

	test('a second run writes nothing', async () => {
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(outSmartWrites(stack)).toBe(0);
		expect(run.executedNodes).not.toContain('Set Work Status Paid');
	});

	test('a payment older than the look-back window is not picked up; a paid order an operator moved elsewhere is left alone', async () => {
		const [old, moved] = exported.slice(2, 4);
		stack.exact.markInvoicePaid(String(invoiceOf(old).InvoiceID));
		const oldReceivable = exactRows(stack, 'Receivables').find((row) => row.TransactionEntryID === invoiceOf(old).InvoiceID)!;
		stack.exact.updateEntity(stack.exact.info.division, 'Receivables', String(oldReceivable.ID), { LastPaymentDate: stack.exact.clock.now() - 40 * DAY } as IDataObject as never);
		stack.exact.markInvoicePaid(String(invoiceOf(moved).InvoiceID));
		stack.outSmart.setWorkstatus(moved, DEMO_WORKSTATUS.inProgress.code);
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(outSmartWrites(stack)).toBe(0);
		expect(workstatusOf(old)).toBe(EXPORTED);
		expect(workstatusOf(moved)).toBe(DEMO_WORKSTATUS.inProgress.code);
	});

	test('with a YourRef prefix only invoices carrying it count, the prefix stripped', async () => {
		const number = exported[exported.length - 1];
		const invoice = invoiceOf(number);
		stack.exact.updateEntity(stack.exact.info.division, 'SalesInvoices', String(invoice.InvoiceID), { YourRef: `WB-${number}` } as IDataObject as never);
		const receivable = exactRows(stack, 'Receivables').find((row) => row.TransactionEntryID === invoice.InvoiceID)!;
		stack.exact.updateEntity(stack.exact.info.division, 'Receivables', String(receivable.ID), { YourRef: `WB-${number}` } as IDataObject as never);
		stack.exact.markInvoicePaid(String(invoice.InvoiceID));
		const template = loadTemplate(FILE);
		const settings = template.nodes.find((node) => node.name === 'Settings')!;
		const assignments = (settings.parameters.assignments as { assignments: IDataObject[] }).assignments;
		assignments.find((assignment) => assignment.name === 'yourRefPrefix')!.value = 'WB-';
		// The order moved away in the previous test is back in the export status, its invoice paid without the prefix.
		const unprefixed = exported[3];
		stack.outSmart.setWorkstatus(unprefixed, EXPORTED);
		const run = await stack.harness.run(template, { mode: 'trigger', startNode: TRIGGER });
		expect(run.output('Marked Paid').map((line) => line.workorderNo)).toEqual([number]);
		expect(workstatusOf(unprefixed)).toBe(EXPORTED);
		expect(workstatusOf(number)).toBe(PAID);
	});
});
