import { OPEN_START, priceAgreementToPrice, type PriceAgreementOptions } from '../../../nodes/ExactOutSmart/logic/priceAgreements';

const ACCOUNT = 'A1B2C3D4-0000-0000-0000-000000000001';
const MATERIAL = '11111111-0000-0000-0000-000000000001';
const LABOUR = '11111111-0000-0000-0000-000000000002';

const options: PriceAgreementOptions = {
	accountCodes: new Map([[ACCOUNT.toLowerCase(), '             10042']]),
	items: new Map([
		[MATERIAL.toLowerCase(), { Code: 'KNEL-15', IsTime: false, ItemGroupCode: 'MAT', Unit: 'stuk' }],
		[LABOUR.toLowerCase(), { Code: 'UUR-MONTEUR', IsTime: true, ItemGroupCode: 'ARBEID', Unit: 'uur' }],
	]),
	labourItemGroups: [],
	currency: 'EUR',
};

/** A customer-specific SalesItemPrices row as the Exact transport gives it (ISO dates). */
const agreement = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
	ID: '99999999-0000-0000-0000-000000000001',
	Account: ACCOUNT,
	AccountName: 'Woonstichting De Linie',
	Item: MATERIAL,
	ItemCode: 'KNEL-15',
	Price: 4.1,
	Quantity: 1,
	Unit: 'stuk',
	Currency: 'EUR',
	StartDate: '2026-01-01T00:00:00.000Z',
	EndDate: null,
	...overrides,
});

describe('Exact price agreements to OutSmart prices', () => {
	test('a material agreement: debtornr is the trimmed account code, the price has a dot and two decimals, no end is null', () => {
		expect(priceAgreementToPrice(agreement(), options)).toEqual({
			record: { material: 'KNEL-15', hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: '10042', price: '4.10' },
		});
	});

	test('a labour item (IsTime) becomes an hour-type price; with labour item groups the group decides, as in the hour-type import', () => {
		const labour = agreement({ Item: LABOUR, ItemCode: 'UUR-MONTEUR', Unit: 'uur', Price: 52.5, EndDate: '2026-12-31T00:00:00.000Z' });
		expect(priceAgreementToPrice(labour, options)).toEqual({
			record: { material: '', hourtype: 'UUR-MONTEUR', date_start: '2026-01-01', date_end: '2026-12-31', debtornr: '10042', price: '52.50' },
		});
		const byGroup = { ...options, labourItemGroups: ['MAT'] };
		expect(priceAgreementToPrice(agreement(), byGroup)).toMatchObject({ record: { material: '', hourtype: 'KNEL-15' } });
		expect(priceAgreementToPrice(labour, byGroup)).toMatchObject({ record: { material: 'UUR-MONTEUR', hourtype: '' } });
	});

	test('quantity 0 or 1 is the price for one; an agreement without a start applies from the start', () => {
		expect(priceAgreementToPrice(agreement({ Quantity: 0, StartDate: null }), options)).toMatchObject({ record: { date_start: OPEN_START, price: '4.10' } });
		expect(priceAgreementToPrice(agreement({ Price: 0 }), options)).toMatchObject({ record: { price: '0.00' } });
	});

	test.each([
		['a general price (no Account) is the list price', { Account: null }, /has no customer: it is the item's list price, not a price agreement/],
		['a quantity break', { Quantity: 10, Price: 3.5 }, /applies from a quantity of 10 on: OutSmart prices have no quantity breaks/],
		['a foreign currency', { Currency: 'USD' }, /is in USD: OutSmart prices have no currency/],
		['another unit than the item', { Unit: 'doos' }, /is per doos, the item is counted per stuk: OutSmart prices have no unit/],
		['a project price', { Project: '22222222-0000-0000-0000-000000000001' }, /applies to one project only/],
		['an employee price', { Employee: '33333333-0000-0000-0000-000000000001' }, /applies to one employee only/],
		['a price below the cent', { Price: 0.125 }, /is 0.125, below the cent/],
		['an end before the start', { EndDate: '2025-12-31T00:00:00.000Z' }, /ends \(2025-12-31\) before it starts \(2026-01-01\)/],
	])('%s is skipped with the reason, never dropped silently', (_name, overrides, reason) => {
		const result = priceAgreementToPrice(agreement(overrides), options);
		expect(result).toEqual({ skip: expect.stringMatching(reason) });
		expect((result as { skip: string }).skip).toMatch(/^Price of item KNEL-15/);
	});

	test('the division currency in another case, and no currency, are fine', () => {
		expect(priceAgreementToPrice(agreement({ Currency: 'eur' }), options)).toHaveProperty('record');
		expect(priceAgreementToPrice(agreement({ Currency: '' }), options)).toHaveProperty('record');
	});

	test.each([
		['an unknown account', { Account: '44444444-0000-0000-0000-000000000001' }, /the account \(44444444-.*\) is not found in Exact/],
		['an unknown item', { Item: '55555555-0000-0000-0000-000000000001', ItemCode: 'WEG' }, /Price of item WEG .*the item \(55555555-.*\) is not found in Exact/],
		['an unreadable price', { Price: 'gratis' }, /has no readable price \('gratis'\)/],
		['a negative price', { Price: -1 }, /has no readable price/],
	])('%s is a problem of that row', (_name, overrides, problem) => {
		expect(priceAgreementToPrice(agreement(overrides), options)).toEqual({ problem: expect.stringMatching(problem) });
	});
});
