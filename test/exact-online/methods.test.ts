import { listSearch, loadOptions } from '../../nodes/ExactOnline/methods';
import { listSearch as integrationListSearch } from '../../nodes/ExactOutSmart/methods';
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

	it('names divisions as each node always did: code first on this node, name first on the integration node', async () => {
		const code = String(division());
		const [own] = (await listSearch.searchDivisions.call(context())).results.filter((entry) => entry.value === code);
		expect(own.name).toMatch(new RegExp(`^${code} – \\S`));
		const [integration] = (await integrationListSearch.searchDivisions.call(context())).results.filter((entry) => entry.value === code);
		expect(integration.name).toMatch(new RegExp(`\\S \\(${code}\\)$`));
		expect(integration.name.startsWith(own.name.slice(`${code} – `.length))).toBe(true);
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

	const contextFor = (divisionValue: unknown) =>
		bed.harness.loadOptionsContext({ type: 'exactOnline', parameters: { resource: 'salesInvoice', operation: 'create', division: divisionValue as string } }, 'parameters.lines');

	it('offers only revenue (profit-and-loss, BalanceType W) GL accounts for revenue and invoice lines', async () => {
		const accounts = bed.sim.store.list(division(), 'GLAccounts');
		const revenueIds = accounts.filter((row) => row.BalanceType === 'W').map((row) => String(row.ID)).sort();
		expect(revenueIds.length).toBeGreaterThan(0);
		expect(revenueIds.length).toBeLessThan(accounts.length);
		const listed = await loadOptions.getRevenueGlAccounts.call(context());
		expect(listed.map((entry) => String(entry.value)).sort()).toEqual(revenueIds);
		const searched = await listSearch.searchRevenueGlAccounts.call(context());
		expect(searched.results.every((entry) => revenueIds.includes(String(entry.value)))).toBe(true);
		const balanceSheet = accounts.find((row) => row.BalanceType === 'B')!;
		expect((await listSearch.searchRevenueGlAccounts.call(context(), String(balanceSheet.Code).trim())).results).toEqual([]);
		const revenue = accounts.find((row) => row.BalanceType === 'W')!;
		expect((await listSearch.searchRevenueGlAccounts.call(context(), String(revenue.Code).trim())).results.map((entry) => entry.value)).toEqual([revenue.ID]);
	});

	it('lists VAT codes by code for the invoice lines', async () => {
		const codes = (await listSearch.searchVatCodes.call(context())).results.map((entry) => entry.value);
		expect(codes.sort()).toEqual(bed.sim.store.list(division(), 'VATCodes').map((row) => String(row.Code).trim()).sort());
	});

	it('says "choose the division first" when neither the node nor the credential names a division', async () => {
		const credential = bed.harness.credential('exactOnlineOAuth2Api')!;
		const defaultDivision = credential.defaultDivision;
		bed.harness.setCredential('exactOnlineOAuth2Api', { ...credential, defaultDivision: '' });
		try {
			for (const empty of [{ __rl: true, mode: 'list', value: '' }, '']) {
				await expect(loadOptions.getJournals.call(contextFor(empty))).rejects.toThrow(/^Choose the division first: journals/);
				await expect(loadOptions.getGlAccounts.call(contextFor(empty))).rejects.toThrow(/^Choose the division first: GL accounts/);
				await expect(listSearch.searchRevenueGlAccounts.call(contextFor(empty))).rejects.toThrow(/^Choose the division first/);
				await expect(listSearch.searchItems.call(contextFor(empty))).rejects.toThrow(/^Choose the division first/);
			}
		} finally {
			bed.harness.setCredential('exactOnlineOAuth2Api', { ...bed.harness.credential('exactOnlineOAuth2Api')!, defaultDivision });
		}
	});

	it('an empty Division means the Default Division of the credential', async () => {
		expect(bed.harness.credential('exactOnlineOAuth2Api')!.defaultDivision).toBe(String(division()));
		const journals = await loadOptions.getJournals.call(contextFor({ __rl: true, mode: 'list', value: '' }));
		expect(journals.map((entry) => entry.value).sort()).toEqual(bed.sim.store.list(division(), 'Journals').map((row) => String(row.Code).trim()).sort());
	});

	it('says the division is wrong when it is not one of the user\'s, not rights or licence', async () => {
		const wrong = { __rl: true, mode: 'id', value: '9999999' };
		await expect(loadOptions.getJournals.call(contextFor(wrong))).rejects.toThrow(/^Division 9999999 is not an administration this Exact user can open/);
		await expect(listSearch.searchRevenueGlAccounts.call(contextFor(wrong))).rejects.toThrow(/^Division 9999999 is not an administration/);
		await expect(loadOptions.getJournals.call(contextFor(wrong))).rejects.not.toThrow(/right|licen/i);
	});
});
