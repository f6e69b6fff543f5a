/**
 * Document → Create with "Skip If a Document Exists": running a PDF export again returns the document made
 * the first time (same account and subject, or the one the sales invoice links to) instead of a second one.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

describe('Exact Online node: Document → Create without duplicates', () => {
	let bed: ExactTestBed;
	let customer: IDataObject;
	let material: IDataObject;
	const division = () => bed.sim.info.division;
	const documentsWith = (subject: string) => bed.sim.store.list(division(), 'Documents').filter((row) => row.Subject === subject);
	const pdf = (text: string): INodeExecutionData[] => [
		{ json: {}, binary: { data: { data: Buffer.from(`%PDF-1.4 ${text} %%EOF`).toString('base64'), mimeType: 'application/pdf', fileName: `${text}.pdf` } } },
	];
	const createDocument = async (subject: string, documentOptions: IDataObject = {}) => {
		const result = await bed.run(
			{ resource: 'document', operation: 'create', subject, account: { __rl: true, mode: 'id', value: customer.ID }, binaryPropertyName: 'data', documentOptions },
			pdf(subject),
		);
		expect(result.status).toBe('success');
		return result.output(result.nodeName)[0];
	};

	beforeAll(async () => {
		bed = await startTestBed();
		customer = bed.sim.store.list(division(), 'Accounts').find((row) => row.Status === 'C' && row.Blocked === false) as IDataObject;
		material = bed.sim.store.list(division(), 'Items').find((row) => row.IsSalesItem === true && !row.IsTime) as IDataObject;
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.sim.resetCalls());

	it('returns the document with the same subject on the same account instead of uploading it again', async () => {
		const first = await createDocument('Werkbon 7001', { skipIfExists: true });
		expect(first).toMatchObject({ Subject: 'Werkbon 7001', skipped: false });
		bed.sim.resetCalls();
		const again = await createDocument('Werkbon 7001', { skipIfExists: true });
		expect(again).toMatchObject({ ID: first.ID, skipped: true });
		// A single look-up asks Exact for one row ($top=1), not a page.
		const lookups = bed.sim.calls().filter((call) => call.method === 'GET' && call.path.endsWith('/documents/Documents'));
		expect(lookups.length).toBeGreaterThan(0);
		for (const call of lookups) expect(call.query).toMatch(/(^|&)\$top=1(&|$)/);
		expect(bed.sim.callCount({ method: 'POST' })).toBe(0);
		expect(documentsWith('Werkbon 7001')).toHaveLength(1);
		expect(bed.sim.store.list(division(), 'DocumentAttachments').filter((row) => row.Document === first.ID)).toHaveLength(1);
	});

	it('returns the document a sales invoice already links to, whatever its subject', async () => {
		const invoice = await bed.run({
			resource: 'salesInvoice',
			operation: 'create',
			orderedBy: { __rl: true, mode: 'id', value: customer.ID },
			journal: '70',
			yourRef: 'WB-7002',
			linesInput: 'json',
			linesJson: JSON.stringify([{ Item: material.ID, Quantity: 1 }]),
		});
		const invoiceId = String(invoice.output(invoice.nodeName)[0].InvoiceID);
		const linked = await createDocument('Werkbon 7002', { skipIfExists: true, salesInvoice: invoiceId });
		expect(linked).toMatchObject({ linkedSalesInvoice: invoiceId, skipped: false });
		const renamed = await createDocument('Werkbon 7002 (opnieuw)', { skipIfExists: true, salesInvoice: invoiceId });
		expect(renamed).toMatchObject({ ID: linked.ID, skipped: true });
		expect(documentsWith('Werkbon 7002 (opnieuw)')).toHaveLength(0);
	});

	it('two runs at the same time create one document', async () => {
		await Promise.all([createDocument('Werkbon 7003', { skipIfExists: true }), createDocument('Werkbon 7003', { skipIfExists: true })]);
		expect(documentsWith('Werkbon 7003')).toHaveLength(1);
	});

	it('without the option every run uploads a new document (the behaviour the option prevents)', async () => {
		await createDocument('Werkbon 7004');
		await createDocument('Werkbon 7004');
		expect(documentsWith('Werkbon 7004')).toHaveLength(2);
		expect(bed.sim.callCount({ method: 'GET', path: 'documents/Documents' })).toBe(0);
	});
});
