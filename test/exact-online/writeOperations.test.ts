import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

/** What the write-operation factory (actions/common/writeOperations.ts) gives every resource alike. */
describe('Exact Online node: Update and Create or Update, as the write factory makes them', () => {
	let bed: ExactTestBed;
	const division = () => bed.sim.info.division;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	it('an account found by code returns the code Exact stores (padded) and the code as given', async () => {
		const first = await bed.run({ resource: 'account', operation: 'upsert', code: ' 990003 ', name: 'Code Test BV', additionalFields: {} });
		expect(first.output(first.nodeName)[0]).toMatchObject({ action: 'created', Name: 'Code Test BV' });
		const again = await bed.run({ resource: 'account', operation: 'upsert', code: '990003', name: 'Code Test B.V.', additionalFields: {} });
		expect(again.output(again.nodeName)[0]).toMatchObject({ action: 'updated', Code: '990003'.padStart(18, ' '), CodeTrimmed: '990003', Name: 'Code Test B.V.' });
		expect(bed.sim.store.list(division(), 'Accounts').filter((row) => String(row.Code).trim() === '990003')).toHaveLength(1);
	});

	it('an item found by code returns the code as given, with the price written beside it', async () => {
		await bed.run({ resource: 'item', operation: 'upsert', code: 'MAT-FACTORY', description: 'Fabrieksmateriaal', additionalFields: {} });
		const again = await bed.run({ resource: 'item', operation: 'upsert', code: 'MAT-FACTORY', description: 'Fabrieksmateriaal 2', additionalFields: { salesPrice: 4.5 } });
		expect(again.output(again.nodeName)[0]).toMatchObject({ action: 'updated', Code: 'MAT-FACTORY', Description: 'Fabrieksmateriaal 2', StandardSalesPrice: 4.5 });
		expect(again.output(again.nodeName)[0]).not.toHaveProperty('CodeTrimmed');
	});

	it('an update without fields is refused on every resource, and nothing is written', async () => {
		const id = String(bed.sim.store.list(division(), 'Accounts')[0].ID);
		bed.sim.resetCalls();
		for (const resource of ['account', 'contact', 'item']) {
			const result = await bed.run({ resource, operation: 'update', id, updateFields: {} }, [{}], { continueOnFail: true });
			expect(result.items(result.nodeName)[0].json.error).toBe('Nothing to update: add at least one field');
		}
		expect(bed.sim.callCount({ method: 'PUT' }) + bed.sim.callCount({ method: 'POST' })).toBe(0);
	});
});
