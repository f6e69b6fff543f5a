import { priceListAgreementRows } from '../../../nodes/ExactOutSmart/logic/priceListAgreements';
import type { ExactPriceListEntry } from '../../../nodes/ExactOutSmart/logic/exactCatalog';

const LIST = 'list-1';
const entry = (fields: Partial<ExactPriceListEntry> & { entryMethod: number }): ExactPriceListEntry => ({
	priceListId: LIST,
	priceListCode: 'CORP',
	startDate: '2026-01-01',
	endDate: '',
	itemId: '',
	itemGroupCode: '',
	quantity: 0,
	unit: '',
	...fields,
});
const customers = [
	{ id: 'acc-1', name: 'Woonstichting Oost', priceList: LIST },
	{ id: 'acc-2', name: 'Woonstichting West', priceList: LIST },
];
const items = [
	{ ID: 'item-1', Code: 'RAD-01', ItemGroupCode: 'VERW', Unit: 'stuk', StandardSalesPrice: 250 },
	{ ID: 'item-2', Code: 'RAD-02', ItemGroupCode: 'VERW', Unit: 'stuk', StandardSalesPrice: 100 },
];

describe('price lists as agreements per customer', () => {
	test('every linked customer gets the list\'s prices; the item\'s own entry wins over its group\'s; a discount without a base price takes the standard price', () => {
		const rows = priceListAgreementRows(customers, [entry({ itemId: 'item-1', entryMethod: 2, newPrice: 230 }), entry({ itemGroupCode: 'VERW', entryMethod: 1, discount: 0.15 })], items);
		const prices = rows.map((result) => ('row' in result ? [result.row.Account, result.row.ItemCode, result.row.Price] : result.skip));
		expect(prices).toEqual([
			['acc-1', 'RAD-01', 230],
			['acc-1', 'RAD-02', 85],
			['acc-2', 'RAD-01', 230],
			['acc-2', 'RAD-02', 85],
		]);
	});

	test('an entry that gives no price is skipped with the reason; a customer of another list gets nothing', () => {
		const rows = priceListAgreementRows(
			[{ id: 'acc-3', name: 'Other', priceList: 'list-2' }, customers[0]],
			[entry({ itemId: 'item-1', entryMethod: 1, discount: 5 }), entry({ itemId: 'item-2', entryMethod: 3 })],
			items,
		);
		expect(rows).toEqual([
			{ skip: expect.stringMatching(/Price list CORP for item RAD-01 and Woonstichting Oost: its discount 5 is not a fraction/), id: expect.any(String) },
			{ skip: expect.stringMatching(/entry method 3 is neither 1 \(discount\) nor 2 \(new price\)/), id: expect.any(String) },
		]);
	});
});
