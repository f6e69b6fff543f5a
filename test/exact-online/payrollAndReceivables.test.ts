/** Employee → Get/Get Many (payroll) and Receivable → Get Many with its paid / paid-since / YourRef filters. */
import type { IDataObject } from 'n8n-workflow';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

describe('Exact Online node: employees and receivables', () => {
	let bed: ExactTestBed;
	const division = () => bed.sim.info.division;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.close());
	beforeEach(() => bed.sim.resetCalls());

	it('lists every employee in one sync call, only the active ones on request, and gets one', async () => {
		const employees = bed.sim.store.list(division(), 'Employees');
		const all = await bed.run({ resource: 'employee', operation: 'getAll', returnAll: true });
		expect(all.status).toBe('success');
		expect(all.output(all.nodeName).map((row) => row.ID).sort()).toEqual(employees.map((row) => row.ID).sort());
		expect(bed.sim.calls().filter((call) => call.path.startsWith('/api/v1/')).map((call) => call.path)).toEqual([`/api/v1/${division()}/sync/Payroll/Employees`]);

		const [inactive] = employees;
		bed.sim.updateEntity(division(), 'Employees', String(inactive.ID), { IsActive: false });
		const active = await bed.run({ resource: 'employee', operation: 'getAll', returnAll: true, filters: { activeOnly: true } });
		expect(active.output(active.nodeName).map((row) => row.ID)).not.toContain(inactive.ID);
		expect(active.output(active.nodeName)).toHaveLength(employees.length - 1);

		const one = await bed.run({ resource: 'employee', operation: 'get', id: String(inactive.ID) });
		expect(one.output(one.nodeName)[0]).toMatchObject({ ID: inactive.ID, IsActive: false });
	});

	it('finds paid and open receivables, paid since a moment, and by YourRef', async () => {
		const customer = bed.sim.store.list(division(), 'Accounts').find((row) => row.Status === 'C' && row.Blocked === false) as IDataObject;
		const material = bed.sim.store.list(division(), 'Items').find((row) => row.IsSalesItem === true && !row.IsTime) as IDataObject;
		const invoices = await bed.harness.runNode(
			{
				type: 'exactOnline',
				parameters: {
					division: bed.division,
					resource: 'salesInvoice',
					operation: 'create',
					orderedBy: { __rl: true, mode: 'id', value: customer.ID },
					journal: '70',
					yourRef: '={{ $json.ref }}',
					linesInput: 'json',
					linesJson: JSON.stringify([{ Item: material.ID, Quantity: 1, UnitPrice: 50 }]),
				},
			},
			[{ ref: 'WB-8001' }, { ref: 'WB-8002' }],
		);
		// Only processed invoices have a receivable (#15 point 9).
		for (const invoice of invoices.output(invoices.nodeName)) bed.sim.processInvoice(String(invoice.InvoiceID));
		const [paid] = invoices.output(invoices.nodeName);
		bed.sim.markInvoicePaid(String(paid.InvoiceID));
		const refsOf = (result: Awaited<ReturnType<ExactTestBed['run']>>) => result.output(result.nodeName).map((row) => row.YourRef).filter((ref) => String(ref).startsWith('WB-8')).sort();

		const fullyPaid = await bed.run({ resource: 'receivable', operation: 'getAll', returnAll: true, filters: { isFullyPaid: 'paid' } });
		expect(refsOf(fullyPaid)).toEqual(['WB-8001']);
		const open = await bed.run({ resource: 'receivable', operation: 'getAll', returnAll: true, filters: { isFullyPaid: 'open' } });
		expect(refsOf(open)).toEqual(['WB-8002']);

		const now = new Date(bed.sim.clock.now());
		const recently = await bed.run({ resource: 'receivable', operation: 'getAll', returnAll: true, filters: { isFullyPaid: 'paid', paidSince: new Date(now.getTime() - 86_400_000).toISOString() } });
		expect(refsOf(recently)).toEqual(['WB-8001']);
		const later = await bed.run({ resource: 'receivable', operation: 'getAll', returnAll: true, filters: { paidSince: new Date(now.getTime() + 86_400_000).toISOString() } });
		expect(later.output(later.nodeName)).toEqual([]);

		bed.sim.resetCalls();
		const references = ['WB-8001', 'WB-8002', ...Array.from({ length: 41 }, (_, index) => `WB-GEEN-${index}`)];
		const byRef = await bed.run({ resource: 'receivable', operation: 'getAll', returnAll: true, filters: { yourRefs: references.join(',') } });
		expect(refsOf(byRef)).toEqual(['WB-8001', 'WB-8002']);
		expect(bed.sim.callCount({ method: 'GET', path: 'cashflow/Receivables' })).toBe(2);
	});
});
