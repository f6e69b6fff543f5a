/**
 * The export template's failure matrix on n8n's engine: a fault at each step (build refuses the order;
 * invoice POST 4xx, 5xx, lost response; PDF download fails; document POST fails; status update fails), in
 * the invoice-with-PDF mode, the materials-only mode without PDF and the PDF-only mode. Every case ends with: no duplicate invoice, the order in
 * its error status with the reason in the run, the other order exported, and the run ended in error naming
 * the order (so n8n's error workflow fires). Exported again once the fault is gone, the order ends with one
 * invoice and its PDF attached: a PDF whose attach failed is attached on the re-run.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import type { FaultRule as ExactFault } from '../simulators/exact/faults';
import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, startStack, type Stack } from './setup';

const TRIGGER = 'Work Order Ready for Export';
const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
const FAILED = DEMO_WORKSTATUS.exportFailed.code;

/** Materials and hours with the PDF attached, materials only without a PDF (the template's default), PDF only. */
type Mode = 'invoiceWithPdf' | 'materialsOnly' | 'pdfOnly';

interface FaultCase {
	step: string;
	modes: Mode[];
	/** Makes the first order fail at this step (called once its order was read, as the trigger hands it on). */
	inject(stack: Stack, target: string): void;
	/** What the first order looks like, when the fault is in the order itself. */
	order?: (source: IDataObject) => IDataObject;
	/** The failure's kind, as the run reports it. */
	kind: string;
	/** Whether exporting again after the fault is gone exports the order (not for an order that stays invalid). */
	recovers: boolean;
}

const exactFault = (rule: ExactFault) => (stack: Stack) => stack.exact.injectFault(rule);

const CASES: FaultCase[] = [
	{ step: 'build refuses the order', kind: 'order.invalid', modes: ['invoiceWithPdf', 'materialsOnly'], recovers: false, inject: () => undefined, order: (source) => ({ Materials: (source.Materials as IDataObject[]).map((line, index) => (index === 0 ? { ...line, MaterialCode: 'ONBEKEND-0001' } : line)) }) },
	// In PDF-only mode lines do not matter, but the document still needs the customer's account in Exact.
	{ step: 'build refuses the order (invoice customer unknown in Exact)', kind: 'order.invalid', modes: ['pdfOnly'], recovers: false, inject: () => undefined, order: () => ({ CustomerDebtorNrInvoice: '999999' }) },
	{ step: 'invoice POST answers 4xx', kind: 'exact.refused', modes: ['invoiceWithPdf', 'materialsOnly'], recovers: true, inject: exactFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'status', status: 400, body: JSON.stringify({ error: { message: { value: 'Ongeldige waarde' } } }) }) },
	{ step: 'invoice POST answers 5xx', kind: 'exact.unknownOutcome', modes: ['invoiceWithPdf', 'materialsOnly'], recovers: true, inject: exactFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'status', status: 500 }) },
	{ step: 'invoice POST response is lost', kind: 'exact.unknownOutcome', modes: ['invoiceWithPdf', 'materialsOnly'], recovers: true, inject: exactFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'dropAfterWrite' }) },
	{
		step: 'PDF download fails', kind: 'outSmart.refused',
		modes: ['invoiceWithPdf', 'pdfOnly'],
		recovers: true,
		// OutSmart refuses the read of the order's PDF link once (a result code, not a transient failure).
		inject: (stack) => stack.outSmart.injectFault({ match: { path: 'GetWorkorder$' }, fault: 'envelope', code: 1007, messages: ['General uncaught error'], times: 1 }),
	},
	{ step: 'document POST fails', kind: 'exact.unknownOutcome', modes: ['invoiceWithPdf', 'pdfOnly'], recovers: true, inject: exactFault({ match: { method: 'POST', path: 'documents/Documents' }, fault: 'status', status: 500, times: 1 }) },
	{ step: 'status update fails', kind: 'outSmart.unavailable', modes: ['invoiceWithPdf', 'materialsOnly', 'pdfOnly'], recovers: true, inject: (stack) => stack.outSmart.injectFault({ match: { path: 'UpdateWorkorder' }, fault: 'status', status: 503, times: 1 }) },
];

function template(mode: Mode): IWorkflowBase {
	const workflow = loadTemplate('export-work-orders.json');
	const build = workflow.nodes.find((node) => node.name === 'Build Sales Invoice')!;
	const [trigger] = (build.parameters.exportTriggers as { trigger: IDataObject[] }).trigger;
	if (mode === 'pdfOnly') trigger.mode = 'pdfOnly';
	else if (mode === 'materialsOnly') trigger.mode = 'materialsOnly';
	else build.parameters.exportOptions = { ...(build.parameters.exportOptions as IDataObject), attachPdf: true };
	return workflow;
}

