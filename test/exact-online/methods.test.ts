import { listSearch, loadOptions } from '../../nodes/ExactOnline/methods';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

describe('Exact Online node: dropdowns and resource locators', () => {
	let bed: ExactTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	const division = () => bed.sim.info.division;
	const context = () =>
		bed.harness.loadOptionsContext(
			{ type: 'exactOnline', parameters: { resource: 'salesInvoice', operation: 'create', division: { __rl: true, mode: 'id', value: String(division()) } } },
			'parameters.division',
		);

	it('lists divisions starting from current/Me', async () => {
		const result = await listSearch.searchDivisions.call(context());
		expect(result.results.map((entry) => entry.value)).toContain(String(division()));
		const filtered = await listSearch.searchDivisions.call(context(), 'Van der Berg');
		expect(filtered.results.length).toBeGreaterThan(0);
	});

	it('searches accounts and items by text', async () => {
		const account = bed.sim.store.list(division(), 'Accounts')[0];
		const accounts = await listSearch.searchAccounts.call(context(), String(account.Name).slice(0, 8));
		expect(accounts.results.map((entry) => entry.value)).toContain(account.ID);
		const items = await listSearch.searchItems.call(context(), 'UUR-MONTEUR');
		expect(items.results[0]).toMatchObject({ value: expect.any(String), name: expect.stringContaining('UUR-MONTEUR') });
	});

	it('loads journals, GL accounts, VAT codes, payment conditions and item groups', async () => {
		const journals = await loadOptions.getJournals.call(context());
		expect(journals.map((entry) => entry.value)).toEqual(expect.arrayContaining(['70', '71']));
		expect((await loadOptions.getGlAccounts.call(context())).length).toBe(bed.sim.store.list(division(), 'GLAccounts').length);
		const vatCodes = await loadOptions.getVatCodes.call(context());
		expect(vatCodes.every((entry) => String(entry.value) === String(entry.value).trim())).toBe(true);
		expect((await loadOptions.getPaymentConditions.call(context())).length).toBe(bed.sim.store.list(division(), 'PaymentConditions').length);
		expect((await loadOptions.getItemGroups.call(context())).length).toBe(bed.sim.store.list(division(), 'ItemGroups').length);
	});
});
