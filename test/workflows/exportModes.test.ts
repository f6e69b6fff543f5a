/**
 * The export template with all three export triggers configured, as a user adds them in Build Sales
 * Invoice only (the OutSmart Trigger watches the statuses those triggers name): "materials only" invoices the materials without the hours, "PDF only"
 * files the work-order PDF as a document on the customer's account without any invoice, and "materials and
 * hours" invoices both. Each order ends in its trigger's success status, and a PDF exported again finds its
 * document instead of making a second one.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { DEMO_WORKSTATUS, shownNumber } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, startStack, type Stack } from './setup';

const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const MATERIALS_ONLY = DEMO_WORKSTATUS.waitingForParts.code;
const PDF_ONLY = DEMO_WORKSTATUS.inProgress.code;
const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
const FAILED = DEMO_WORKSTATUS.exportFailed.code;

/** The shipped export template with a materials-only and a PDF-only trigger added. */
function templateWithThreeTriggers(): IWorkflowBase {
	const template = loadTemplate('export-work-orders.json');
	const build = template.nodes.find((node) => node.name === 'Build Sales Invoice')!;
	const triggers = (build.parameters.exportTriggers as { trigger: IDataObject[] }).trigger;
	triggers.push(
		{ name: 'Alleen materiaal', status: 'Compleet', workstatus: MATERIALS_ONLY, mode: 'materialsOnly', successStatus: SUCCESS, errorStatus: FAILED },
		{ name: 'Alleen werkbon', status: 'Compleet', workstatus: PDF_ONLY, mode: 'pdfOnly', successStatus: SUCCESS, errorStatus: FAILED },
	);
	return template;
}

