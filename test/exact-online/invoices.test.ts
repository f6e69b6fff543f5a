import type { IDataObject } from 'n8n-workflow';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

describe('Exact Online node: sales invoices, documents and hours', () => {
	let bed: ExactTestBed;
	let customer: IDataObject;
	let material: IDataObject;
	let labour: IDataObject;
	const invoicesWith = (yourRef: string) =>
		bed.sim.store.list(bed.sim.info.division, 'SalesInvoices').filter((row) => row.YourRef === yourRef) as IDataObject[];

	beforeAll(async () => {
		bed = await startTestBed();
		const division = bed.sim.info.division;
		customer = bed.sim.store.list(division, 'Accounts').find((row) => row.Status === 'C' && row.Blocked === false) as IDataObject;
		material = bed.sim.store.list(division, 'Items').find((row) => row.IsSalesItem === true && !row.IsTime) as IDataObject;
		labour = bed.sim.store.list(division, 'Items').find((row) => row.IsTime === 1) as IDataObject;
	});
	afterAll(async () => await bed.close());
	beforeEach(() => {
		bed.sim.clearFaults();
		bed.sim.resetCalls();
	});

	const invoiceParameters = (yourRef: string, extra: IDataObject = {}) => ({
		resource: 'salesInvoice',
		operation: 'create',
		orderedBy: { __rl: true, mode: 'id', value: customer.ID },
		journal: '70',
		yourRef,
		linesInput: 'fields',
		lines: {
			line: [
				{ item: material.ID, description: 'Materiaal', quantity: 2, unitPrice: 12.5 },
				{ item: labour.ID, description: 'Arbeid', quantity: 1.5, unitPrice: 65 },
			],
		},
		invoiceOptions: { description: 'Werkbon', ...extra },
	});

	it('creates an invoice with lines, and returns the existing one for the same YourRef instead of a second', async () => {
		const first = await bed.run(invoiceParameters('WB-5001'));
		expect(first.status).toBe('success');
		const created = first.output(first.nodeName)[0];
		expect(created).toMatchObject({ YourRef: 'WB-5001', skipped: false, Journal: '70' });
		expect(created.InvoiceID).toEqual(expect.any(String));
		expect(bed.sim.store.list(bed.sim.info.division, 'SalesInvoiceLines').filter((line) => line.InvoiceID === created.InvoiceID)).toHaveLength(2);

		const second = await bed.run(invoiceParameters('WB-5001'));
		expect(second.output(second.nodeName)[0]).toMatchObject({ InvoiceID: created.InvoiceID, skipped: true });
		expect(invoicesWith('WB-5001')).toHaveLength(1);
	});

	it('creates one invoice when two items in one run carry the same YourRef', async () => {
		const result = await bed.harness.runNode(
			{
				type: 'exactOnline',
				parameters: { division: bed.division, ...invoiceParameters('={{ $json.ref }}') },
			},
			[{ ref: 'WB-5002' }, { ref: 'WB-5002' }, { ref: 'WB-5003' }],
		);
		expect(result.output(result.nodeName).map((row) => row.skipped)).toEqual([false, true, false]);
		expect(invoicesWith('WB-5002')).toHaveLength(1);
		expect(invoicesWith('WB-5003')).toHaveLength(1);
	});

	it('takes lines as JSON with GL account and VAT code', async () => {
		const glRevenue = bed.sim.store.list(bed.sim.info.division, 'GLAccounts').find((row) => row.Type === 110)!;
		const result = await bed.run({
			...invoiceParameters('WB-5004'),
			linesInput: 'json',
			linesJson: JSON.stringify([{ Item: material.ID, Quantity: 3, UnitPrice: 10, GLAccount: glRevenue.ID, VATCode: '2', Description: 'JSON-regel' }]),
		});
		expect(result.status).toBe('success');
		const [line] = bed.sim.store.list(bed.sim.info.division, 'SalesInvoiceLines').filter((row) => row.Description === 'JSON-regel');
		expect(line).toMatchObject({ GLAccount: glRevenue.ID, Quantity: 3 });
	});

	it('takes item, GL account and VAT code from lists, by code or by ID, and as plain IDs from before the lists', async () => {
		const division = bed.sim.info.division;
		const glRevenue = bed.sim.store.list(division, 'GLAccounts').find((row) => row.BalanceType === 'W' && row.Type === 110)!;
		const locator = (mode: string, value: unknown) => ({ __rl: true, mode, value });
		const result = await bed.run({
			...invoiceParameters('WB-5010'),
			lines: {
				line: [
					{ item: locator('list', material.ID), glAccount: locator('list', glRevenue.ID), vatCode: locator('list', '2'), description: 'Uit de lijst', quantity: 1, unitPrice: 10 },
					{ item: locator('code', ` ${String(material.Code)} `), glAccount: locator('code', String(glRevenue.Code).trim()), vatCode: locator('code', '2'), description: 'Op code', quantity: 2, unitPrice: 10 },
					{ item: locator('id', labour.ID), description: 'Op ID', quantity: 1, unitPrice: 65 },
					{ item: material.ID, description: 'Oude tekst', quantity: 1, unitPrice: 5 },
				],
			},
		});
		expect(result.status).toBe('success');
		const invoiceId = result.output(result.nodeName)[0].InvoiceID;
		const lines = bed.sim.store.list(division, 'SalesInvoiceLines').filter((line) => line.InvoiceID === invoiceId);
		const byDescription = Object.fromEntries(lines.map((line) => [line.Description, line]));
		// Exact pads VAT codes to three characters (the simulator does too).
		expect(byDescription['Uit de lijst']).toMatchObject({ Item: material.ID, GLAccount: glRevenue.ID, VATCode: expect.stringMatching(/^2\s*$/) });
		expect(byDescription['Op code']).toMatchObject({ Item: material.ID, GLAccount: glRevenue.ID, VATCode: expect.stringMatching(/^2\s*$/), Quantity: 2 });
		expect(byDescription['Op ID']).toMatchObject({ Item: labour.ID });
		expect(byDescription['Oude tekst']).toMatchObject({ Item: material.ID });
	});

	it('refuses a line whose code Exact does not know, before writing anything', async () => {
		const result = await bed.run({
			...invoiceParameters('WB-5011'),
			lines: { line: [{ item: { __rl: true, mode: 'code', value: 'GEEN-ARTIKEL' }, quantity: 1 }] },
		});
		expect(result.status).toBe('error');
		expect(String(result.error?.message)).toMatch(/Line 1: Exact has no item with code "GEEN-ARTIKEL" in division/);
		expect(invoicesWith('WB-5011')).toHaveLength(0);
	});

	it('never repeats a POST whose outcome is unknown', async () => {
		bed.sim.injectFault({ match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'dropAfterWrite' });
		const result = await bed.run(invoiceParameters('WB-5005', { skipIfExists: false }));
		expect(result.status).toBe('error');
		expect(result.nodeError(result.nodeName)?.message).toMatch(/outcome is unknown, so it was not repeated/);
		expect(bed.sim.callCount({ method: 'POST', path: 'salesinvoice/SalesInvoices' })).toBe(1);
		// The write did happen: exactly one invoice, which the next run finds instead of duplicating.
		expect(invoicesWith('WB-5005')).toHaveLength(1);
		const rerun = await bed.run(invoiceParameters('WB-5005'));
		expect(rerun.output(rerun.nodeName)[0]).toMatchObject({ skipped: true });
		expect(invoicesWith('WB-5005')).toHaveLength(1);
	});

	it('retries reads after a 5xx and a timeout-like drop, with backoff', async () => {
		bed.sim.injectFault({ match: { method: 'GET', path: 'salesinvoice/SalesInvoices' }, fault: 'status', status: 503, body: '' });
		bed.sim.injectFault({ match: { method: 'GET', path: 'salesinvoice/SalesInvoices' }, fault: 'dropAfterWrite' });
		const result = await bed.run({ resource: 'salesInvoice', operation: 'findByYourRef', yourRefs: 'WB-5001' });
		expect(result.status).toBe('success');
		expect(result.output(result.nodeName)[0]).toMatchObject({ yourRef: 'WB-5001', found: true });
		expect(bed.sim.callCount({ method: 'GET', path: 'salesinvoice/SalesInvoices' })).toBe(3);
	});

	it('finds many references in one call, including ones that need escaping', async () => {
		const refs = ['WB-5001', 'WB-5002', 'WB-9999', "O'Brien' or 1 eq 1"];
		const result = await bed.run({ resource: 'salesInvoice', operation: 'findByYourRef', yourRefs: refs.join(',') });
		const rows = result.output(result.nodeName);
		expect(rows.map((row) => [row.yourRef, row.found])).toEqual([
			['WB-5001', true],
			['WB-5002', true],
			['WB-9999', false],
			["O'Brien' or 1 eq 1", false],
		]);
		expect(bed.sim.callCount({ method: 'GET', path: 'salesinvoice/SalesInvoices' })).toBe(1);
	});

	it('gets one invoice, lists invoices by filter, and deletes an open one', async () => {
		const [invoice] = invoicesWith('WB-5003');
		const got = await bed.run({ resource: 'salesInvoice', operation: 'get', id: invoice.InvoiceID });
		expect(got.output(got.nodeName)[0]).toMatchObject({ InvoiceID: invoice.InvoiceID, YourRef: 'WB-5003' });
		const list = await bed.run({ resource: 'salesInvoice', operation: 'getAll', returnAll: true, filters: { orderedBy: customer.ID } });
		expect(list.output(list.nodeName).length).toBeGreaterThanOrEqual(4);
		expect(list.output(list.nodeName).every((row) => row.OrderedBy === customer.ID)).toBe(true);
		const deleted = await bed.run({ resource: 'salesInvoice', operation: 'delete', id: invoice.InvoiceID });
		expect(deleted.output(deleted.nodeName)[0]).toEqual({ InvoiceID: invoice.InvoiceID, deleted: true });
		expect(invoicesWith('WB-5003')).toHaveLength(0);
	});

	it('lists invoices without a filter by a default one, as salesinvoice/SalesInvoices has mandatory filtering (#15 point 2)', async () => {
		const list = await bed.run({ resource: 'salesInvoice', operation: 'getAll', returnAll: true });
		expect(list.status).toBe('success');
		expect(list.output(list.nodeName)).toHaveLength(bed.sim.store.list(bed.sim.info.division, 'SalesInvoices').length);
		expect(bed.sim.calls().filter((call) => call.status === 400)).toEqual([]);
	});

	it('processes a draft invoice: number, booking and receivable, optionally e-mailed (#15 point 9)', async () => {
		const [draft] = invoicesWith('WB-5004');
		expect(draft).toMatchObject({ InvoiceNumber: null, Status: 20 });
		const result = await bed.run({ resource: 'salesInvoice', operation: 'process', id: draft.InvoiceID, sendEmail: true });
		expect(result.status).toBe('success');
		const processed = bed.sim.store.get(bed.sim.info.division, 'SalesInvoices', String(draft.InvoiceID))!;
		expect(processed).toMatchObject({ Status: 50, EmailSentToCustomer: true });
		expect(result.output(result.nodeName)[0]).toMatchObject({ InvoiceID: draft.InvoiceID, InvoiceNumber: processed.InvoiceNumber, Status: 50, emailed: true });
		expect(bed.sim.store.list(bed.sim.info.division, 'Receivables').filter((row) => row.TransactionEntryID === draft.InvoiceID)).toHaveLength(1);
	});

	it('refuses to delete a processed invoice', async () => {
		const [invoice] = invoicesWith('WB-5004');
		const result = await bed.run({ resource: 'salesInvoice', operation: 'delete', id: invoice.InvoiceID });
		expect(result.nodeError(result.nodeName)?.message).toMatch(/is processed and cannot be deleted/);
		expect(bed.sim.callCount({ method: 'DELETE' })).toBe(0);
	});

	it('uploads a PDF as document + attachment, linked to the account and the invoice', async () => {
		const [invoice] = invoicesWith('WB-5001');
		const pdf = Buffer.from('%PDF-1.4 werkbon 5001 %%EOF');
		const result = await bed.run(
			{
				resource: 'document',
				operation: 'create',
				subject: 'Werkbon 5001',
				account: { __rl: true, mode: 'id', value: customer.ID },
				binaryPropertyName: 'data',
				documentOptions: { salesInvoice: invoice.InvoiceID },
			},
			[{ json: {}, binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'werkbon-5001.pdf' } } }],
		);
		expect(result.status).toBe('success');
		const document = result.output(result.nodeName)[0];
		expect(document).toMatchObject({ Subject: 'Werkbon 5001', Account: customer.ID, linkedSalesInvoice: invoice.InvoiceID });
		const attachments = bed.sim.store.list(bed.sim.info.division, 'DocumentAttachments').filter((row) => row.Document === document.ID);
		expect(attachments).toHaveLength(1);
		expect(Buffer.from(String(attachments[0].Attachment), 'base64').toString()).toBe(pdf.toString());
		expect(bed.sim.store.get(bed.sim.info.division, 'SalesInvoices', String(invoice.InvoiceID))?.Document).toBe(document.ID);

		const list = await bed.run({ resource: 'document', operation: 'getAll', returnAll: true, filters: { account: customer.ID } });
		expect(list.output(list.nodeName).map((row) => row.ID)).toContain(document.ID);
	});

	it('books project hours and lists them', async () => {
		const created = await bed.run({
			resource: 'timeTransaction',
			operation: 'create',
			item: { __rl: true, mode: 'id', value: labour.ID },
			quantity: 2.5,
			additionalFields: { notes: 'Werkbon 5001', date: '2026-11-02T00:00:00.000Z', account: customer.ID },
		});
		expect(created.status).toBe('success');
		const row = created.output(created.nodeName)[0];
		expect(row).toMatchObject({ Item: labour.ID, Quantity: 2.5, Notes: 'Werkbon 5001' });
		const list = await bed.run({ resource: 'timeTransaction', operation: 'getAll', returnAll: true, filters: { from: '2026-11-01T00:00:00.000Z' } });
		expect(list.output(list.nodeName).map((entry) => entry.ID)).toContain(row.ID);
	});

	it('refuses hours without an Account, Project or Subscription before sending (#15 point 10)', async () => {
		const result = await bed.run({ resource: 'timeTransaction', operation: 'create', item: { __rl: true, mode: 'id', value: labour.ID }, quantity: 1, additionalFields: { notes: 'Zonder klant' } });
		expect(result.nodeError(result.nodeName)?.message).toBe('A time transaction needs an Account, a Project or a Subscription');
		expect(bed.sim.callCount({ method: 'POST' })).toBe(0);
	});

	it('reports per-item errors with Continue On Fail and keeps going', async () => {
		const result = await bed.run(
			{ resource: 'salesInvoice', operation: 'get', id: '={{ $json.id }}' },
			[{ id: 'not-a-guid' }, { id: invoicesWith('WB-5001')[0].InvoiceID }],
			{ continueOnFail: true },
		);
		const items = result.items(result.nodeName);
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toMatch(/not a valid Exact Online ID/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toMatchObject({ YourRef: 'WB-5001' });
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});