describe.each(['invoiceWithPdf', 'materialsOnly', 'pdfOnly'] as Mode[])('export failure matrix, %s mode', (mode) => {
	let stack: Stack;
	let clean: IDataObject[];
	let serial = 0;

	beforeAll(async () => {
		stack = await startStack({ workorderCount: 40 });
		const issues = stack.outSmart.seed.issueWorkorders;
		const problems = new Set([issues.unknownGla, issues.missingGla, ...issues.paymentConditionMismatch].map(String));
		const glCodes = new Set(exactRows(stack, 'GLAccounts').map((account) => String(account.Code).trim()));
		clean = (await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } })).filter(
			(order) => !problems.has(String(order.WorkorderNo)) && String(order.WorkFinished ?? '1') !== '0' && (order.Materials as IDataObject[]).length > 0 && (order.Materials as IDataObject[]).every((line) => glCodes.has(String(line.MaterialFreeField1).trim())),
		);
		expect(clean.length).toBeGreaterThan(1);
	});

	afterAll(async () => {
		await stack.close();
	});

	/** A new order in the trigger status, a copy of a clean seeded one. */
	function newOrder(source: IDataObject, change: IDataObject = {}): string {
		const number = `WO-9${mode === 'pdfOnly' ? 5 : 4}${String(++serial).padStart(3, '0')}`;
		const { id, PdfUrl, ...fields } = source;
		void id;
		void PdfUrl;
		stack.outSmart.addWorkorder({ ...fields, ...change, WorkorderNo: number, status: 'Compleet', WorkStatus: READY } as never);
		return number;
	}

	async function waiting(numbers: string[]): Promise<IDataObject[]> {
		const orders = await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
		return numbers.map((number) => orders.find((order) => order.WorkorderNo === number)!);
	}

	const invoices = (number: string) => exactRows(stack, 'SalesInvoices').filter((invoice) => invoice.YourRef === number);
	const documents = (number: string) => exactRows(stack, 'Documents').filter((document) => String(document.Subject).includes(number));
	const statusOf = (number: string) => String(stack.outSmart.getWorkorder(number)?.WorkStatus ?? '');

	test.each(CASES.filter((entry) => entry.modes.includes(mode)).map((entry) => [entry.step, entry] as const))('%s', async (_step, fault) => {
		const target = newOrder(clean[0], fault.order?.(clean[0]));
		const bystander = newOrder(clean[1]);
		const input = await waiting([target, bystander]);
		fault.inject(stack, target);
		const run = await stack.harness.run(template(mode), { mode: 'trigger', startNode: TRIGGER, input });
		stack.exact.clearFaults();
		stack.outSmart.clearFaults();

		// The run is not green: it ends in error after the other order is done, naming the failed one.
		expect(run.status).toBe('error');
		expect(run.executedNodes).toContain('Stop: Orders Not Exported');
		expect(run.error?.message).toContain(`${target} (`);
		expect(run.error?.message).not.toContain(bystander);
		const [failure] = run.output('Export Failed').filter((line) => line.workorderNo === target);
		expect(failure).toMatchObject({ errorStatusSet: true, errorStatus: FAILED, kind: fault.kind, reason: expect.stringMatching(/\S/) });
		expect(statusOf(target)).toBe(FAILED);
		expect(statusOf(bystander)).toBe(SUCCESS);
		expect(invoices(target).length).toBeLessThanOrEqual(1);
		expect(invoices(bystander)).toHaveLength(mode === 'pdfOnly' ? 0 : 1);
		expect(documents(bystander)).toHaveLength(mode === 'materialsOnly' ? 0 : 1);
		if (!fault.recovers) return;

		// Put back in the trigger status and exported again: one invoice, its PDF attached once, success.
		stack.outSmart.setWorkstatus(target, READY);
		const again = await stack.harness.run(template(mode), { mode: 'trigger', startNode: TRIGGER, input: await waiting([target]) });
		expect(again.status).toBe('success');
		expect(statusOf(target)).toBe(SUCCESS);
		expect(invoices(target)).toHaveLength(mode === 'pdfOnly' ? 0 : 1);
		expect(documents(target)).toHaveLength(mode === 'materialsOnly' ? 0 : 1);
		if (mode === 'invoiceWithPdf') expect(documents(target)[0].SalesInvoice ?? invoices(target)[0].Document).toBeTruthy();
	});
});