describe('Template: export work orders in each mode', () => {
	let stack: Stack;
	let materialsOnly: IDataObject;
	let pdfOnly: IDataObject;
	let materialsAndHours: IDataObject[];
	let labourItemIds: Set<string>;

	const invoicesOf = (number: string) => exactRows(stack, 'SalesInvoices').filter((invoice) => invoice.YourRef === number);
	const linesOf = (invoice: IDataObject) => exactRows(stack, 'SalesInvoiceLines').filter((line) => line.InvoiceID === invoice.InvoiceID);
	const accountOf = (order: IDataObject) => exactRows(stack, 'Accounts').find((account) => String(account.Code).trim() === String(order.CustomerDebtorNr).trim())!;

	beforeAll(async () => {
		stack = await startStack({ workorderCount: 40 });
		const issues = stack.outSmart.seed.issueWorkorders;
		const problemOrders = new Set([issues.unknownGla, issues.missingGla, ...issues.paymentConditionMismatch].map(String));
		const glCodes = new Set(exactRows(stack, 'GLAccounts').map((account) => String(account.Code).trim()));
		// Orders the export can take in any mode: no seeded problem, every material with a known GLA, and hours.
		const ready = (await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } })).filter(
			(order) =>
				!problemOrders.has(shownNumber(order)) &&
				order.WorkFinished !== '0' &&
				(order.Materials as IDataObject[]).length > 0 &&
				// A line without the GLA free field takes it from the material master.
				(order.Materials as IDataObject[]).every((line) =>
					glCodes.has(String(line.MaterialFreeField1 ?? stack.outSmart.store.master('materials').get(String(line.MaterialCode))?.freefield1).trim()),
				) &&
				(order.Workperiods as IDataObject[]).length > 0,
		);
		expect(ready.length).toBeGreaterThanOrEqual(3);
		[materialsOnly, pdfOnly, ...materialsAndHours] = ready;
		stack.outSmart.setWorkstatus(shownNumber(materialsOnly), MATERIALS_ONLY);
		stack.outSmart.setWorkstatus(shownNumber(pdfOnly), PDF_ONLY);
		labourItemIds = new Set(exactRows(stack, 'Items').filter((item) => item.IsTime).map((item) => String(item.ID)));

		const { run } = await stack.harness.poll(templateWithThreeTriggers(), { staticData: {} });
		// The trigger fired for orders in all three statuses, each listed once in Build Sales Invoice only.
		const polledStatuses = new Set(run!.output('Work Order Ready for Export').map((order) => String(order.WorkStatus)));
		expect([...polledStatuses].sort()).toEqual([MATERIALS_ONLY, PDF_ONLY, READY].sort());
		const failed = run!.output('Export Failed').map((failure) => failure.workorderNo);
		for (const order of [materialsOnly, pdfOnly, ...materialsAndHours]) expect(failed).not.toContain(shownNumber(order));
	});

	afterAll(async () => {
		await stack.close();
	});

	test('materials only: one invoice with every material line and no hours, then the success status', () => {
		const number = shownNumber(materialsOnly);
		const invoices = invoicesOf(number);
		expect(invoices).toHaveLength(1);
		const lines = linesOf(invoices[0]);
		expect(lines).toHaveLength((materialsOnly.Materials as IDataObject[]).length);
		expect(lines.filter((line) => labourItemIds.has(String(line.Item)))).toEqual([]);
		expect(invoices[0].OrderedBy).toBe(accountOf(materialsOnly).ID);
		expect(stack.outSmart.getWorkorder(number)?.WorkStatus).toBe(SUCCESS);
	});

	test('materials and hours: the invoice carries the hours as labour lines as well', () => {
		for (const order of materialsAndHours) {
			const [invoice] = invoicesOf(shownNumber(order));
			const lines = linesOf(invoice);
			expect(lines.filter((line) => labourItemIds.has(String(line.Item))).length).toBeGreaterThan(0);
			expect(lines.length).toBeGreaterThan((order.Materials as IDataObject[]).length);
		}
	});

	test('PDF only: a document with the work-order PDF on the customer\'s account, no invoice, then the success status', () => {
		const number = shownNumber(pdfOnly);
		expect(invoicesOf(number)).toEqual([]);
		const documents = exactRows(stack, 'Documents').filter((document) => document.Account === accountOf(pdfOnly).ID);
		expect(documents).toHaveLength(1);
		expect(String(documents[0].Subject)).toContain(number);
		const attachments = exactRows(stack, 'DocumentAttachments').filter((attachment) => attachment.Document === documents[0].ID);
		expect(attachments).toHaveLength(1);
		expect(attachments[0].FileName).toBe(`werkbon-${number.replace(/[^A-Za-z0-9_-]+/g, '_')}.pdf`);
		const pdf = Buffer.from(String(attachments[0].Attachment), 'base64').toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		expect(pdf).toContain(number);
		expect(stack.outSmart.getWorkorder(number)?.WorkStatus).toBe(SUCCESS);
		// Only the PDF-only order made a document: the invoice modes attach none in this configuration.
		expect(exactRows(stack, 'Documents')).toHaveLength(1);
	});

	test('PDF only, exported again: the existing document is found and no second one is made', async () => {
		const number = shownNumber(pdfOnly);
		const [document] = exactRows(stack, 'Documents');
		stack.outSmart.setWorkstatus(number, PDF_ONLY);
		stack.exact.resetCalls();

		const { run } = await stack.harness.poll(templateWithThreeTriggers(), { staticData: {} });
		expect(run!.status).toBe('success');
		expect(run!.output('Create Exact Document')).toEqual([expect.objectContaining({ ID: document.ID, skipped: true })]);
		expect(run!.output('Exported').map((line) => line.workorderNo)).toContain(number);
		expect(exactRows(stack, 'Documents')).toHaveLength(1);
		expect(exactRows(stack, 'DocumentAttachments').filter((attachment) => attachment.Document === document.ID)).toHaveLength(1);
		expect(stack.exact.calls().filter((call) => call.method === 'POST' && /documents\//i.test(call.path))).toEqual([]);
		expect(stack.outSmart.getWorkorder(number)?.WorkStatus).toBe(SUCCESS);
	});

	test('materials only, later materials and hours: refused with "credit and re-export" (never skipped, never a second invoice); after a credit note the full invoice is made', async () => {
		const number = shownNumber(materialsOnly);
		const [first] = invoicesOf(number);
		expect(String(first.Remarks)).toBe(`[OutSmart ${String(materialsOnly.id)} M]`);
		// The office types the customer's PO number into another invoice's YourRef: that is no export of this order.
		stack.exact.store.insert(DEMO_DIVISION, 'SalesInvoices', { ...first, InvoiceID: '99999999-0000-0000-0000-00000000000a', Remarks: 'handmatig', InvoiceNumber: 26999999 }, { silent: true });
		stack.outSmart.setWorkstatus(number, READY);
		const { run } = await stack.harness.poll(templateWithThreeTriggers(), { staticData: {} });
		const failure = run!.output('Export Failed').find((line) => line.workorderNo === number);
		expect(failure).toMatchObject({ kind: 'order.invoiceDiffers', reason: expect.stringMatching(/exported before as \[OutSmart \S+ M\].*Credit that invoice in Exact and export the order again, or correct the invoice in Exact/) });
		expect(stack.outSmart.getWorkorder(number)?.WorkStatus).toBe(FAILED);
		expect(exactRows(stack, 'SalesInvoices').filter((invoice) => String(invoice.Remarks).startsWith(`[OutSmart ${String(materialsOnly.id)} `))).toHaveLength(1);

		// The office credits the materials invoice (the credit note carries the same key) and exports again.
		stack.exact.store.insert(DEMO_DIVISION, 'SalesInvoices', { ...first, InvoiceID: '99999999-0000-0000-0000-00000000000b', Type: 8021, InvoiceNumber: 26999998 }, { silent: true });
		stack.outSmart.setWorkstatus(number, READY);
		const again = await stack.harness.poll(templateWithThreeTriggers(), { staticData: {} });
		expect(again.run!.output('Exported').map((line) => line.workorderNo)).toContain(number);
		const full = exactRows(stack, 'SalesInvoices').filter((invoice) => invoice.Remarks === `[OutSmart ${String(materialsOnly.id)} MH]`);
		expect(full).toHaveLength(1);
		expect(linesOf(full[0]).filter((line) => labourItemIds.has(String(line.Item))).length).toBeGreaterThan(0);
		expect(stack.outSmart.getWorkorder(number)?.WorkStatus).toBe(SUCCESS);
	});

	test('an order corrected after its export is refused with the differences, not silently skipped', async () => {
		const order = materialsAndHours[0];
		const number = shownNumber(order);
		const materials = (order.Materials as IDataObject[]).map((line) => ({ MaterialCode: String(line.MaterialCode), MaterialNr: Number(String(line.MaterialNr).replace(',', '.')) + 1 }));
		stack.outSmart.completeWorkorder(number, { materials, workstatus: READY });
		const { run } = await stack.harness.poll(templateWithThreeTriggers(), { staticData: {} });
		expect(run!.output('Export Failed').find((line) => line.workorderNo === number)).toMatchObject({ kind: 'order.invoiceDiffers', reason: expect.stringContaining('the lines differ') });
		expect(invoicesOf(number)).toHaveLength(1);
	});
});
