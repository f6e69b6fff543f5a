/**
 * The materials import, as shipped, also carries Exact's customer price agreements into OutSmart's prices after
 * the materials: material and hour-type agreements are written, what OutSmart cannot hold is reported as skipped
 * with its reason, a run without changes writes no price, and the technician's line then carries the agreed price.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { fromWallClock } from '../simulators/exact/exactTime';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, useStack } from './setup';

const FILE = 'import-materials-with-gla.json';

describe('Template: import materials with GLA, then the price agreements', () => {
	const stack = useStack({ workorderCount: 0 });
	const staticData: IDataObject = {};
	const runScheduled = async () => await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: 'Every Hour', staticData });

	test('agreements reach OutSmart after the materials; quantity breaks are reported as skipped; a quiet run writes no price', async () => {
		const customer = exactRows(stack, 'Accounts').find((account) => account.Status === 'C' && !account.Blocked)!;
		const debtor = String(customer.Code).trim();
		const items = exactRows(stack, 'Items');
		// An item the materials import writes in this very run: the price follows its material.
		const material = items.find((item) => !item.IsTime)!;
		const labour = items.find((item) => item.IsTime)!;
		const agreement = (id: string, item: IDataObject, fields: IDataObject) =>
			stack.exact.store.insert(
				DEMO_DIVISION,
				'SalesItemPrices',
				{ ID: id, Account: customer.ID, AccountName: customer.Name, Item: item.ID, ItemCode: item.Code, Currency: 'EUR', Unit: item.Unit, DefaultItemUnit: item.Unit, Quantity: 0, StartDate: fromWallClock({ year: 2026, month: 1, day: 1 }), EndDate: null, ...fields },
				{ silent: true },
			);
		agreement('99999999-0000-0000-0000-0000000000b1', material, { Price: 1.5 });
		agreement('99999999-0000-0000-0000-0000000000b2', labour, { Price: 52.5 });
		agreement('99999999-0000-0000-0000-0000000000b3', material, { Price: 1.25, Quantity: 10 });

		const run = await runScheduled();
		expect(run.error?.message).toBeUndefined();
		expect(run.output('Materials Summary')[0]).toMatchObject({ failed: 0 });
		expect(await okResponse(stack.outSmart, 'prices')).toEqual([
			{ material: String(material.Code).trim(), hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: debtor, price: '1.50' },
			{ material: '', hourtype: String(labour.Code).trim(), date_start: '2026-01-01', date_end: null, debtornr: debtor, price: '52.50' },
		]);
		expect(run.output('Price Agreements Summary')[0]).toMatchObject({
			entity: 'Price agreements',
			exactRecords: 3,
			created: 2,
			updated: 0,
			skipped: 1,
			skips: [expect.stringMatching(/applies from a quantity of 10 on: OutSmart prices have no quantity breaks/)],
			failed: 0,
		});

		stack.outSmart.resetCalls();
		const quiet = await runScheduled();
		expect(quiet.status).toBe('success');
		expect(stack.outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint)).toEqual([]);
		expect(quiet.output('Price Agreements Summary')[0]).toMatchObject({ created: 0, updated: 0, unchanged: 2, skipped: 1, failed: 0 });

		stack.exact.updateEntity(DEMO_DIVISION, 'SalesItemPrices', '99999999-0000-0000-0000-0000000000b1', { Price: 1.45 });
		const changed = await runScheduled();
		expect(changed.output('Upsert Price Agreements').map((row) => row.price)).toEqual(['1.45']);
		expect(changed.output('Price Agreements Summary')[0]).toMatchObject({ created: 0, updated: 1, unchanged: 1, failed: 0 });

		const order = stack.outSmart.addWorkorder({ CustomerDebtorNr: debtor, status: 'Opgehaald' });
		stack.outSmart.completeWorkorder(String(order.WorkorderNo), { materials: [{ MaterialCode: String(material.Code).trim(), MaterialNr: '2' }] });
		expect((stack.outSmart.getWorkorder(String(order.WorkorderNo))?.Materials as IDataObject[])[0]).toMatchObject({ MaterialPrice: '1,45', MaterialTotalPrice: '2,90' });
	});

	test('with Include Price Lists, a customer\'s price list reaches OutSmart\'s prices: an item\'s new price, its group\'s discount, a volume discount skipped', async () => {
		const customers = exactRows(stack, 'Accounts').filter((account) => account.Status === 'C' && !account.Blocked);
		const customer = customers[customers.length - 1];
		const debtor = String(customer.Code).trim();
		const items = exactRows(stack, 'Items').filter((item) => !item.IsTime && item.ItemGroupCode);
		const own = items[0];
		const group = String(items.find((item) => item.ItemGroupCode !== own.ItemGroupCode)!.ItemGroupCode);
		const inGroup = items.filter((item) => item.ItemGroupCode === group);
		const list = '99999999-0000-0000-0000-0000000000e1';
		const period = '99999999-0000-0000-0000-0000000000e2';
		stack.exact.store.insert(DEMO_DIVISION, 'SalesPriceLists', { ID: list, Code: 'CORP' }, { silent: true });
		stack.exact.store.insert(DEMO_DIVISION, 'SalesPriceListPeriods', { ID: period, PriceList: list, StartDate: fromWallClock({ year: 2026, month: 1, day: 1 }), EndDate: null }, { silent: true });
		const entry = (id: string, fields: IDataObject) =>
			stack.exact.store.insert(DEMO_DIVISION, 'SalesPriceListVolumeDiscounts', { ID: id, PriceListCode: 'CORP', PriceListPeriod: period, Quantity: 0, ...fields }, { silent: true });
		entry('99999999-0000-0000-0000-0000000000e3', { Item: own.ID, ItemCode: own.Code, EntryMethod: 2, NewPrice: 12.5 });
		entry('99999999-0000-0000-0000-0000000000e4', { ItemGroupCode: group, EntryMethod: 1, Discount: 0.1, BasePriceAmount: 20 });
		entry('99999999-0000-0000-0000-0000000000e5', { Item: own.ID, ItemCode: own.Code, EntryMethod: 2, NewPrice: 11, Quantity: 10 });
		stack.exact.store.update(DEMO_DIVISION, 'Accounts', String(customer.ID), { PriceList: list }, { silent: true });

		const template = loadTemplate(FILE);
		(template.nodes.find((node) => node.name === 'Map Price Agreements')!.parameters as IDataObject).includePriceLists = true;
		const run = await stack.harness.run(template, { mode: 'trigger', startNode: 'Every Hour', staticData: {} });
		expect(run.error?.message).toBeUndefined();
		const listPrices = (await okResponse<IDataObject[]>(stack.outSmart, 'prices')).filter((row) => row.debtornr === debtor);
		expect(listPrices).toEqual(
			expect.arrayContaining([
				{ material: String(own.Code).trim(), hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: debtor, price: '12.50' },
				...inGroup.map((item) => ({ material: String(item.Code).trim(), hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: debtor, price: '18.00' })),
			]),
		);
		expect(listPrices).toHaveLength(1 + inGroup.length);
		expect(run.output('Price Agreements Summary')[0]).toMatchObject({ failed: 0, skips: expect.arrayContaining([expect.stringMatching(/applies from a quantity of 10 on/)]) });
	});
});
