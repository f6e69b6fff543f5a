/**
 * Sales Invoice → Create on many items: one look-up per 40 YourRefs, then only the missing invoices are
 * created, inside one critical section, with each error on its own item.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

const INVOICES = 'salesinvoice/SalesInvoices';

describe('Exact Online node: batched duplicate look-up on Sales Invoice → Create', () => {
	let bed: ExactTestBed;
	let customer: IDataObject;
	let material: IDataObject;

	const invoicesWith = (yourRef: string) =>
		bed.sim.store.list(bed.sim.info.division, 'SalesInvoices').filter((row) => row.YourRef === yourRef);
	const apiCalls = () => bed.sim.calls().filter((call) => call.path.startsWith('/api/v1/'));
	const createMany = async (refs: string[], options: { continueOnFail?: boolean; lines?: (ref: string) => IDataObject[] } = {}) =>
		await bed.harness.runNode(
			{
				type: 'exactOnline',
				continueOnFail: options.continueOnFail,
				parameters: {
					division: bed.division,
					resource: 'salesInvoice',
					operation: 'create',
					orderedBy: { __rl: true, mode: 'id', value: customer.ID },
					journal: '70',
					yourRef: '={{ $json.ref }}',
					linesInput: 'json',
					linesJson: '={{ JSON.stringify($json.lines) }}',
					invoiceOptions: { description: '={{ "Werkbon " + $json.ref }}' },
				},
			},
			refs.map((ref) => ({ ref, lines: options.lines ? options.lines(ref) : [{ Item: material.ID, Quantity: 1, UnitPrice: 10, Description: ref }] })),
		);

	beforeAll(async () => {
		bed = await startTestBed();
		const division = bed.sim.info.division;
		customer = bed.sim.store.list(division, 'Accounts').find((row) => row.Status === 'C' && row.Blocked === false) as IDataObject;
		material = bed.sim.store.list(division, 'Items').find((row) => row.IsSalesItem === true && !row.IsTime) as IDataObject;
	});
	afterAll(async () => await bed.close());
	beforeEach(() => {
		bed.sim.clearFaults();
		bed.sim.resetCalls();
	});

	it.each([1, 40, 45, 81])('%i new orders cost one look-up per 40 references, one POST each and one settling look-up per 40 created', async (count) => {
		const refs = Array.from({ length: count }, (_, index) => `WB-B${count}-${index}`);
		const result = await createMany(refs);
		expect(result.status).toBe('success');
		expect(result.output(result.nodeName).map((row) => [row.YourRef, row.skipped])).toEqual(refs.map((ref) => [ref, false]));
		expect(apiCalls()).toHaveLength(count + 2 * Math.ceil(count / 40));
		expect(bed.sim.callCount({ method: 'GET', path: INVOICES })).toBe(2 * Math.ceil(count / 40));
		for (const ref of refs) expect(invoicesWith(ref)).toHaveLength(1);
	});

	it('skips invoices that exist and creates one invoice for two items with the same YourRef', async () => {
		const existing = (await createMany(['WB-D1'])).output('Node under test')[0];
		bed.sim.resetCalls();
		const result = await createMany(['WB-D2', 'WB-D1', 'WB-D2', 'WB-D3']);
		const rows = result.output(result.nodeName);
		expect(rows.map((row) => [row.YourRef, row.skipped])).toEqual([
			['WB-D2', false],
			['WB-D1', true],
			['WB-D2', true],
			['WB-D3', false],
		]);
		expect(rows[1].InvoiceID).toBe(existing.InvoiceID);
		expect(rows[2].InvoiceID).toBe(rows[0].InvoiceID);
		// the look-up, and one settling look-up of the two created (another process may have raced them)
		expect(bed.sim.callCount({ method: 'GET', path: INVOICES })).toBe(2);
		expect(bed.sim.callCount({ method: 'POST', path: INVOICES })).toBe(2);
		for (const ref of ['WB-D1', 'WB-D2', 'WB-D3']) expect(invoicesWith(ref)).toHaveLength(1);
	});

	it('two runs at the same time with overlapping references still create one invoice each', async () => {
		const [first, second] = await Promise.all([createMany(['WB-C1', 'WB-C2', 'WB-C3']), createMany(['WB-C3', 'WB-C2', 'WB-C4'])]);
		expect(first.status).toBe('success');
		expect(second.status).toBe('success');
		for (const ref of ['WB-C1', 'WB-C2', 'WB-C3', 'WB-C4']) expect(invoicesWith(ref)).toHaveLength(1);
		const skipped = [...first.output(first.nodeName), ...second.output(second.nodeName)].filter((row) => row.skipped === true);
		expect(skipped.map((row) => row.YourRef).sort()).toEqual(['WB-C2', 'WB-C3']);
		expect(bed.sim.callCount({ method: 'POST', path: INVOICES })).toBe(4);
	});

	it('with Continue On Fail, a bad item gets its error and the others are created', async () => {
		const result = await createMany(['WB-E1', 'WB-E2', 'WB-E3'], {
			continueOnFail: true,
			lines: (ref) => (ref === 'WB-E2' ? [{ Description: 'zonder artikel', Quantity: 1 }] : [{ Item: material.ID, Quantity: 1 }]),
		});
		const items = result.items(result.nodeName);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ YourRef: 'WB-E1', skipped: false });
		expect(items[1].json.error).toMatch(/Line 1 has no item/);
		expect(items[2].json).toMatchObject({ YourRef: 'WB-E3', skipped: false });
		expect(invoicesWith('WB-E2')).toHaveLength(0);
		expect(bed.sim.callCount({ method: 'GET', path: INVOICES })).toBe(2);
	});

	it('without Continue On Fail, the node stops at the bad item and writes nothing after it', async () => {
		const result = await createMany(['WB-F1', 'WB-F2', 'WB-F3'], {
			lines: (ref) => (ref === 'WB-F2' ? [{ Item: 'geen-guid', Quantity: 1 }] : [{ Item: material.ID, Quantity: 1 }]),
		});
		expect(result.status).toBe('error');
		expect(result.nodeError(result.nodeName)?.message).toMatch(/Line 1: Item "geen-guid" is not a valid Exact Online ID/);
		expect(invoicesWith('WB-F1')).toHaveLength(1);
		expect(invoicesWith('WB-F3')).toHaveLength(0);
	});

	it('a failed look-up fails the items of that batch and writes none of them', async () => {
		bed.sim.injectFault({ match: { method: 'GET', path: INVOICES }, fault: 'status', status: 400, body: '{"error":{"code":"","message":{"lang":"","value":"Bad filter"}}}', headers: { 'Content-Type': 'application/json' } });
		const result = await createMany(['WB-G1', 'WB-G2'], { continueOnFail: true });
		const rows = result.output(result.nodeName);
		expect(rows.map((row) => String(row.error))).toEqual([expect.stringMatching(/Bad filter/), expect.stringMatching(/Bad filter/)]);
		expect(bed.sim.callCount({ method: 'POST', path: INVOICES })).toBe(0);
	});

	it('after an unknown-outcome POST, a later item with the same YourRef looks again and finds the stored invoice', async () => {
		bed.sim.injectFault({ match: { method: 'POST', path: INVOICES }, fault: 'dropAfterWrite' });
		const result = await createMany(['WB-H1', 'WB-H1'], { continueOnFail: true });
		const rows = result.output(result.nodeName);
		expect(String(rows[0].error)).toMatch(/outcome is unknown/);
		expect(rows[1]).toMatchObject({ YourRef: 'WB-H1', skipped: true });
		expect(invoicesWith('WB-H1')).toHaveLength(1);
		expect(bed.sim.callCount({ method: 'POST', path: INVOICES })).toBe(1);
		expect(bed.sim.callCount({ method: 'GET', path: INVOICES })).toBe(2);
	});
});
