import type { IDataObject } from 'n8n-workflow';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';
import { parseSyncCursor } from '../../nodes/ExactOnline/transport/syncCursor';
import { USED_ENDPOINTS } from '../../nodes/ExactOnline/actions/access/endpoints';
import { createSalesInvoice } from '../simulators/exact/salesInvoices';

describe('Exact Online node: relations, items, master data, sync, access and custom calls', () => {
	let bed: ExactTestBed;
	const division = () => bed.sim.info.division;
	const accounts = () => bed.sim.store.list(division(), 'Accounts');

	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());
	beforeEach(() => {
		bed.sim.clearFaults();
		bed.sim.denyRights([]);
		bed.sim.resetCalls();
	});

	describe('accounts', () => {
		let createdId: string;

		it('creates, gets, updates and deletes an account', async () => {
			const created = await bed.run({
				resource: 'account',
				operation: 'create',
				name: "O'Brien Installaties",
				additionalFields: { code: '990001', city: 'Utrecht', status: 'C', email: 'info@obrien.example' },
			});
			expect(created.status).toBe('success');
			const record = created.output(created.nodeName)[0];
			expect(record).toMatchObject({ Name: "O'Brien Installaties", CodeTrimmed: '990001', City: 'Utrecht' });
			createdId = String(record.ID);

			const got = await bed.run({ resource: 'account', operation: 'get', id: createdId });
			expect(got.output(got.nodeName)[0]).toMatchObject({ ID: createdId, Code: '            990001' });

			const updated = await bed.run({ resource: 'account', operation: 'update', id: createdId, updateFields: { city: 'Amersfoort' } });
			expect(updated.output(updated.nodeName)[0]).toMatchObject({ ID: createdId, updated: true, City: 'Amersfoort' });
			expect(bed.sim.store.get(division(), 'Accounts', createdId)?.City).toBe('Amersfoort');
		});

		it('filters by name with a hostile value without widening the query', async () => {
			const hostile = await bed.run({ resource: 'account', operation: 'getAll', returnAll: true, filters: { name: "O'Brien' or 1 eq 1" } });
			expect(hostile.status).toBe('success');
			expect(hostile.output(hostile.nodeName)).toHaveLength(0);
			const exact = await bed.run({ resource: 'account', operation: 'getAll', returnAll: true, filters: { name: "O'Brien" } });
			expect(exact.output(exact.nodeName).map((row) => row.ID)).toEqual([createdId]);
		});

		it('filters by code (padded), status, role and modification date', async () => {
			const byCode = await bed.run({ resource: 'account', operation: 'getAll', returnAll: true, filters: { code: '990001' } });
			expect(byCode.output(byCode.nodeName).map((row) => row.ID)).toEqual([createdId]);
			const suppliers = await bed.run({ resource: 'account', operation: 'getAll', returnAll: true, filters: { role: 'supplier' } });
			const expectedSuppliers = accounts().filter((row) => row.IsSupplier === true).length;
			expect(suppliers.output(suppliers.nodeName)).toHaveLength(expectedSuppliers);
			const prospects = await bed.run({ resource: 'account', operation: 'getAll', returnAll: true, filters: { status: 'P' } });
			expect(prospects.output(prospects.nodeName).every((row) => row.Status === 'P')).toBe(true);
			// Seeded accounts were last modified at the simulator's start; move on and touch only ours.
			bed.sim.clock.advance(3600_000);
			await bed.run({ resource: 'account', operation: 'update', id: createdId, updateFields: { phone: '030-7654321' } });
			const recent = await bed.run({
				resource: 'account',
				operation: 'getAll',
				returnAll: true,
				filters: { modifiedSince: new Date(bed.sim.clock.now() - 1000).toISOString() },
			});
			expect(recent.output(recent.nodeName).map((row) => row.ID)).toEqual([createdId]);
		});

		it('creates or updates by code without creating twice', async () => {
			const first = await bed.run({ resource: 'account', operation: 'upsert', code: '990002', name: 'Nieuw BV', additionalFields: { city: 'Delft' } });
			expect(first.output(first.nodeName)[0]).toMatchObject({ action: 'created', Name: 'Nieuw BV' });
			const second = await bed.run({ resource: 'account', operation: 'upsert', code: '990002', name: 'Nieuw B.V.', additionalFields: {} });
			expect(second.output(second.nodeName)[0]).toMatchObject({ action: 'updated', Name: 'Nieuw B.V.' });
			const matching = accounts().filter((row) => String(row.Code).trim() === '990002');
			expect(matching).toHaveLength(1);
			expect(matching[0].Name).toBe('Nieuw B.V.');
		});

		it('deletes an account', async () => {
			const deleted = await bed.run({ resource: 'account', operation: 'delete', id: createdId });
			expect(deleted.output(deleted.nodeName)[0]).toEqual({ ID: createdId, deleted: true });
			expect(bed.sim.store.get(division(), 'Accounts', createdId)).toBeUndefined();
		});

		it('lists all accounts through the sync feed when no filter is given', async () => {
			const result = await bed.run({ resource: 'account', operation: 'getAll', returnAll: true });
			expect(result.output(result.nodeName)).toHaveLength(accounts().length);
			expect(bed.sim.calls().every((call) => call.path.includes('/sync/CRM/Accounts'))).toBe(true);
		});
	});

	describe('contacts', () => {
		it('creates, lists and updates a contact', async () => {
			const account = accounts()[0];
			const created = await bed.run({
				resource: 'contact',
				operation: 'create',
				account: { __rl: true, mode: 'id', value: account.ID },
				contactFields: { firstName: 'Anouk', lastName: 'de Vries', email: 'anouk@example.nl' },
			});
			expect(created.status).toBe('success');
			const contact = created.output(created.nodeName)[0];
			expect(contact).toMatchObject({ Account: account.ID, FirstName: 'Anouk' });
			const list = await bed.run({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { account: account.ID } });
			expect(list.output(list.nodeName).map((row) => row.ID)).toContain(contact.ID);
			const updated = await bed.run({ resource: 'contact', operation: 'update', id: contact.ID, updateFields: { phone: '030-1234567' } });
			expect(updated.status).toBe('success');
			expect(bed.sim.store.get(division(), 'Contacts', String(contact.ID))?.Phone).toBe('030-1234567');
		});

		it('refuses a contact without a name before calling Exact', async () => {
			const result = await bed.run({ resource: 'contact', operation: 'create', account: { __rl: true, mode: 'id', value: accounts()[0].ID }, contactFields: {} });
			expect(result.nodeError(result.nodeName)?.message).toMatch(/First Name or a Last Name/);
			expect(bed.sim.calls()).toHaveLength(0);
		});
	});

	describe('items', () => {
		let itemGroup: IDataObject;
		let revenue: IDataObject;
		beforeAll(() => {
			itemGroup = bed.sim.store.list(division(), 'ItemGroups')[0] as IDataObject;
			revenue = bed.sim.store.list(division(), 'GLAccounts').find((row) => row.Type === 110) as IDataObject;
		});

		it('creates a labour item with GL accounts, group, price and unit, then gets and updates it', async () => {
			const created = await bed.run({
				resource: 'item',
				operation: 'create',
				code: 'UUR-TEST',
				description: 'Uurloon test',
				additionalFields: { itemGroup: itemGroup.ID, glRevenue: revenue.ID, salesPrice: 65, unit: 'uur', isLabour: true, isSalesItem: true },
			});
			expect(created.status).toBe('success');
			const item = created.output(created.nodeName)[0];
			expect(item).toMatchObject({ Code: 'UUR-TEST', ItemGroup: itemGroup.ID, GLRevenue: revenue.ID, IsTime: 1, Unit: 'uur' });
			const got = await bed.run({ resource: 'item', operation: 'get', id: item.ID });
			expect(got.output(got.nodeName)[0]).toMatchObject({ ID: item.ID, StandardSalesPrice: 65 });
			const updated = await bed.run({ resource: 'item', operation: 'update', id: item.ID, updateFields: { salesPrice: 70 } });
			expect(updated.status).toBe('success');
			expect(bed.sim.store.get(division(), 'Items', String(item.ID))?.StandardSalesPrice).toBe(70);
		});

		it('lists items by filter and creates or updates by code', async () => {
			const labour = await bed.run({ resource: 'item', operation: 'getAll', returnAll: true, filters: { labourOnly: true } });
			const expected = bed.sim.store.list(division(), 'Items').filter((row) => row.IsTime === 1).length;
			expect(labour.output(labour.nodeName)).toHaveLength(expected);
			const first = await bed.run({ resource: 'item', operation: 'upsert', code: 'MAT-NEW', description: 'Nieuw materiaal', additionalFields: {} });
			expect(first.output(first.nodeName)[0]).toMatchObject({ action: 'created' });
			const second = await bed.run({ resource: 'item', operation: 'upsert', code: 'MAT-NEW', description: 'Nieuw materiaal 2', additionalFields: { salesPrice: 9.95 } });
			expect(second.output(second.nodeName)[0]).toMatchObject({ action: 'updated' });
			const stored = bed.sim.store.list(division(), 'Items').filter((row) => row.Code === 'MAT-NEW');
			expect(stored).toHaveLength(1);
			expect(stored[0]).toMatchObject({ Description: 'Nieuw materiaal 2', StandardSalesPrice: 9.95 });
		});

		it('writes the price through SalesItemPrices, as Exact drops a price sent on the item (#15 point 3)', async () => {
			bed.sim.resetCalls();
			const created = await bed.run({ resource: 'item', operation: 'create', code: 'MAT-PRIJS', description: 'Prijs via prijslijst', additionalFields: { salesPrice: 12.5 } });
			expect(created.status).toBe('success');
			const id = String(created.output(created.nodeName)[0].ID);
			const itemPosts = bed.sim.calls().filter((call) => call.method === 'POST' && call.path.endsWith('/logistics/Items'));
			expect(itemPosts).toHaveLength(1);
			expect(bed.sim.store.list(division(), 'SalesItemPrices').filter((row) => row.Item === id).map((row) => row.Price)).toEqual([12.5]);
			expect(bed.sim.store.get(division(), 'Items', id)?.StandardSalesPrice).toBe(12.5);
			await bed.run({ resource: 'item', operation: 'update', id, updateFields: { salesPrice: 13 } });
			expect(bed.sim.store.list(division(), 'SalesItemPrices').filter((row) => row.Item === id).map((row) => row.Price)).toEqual([13]);
		});

		it('refuses a description longer than Exact accepts before sending, naming the field (#15 point 10)', async () => {
			bed.sim.resetCalls();
			const result = await bed.run({ resource: 'item', operation: 'create', code: 'MAT-LANG', description: 'x'.repeat(61), additionalFields: {} });
			expect(result.nodeError(result.nodeName)?.message).toBe('Description is 61 characters long; Exact Online accepts at most 60');
			expect(bed.sim.calls().filter((call) => call.method === 'POST')).toHaveLength(0);
		});
	});

	describe('read-only lists', () => {
		it.each([
			['itemGroup', 'ItemGroups', 'ID'],
			['glAccount', 'GLAccounts', 'ID'],
			['paymentCondition', 'PaymentConditions', 'ID'],
			['vatCode', 'VATCodes', 'ID'],
			['journal', 'Journals', 'ID'],
			['division', 'Divisions', 'Code'],
		])('%s: get many and get', async (resource, entitySet, key) => {
			const list = await bed.run({ resource, operation: 'getAll', returnAll: true });
			expect(list.status).toBe('success');
			const rows = list.output(list.nodeName);
			expect(rows).toHaveLength(bed.sim.store.list(division(), entitySet).length);
			expect(rows.some((row) => '__metadata' in row)).toBe(false);
			const one = await bed.run({ resource, operation: 'get', id: String(rows[0][key]) });
			expect(one.output(one.nodeName)[0][key]).toEqual(rows[0][key]);
		});

		it('keeps __metadata when asked', async () => {
			const list = await bed.run({ resource: 'vatCode', operation: 'getAll', returnAll: false, limit: 1, options: { keepMetadata: true } });
			expect(list.output(list.nodeName)[0].__metadata).toMatchObject({ type: 'Exact.Web.Api.Models.VATCode' });
			expect(list.output(list.nodeName)[0]).toMatchObject({ CodeTrimmed: expect.any(String) });
		});
	});

	describe('sync', () => {
		it('imports everything first, then only what changed, with deletions', async () => {
			const full = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Accounts', sinceTimestamp: '', output: 'summary' });
			const first = full.output(full.nodeName)[0];
			expect(first.changed).toBe(accounts().length);
			const cursor = String(first.nextTimestamp);

			bed.sim.resetCalls();
			const quiet = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Accounts', sinceTimestamp: cursor, output: 'summary' });
			expect(quiet.output(quiet.nodeName)[0]).toMatchObject({ changed: 0, deletedCount: 0, nextTimestamp: cursor });
			expect(bed.sim.calls().filter((call) => call.path.includes('/sync/CRM/Accounts'))).toHaveLength(1);

			const [changedAccount, deletedAccount] = accounts();
			bed.sim.updateEntity(division(), 'Accounts', String(changedAccount.ID), { City: 'Zeist' });
			bed.sim.deleteEntity(division(), 'Accounts', String(deletedAccount.ID));
			const delta = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Accounts', sinceTimestamp: cursor, output: 'perRecord' });
			const rows = delta.output(delta.nodeName);
			expect(rows.filter((row) => !row._deleted).map((row) => [row.ID, row.City])).toEqual([[changedAccount.ID, 'Zeist']]);
			expect(rows.filter((row) => row._deleted).map((row) => row.EntityKey)).toEqual([deletedAccount.ID]);
			const feedOf = (text: unknown) => BigInt(parseSyncCursor(String(text))!.feed);
			expect(feedOf(rows[0]._nextTimestamp)).toBeGreaterThan(feedOf(cursor));
		});

		it('reports an item whose only change is its price, with that price (#15 point 3)', async () => {
			const full = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Items', sinceTimestamp: '', output: 'summary' });
			const first = full.output(full.nodeName)[0];
			const records = first.records as IDataObject[];
			const item = bed.sim.store.list(division(), 'Items').find((row) => row.IsSalesItem === true)!;
			expect(records.find((row) => row.ID === item.ID)?.StandardSalesPrice).toBe(item.StandardSalesPrice);
			const price = bed.sim.store.list(division(), 'SalesItemPrices').find((row) => row.Item === item.ID)!;
			const itemTimestamp = bed.sim.store.get(division(), 'Items', String(item.ID))?.Timestamp;
			const updated = await bed.run({ resource: 'item', operation: 'update', id: String(item.ID), updateFields: { salesPrice: 123.45 } });
			expect(updated.status).toBe('success');
			expect(bed.sim.store.get(division(), 'SalesItemPrices', String(price.ID))?.Price).toBe(123.45);
			// The item row itself did not change: only its price row has a new Timestamp.
			expect(bed.sim.store.get(division(), 'Items', String(item.ID))?.Timestamp).toBe(itemTimestamp);
			const delta = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Items', sinceTimestamp: first.nextTimestamp, output: 'summary' });
			const second = delta.output(delta.nodeName)[0];
			expect((second.records as IDataObject[]).map((row) => [row.ID, row.StandardSalesPrice])).toEqual([[item.ID, 123.45]]);
			const quiet = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Items', sinceTimestamp: String(second.nextTimestamp), output: 'summary' });
			expect(quiet.output(quiet.nodeName)[0]).toMatchObject({ changed: 0, nextTimestamp: second.nextTimestamp });
		});

		it('reads sales invoices from a feed of header and line rows as one record per invoice (#15 point 10)', async () => {
			const customer = accounts().find((row) => row.Status === 'C' && row.Blocked === false)!;
			const items = bed.sim.store.list(division(), 'Items').filter((row) => row.IsSalesItem === true && row.GLRevenue).slice(0, 2);
			for (const ref of ['WB-SYNC-1', 'WB-SYNC-2']) {
				createSalesInvoice(bed.sim.store, bed.sim.clock, division(), { OrderedBy: customer.ID, Journal: '70', YourRef: ref, SalesInvoiceLines: items.map((item) => ({ Item: item.ID, Quantity: 1 })) });
			}
			const invoices = bed.sim.store.list(division(), 'SalesInvoices');
			const lines = bed.sim.store.list(division(), 'SalesInvoiceLines');
			expect(lines.length).toBeGreaterThan(invoices.length);
			bed.sim.resetCalls();
			const full = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'SalesInvoices', sinceTimestamp: '', includeDeletions: false, output: 'summary' });
			expect(full.status).toBe('success');
			const records = full.output(full.nodeName)[0].records as IDataObject[];
			expect(records.map((row) => row.InvoiceID).sort()).toEqual(invoices.map((row) => row.InvoiceID).sort());
			expect(records.every((row) => Number(row.LineNumber) === 0)).toBe(true);
		});

		it.each(['Items', 'GLAccounts', 'PaymentConditions'])('%s: a full import then an empty delta', async (entity) => {
			const full = await bed.run({ resource: 'sync', operation: 'getChanges', entity, sinceTimestamp: '', output: 'summary' });
			const first = full.output(full.nodeName)[0];
			expect(first.changed).toBeGreaterThan(0);
			const again = await bed.run({ resource: 'sync', operation: 'getChanges', entity, sinceTimestamp: first.nextTimestamp, output: 'summary' });
			expect(again.output(again.nodeName)[0]).toMatchObject({ changed: 0, nextTimestamp: first.nextTimestamp });
		});
	});

	describe('access check and custom calls', () => {
		it('lists the endpoints and modules the user may not use', async () => {
			// A company without the Project module: users/UserHasRights answers false for project/*.
			bed.sim.denyRights([{ endpoint: 'project/' }]);
			const result = await bed.run({ resource: 'access', operation: 'check' });
			expect(result.status).toBe('success');
			const report = result.output(result.nodeName)[0];
			expect(report).toMatchObject({
				allAllowed: false,
				missing: ['GET project/TimeTransactions', 'POST project/TimeTransactions', 'GET project/Projects'],
				missingModules: ['Project (hours)'],
			});
			expect(String(report.summary)).toContain('Project (hours)');
			expect(bed.sim.callCount({ method: 'GET', path: 'users/UserHasRights' })).toBe(USED_ENDPOINTS.length);
		});

		it('names a single missing right, and fails the node when asked to', async () => {
			bed.sim.denyRights([{ endpoint: 'salesinvoice/SalesInvoices', action: 'POST' }]);
			const result = await bed.run({ resource: 'access', operation: 'check' });
			expect(result.output(result.nodeName)[0]).toMatchObject({ allAllowed: false, missing: ['POST salesinvoice/SalesInvoices'], missingModules: ['Invoicing (sales invoices)'] });
			const strict = await bed.run({ resource: 'access', operation: 'check', failOnMissing: true });
			expect(strict.nodeError(strict.nodeName)?.message).toMatch(/Missing in division \d+: Invoicing \(sales invoices\)/);
			bed.sim.denyRights([]);
			const allowed = await bed.run({ resource: 'access', operation: 'check' });
			expect(allowed.output(allowed.nodeName)[0]).toMatchObject({ allAllowed: true, missing: [] });
		});

		it('calls any endpoint through the same transport, one page or all pages', async () => {
			const one = await bed.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'financial/GLAccounts', query: '{"$select":"ID,Code","$top":"2"}' });
			expect(one.output(one.nodeName)).toHaveLength(2);
			const me = await bed.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'current/Me', withoutDivision: true, query: '{"$select":"CurrentDivision"}' });
			expect(me.output(me.nodeName)[0]).toMatchObject({ CurrentDivision: division() });
			const all = await bed.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'crm/Accounts', allPages: true, query: `{"$select":"ID","$filter":"Status eq 'C'"}` });
			expect(all.output(all.nodeName)).toHaveLength(accounts().filter((row) => row.Status === 'C').length);
		});

		it('refuses paths that try to leave the API', async () => {
			const result = await bed.run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: 'http://evil.example/steal', query: '{}' });
			expect(result.nodeError(result.nodeName)?.message).toMatch(/not an endpoint path/);
		});
	});
});
