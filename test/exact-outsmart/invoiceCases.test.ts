/**
 * The invoice to the cent: each case is one work order, the export configuration and what Exact knows,
 * with the invoice it must give (lines, VAT, total) or the reason it is refused. The same amounts are
 * what the dry run reports and what the Exact simulator books (test/workflows/exportMoney.test.ts).
 */
import type { BuildOutcome } from '../../nodes/ExactOutSmart/logic/buildExport';
import { buildExport } from '../../nodes/ExactOutSmart/logic/buildExport';
import type { ExactCatalog, ExactPriceListEntry } from '../../nodes/ExactOutSmart/logic/exactCatalog';
import type { ExportSettings } from '../../nodes/ExactOutSmart/logic/exportSettings';
import type { Workorder } from '../../nodes/ExactOutSmart/logic/workorder';
import { catalog as baseCatalog, GUIDS, settings as baseSettings, workorder } from './fixtures';

const IDS = {
	...GUIDS,
	overwerk: '33333333-3333-3333-3333-444444444444',
	km: '66666666-6666-6666-6666-666666666661',
	callOut: '66666666-6666-6666-6666-666666666662',
	site: '11111111-1111-1111-1111-333333333333',
	gl7000: '44444444-4444-4444-4444-888888888888',
};

/** Short names for the expected lines. */
const ALIAS: Record<string, string> = {
	[IDS.itemRadiator]: 'RAD',
	[IDS.itemFitting]: 'LEID',
	[IDS.labourMonteur]: 'UUR',
	[IDS.overwerk]: 'OVERWERK',
	[IDS.km]: 'KM',
	[IDS.callOut]: 'VOORRIJ',
};

function catalog(): ExactCatalog {
	const result = baseCatalog();
	result.itemsByCode.set('UUR-OVERWERK', { id: IDS.overwerk, code: 'UUR-OVERWERK', description: 'Overwerk monteur', salesPrice: 93.75, salesVatCode: '2', glRevenueCode: '8100', unit: 'uur' });
	result.itemsByCode.set('KM', { id: IDS.km, code: 'KM', description: 'Kilometervergoeding', salesPrice: 0.45, salesVatCode: '2', glRevenueCode: '8100', unit: 'km' });
	result.itemsByCode.set('VOORRIJ', { id: IDS.callOut, code: 'VOORRIJ', description: 'Voorrijkosten', salesPrice: 35, salesVatCode: '2', glRevenueCode: '8100', unit: 'stuk' });
	result.outSmartHourTypes.set('UUR-OVERWERK', { code: 'UUR-OVERWERK', billable: true, salePrice: 93.75 });
	result.outSmartHourTypes.set('ZK', { code: 'ZK', billable: false, salePrice: 0 });
	result.accountsByCode.set('30003', { id: IDS.site, code: '30003', name: 'Fam. de Vries (complex Oost)', paymentConditionSales: '30', salesVatCode: '2', blocked: false });
	result.glAccountsByCode.set('7000', { id: IDS.gl7000, code: '7000', description: 'Inkoopwaarde materialen', type: 111, balanceType: 'W', blocked: false });
	for (const code of ['PIN', 'CON']) result.paymentConditions.add(code);
	return result;
}

type Line = [item: string, quantity: number, unitPrice: number, amount: number, vatCode: string, vat: number, discount?: number];

interface InvoiceCase {
	name: string;
	order?: Partial<Workorder>;
	settings?: Partial<ExportSettings>;
	exact?: (catalog: ExactCatalog) => void;
	lines?: Line[];
	totals?: [exclVat: number, vat: number, inclVat: number];
	refused?: RegExp;
	check?: (outcome: BuildOutcome) => void;
}

const account = (catalog: ExactCatalog) => catalog.accountsByCode.get('10001')!;
const hoursOnly = (periods: Workorder['Workperiods']): Partial<Workorder> => ({ Materials: [], Workperiods: periods });
const materialsOnly = (materials: Workorder['Materials']): Partial<Workorder> => ({ Materials: materials, Workperiods: [] });
const radiator = (overrides: Record<string, string> = {}) => ({ MaterialCode: 'RAD-01000', MaterialName: 'Paneelradiator T22', MaterialNr: '2', MaterialPrice: '250,50', MaterialFreeField1: '8000', ...overrides });

const PRICE_LIST_ID = '77777777-7777-7777-7777-777777777777';

/** Links customer 10001 to price list PL-CORP with these entries (period 2026, unless given). */
function withPriceList(c: ExactCatalog, entries: Array<Partial<ExactPriceListEntry> & { itemId: string; entryMethod: number }>): void {
	account(c).priceList = PRICE_LIST_ID;
	for (const entry of entries) {
		c.priceListEntries.push({
			priceListId: PRICE_LIST_ID,
			priceListCode: 'PL-CORP',
			startDate: '2026-01-01',
			endDate: '',
			itemGroupCode: '',
			quantity: 0,
			unit: '',
			...entry,
		});
	}
}

const BASE_LINES: Line[] = [
	['RAD', 2, 250.5, 501, '2', 105.21],
	['LEID', 4, 3.25, 13, '2', 2.73],
	['UUR', 2, 62.5, 125, '2', 26.25],
];

const CASES: InvoiceCase[] = [
	// Hours
	{ name: 'a plain order: materials and hours at 21 %', lines: BASE_LINES, totals: [639, 134.19, 773.19] },
	{
		name: 'rounding applies to the total time: 3 × 0:40 at 30 minutes is 2.0 hours, not 3.0',
		order: { ...hoursOnly([1, 2, 3].map(() => ({ WorkDate: '02-11-2026', TotalTime: '0:40', HourType: 'UUR-MONTEUR' }))), RoundingAmount: '30' },
		lines: [['UUR', 2, 62.5, 125, '2', 26.25]],
		totals: [125, 26.25, 151.25],
	},
	{
		name: 'minutes stay exact: 1:20 × 60,00 is 80,00 (not 79,80)',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '1:20', HourType: 'UUR-MONTEUR' }]),
		exact: (c) => c.outSmartHourTypes.set('UUR-MONTEUR', { code: 'UUR-MONTEUR', billable: true, salePrice: 60 }),
		lines: [['UUR', 1.333333, 60, 80, '2', 16.8]],
		totals: [80, 16.8, 96.8],
	},
	{
		name: 'minutes stay exact: 0:50 × 62,50 is 52,08 (not 51,88)',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '0:50', HourType: 'UUR-MONTEUR' }]),
		lines: [['UUR', 0.833333, 62.5, 52.08, '2', 10.94]],
		totals: [52.08, 10.94, 63.02],
	},
	{
		name: 'minimum hours are topped up at the configured hour type, not at the overtime worked first',
		order: { ...hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '1:00', HourType: 'UUR-OVERWERK' }]), MinimumHours: '2' },
		settings: { minimumHourType: 'UUR-MONTEUR' },
		lines: [['OVERWERK', 1, 93.75, 93.75, '2', 19.69], ['UUR', 1, 62.5, 62.5, '2', 13.13]],
		totals: [156.25, 32.82, 189.07],
	},
	{
		name: 'minimum hours fall back to the default hour type',
		order: { ...hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '0:30', HourType: 'UUR-MONTEUR' }]), MinimumHours: '1' },
		settings: { defaultHourType: 'UUR-MONTEUR' },
		lines: [['UUR', 1, 62.5, 62.5, '2', 13.13]],
		totals: [62.5, 13.13, 75.63],
	},
	{
		name: 'minimum hours without an hour type for the top-up are refused',
		order: { ...hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '0:30', HourType: 'UUR-MONTEUR' }]), MinimumHours: '1' },
		refused: /no hour type for the minimum-hours top-up is set/,
	},
	{
		name: 'an order without work periods gets no minimum hours',
		order: { Workperiods: [], MinimumHours: '2' },
		settings: { minimumHourType: 'UUR-MONTEUR' },
		lines: BASE_LINES.slice(0, 2),
		totals: [514, 107.94, 621.94],
	},
	{
		name: 'sick hours (OutSmart hour type not booked on sales) never reach the invoice',
		order: { Workperiods: [{ WorkDate: '02-11-2026', TotalTime: '2:00', HourType: 'UUR-MONTEUR' }, { WorkDate: '03-11-2026', TotalTime: '8:00', HourType: 'ZK' }] },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => expect(outcome.kind === 'export' && outcome.item.decisions.join('\n')).toMatch(/ZK is not billed/),
	},
	{
		name: 'hour types listed as non-billable in the configuration are left off too',
		order: { Workperiods: [{ WorkDate: '02-11-2026', TotalTime: '2:00', HourType: 'UUR-MONTEUR' }, { WorkDate: '03-11-2026', TotalTime: '1:00', HourType: 'UUR-OVERWERK' }] },
		settings: { nonBillableHourTypes: new Set(['UUR-OVERWERK']) },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
	},
	{
		name: 'travel is off by default',
		order: { Workperiods: [{ WorkDate: '02-11-2026', TotalTime: '2:00', HourType: 'UUR-MONTEUR', Travel: '25' }] },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
	},
	{
		name: 'travel as kilometres: the periods\' distance on the kilometre item',
		order: hoursOnly([
			{ WorkDate: '02-11-2026', TotalTime: '1:20', HourType: 'UUR-MONTEUR', Travel: '12' },
			{ WorkDate: '03-11-2026', TotalTime: '0:40', HourType: 'UUR-MONTEUR', Travel: '8,5' },
		]),
		settings: { travel: { mode: 'kilometre', itemCode: 'KM' } },
		lines: [['UUR', 2, 62.5, 125, '2', 26.25], ['KM', 20.5, 0.45, 9.23, '2', 1.94]],
		totals: [134.23, 28.19, 162.42],
	},
	{
		name: 'travel as a call-out charge per work day',
		order: hoursOnly([
			{ WorkDate: '02-11-2026', TotalTime: '1:20', HourType: 'UUR-MONTEUR' },
			{ WorkDate: '03-11-2026', TotalTime: '0:40', HourType: 'UUR-MONTEUR' },
		]),
		settings: { travel: { mode: 'callOut', itemCode: 'VOORRIJ' }, priceSource: 'outSmart' },
		lines: [['UUR', 2, 62.5, 125, '2', 26.25], ['VOORRIJ', 2, 35, 70, '2', 14.7]],
		totals: [195, 40.95, 235.95],
	},
	{
		name: 'an order with only hours is invoiced (no hours are moved off the invoice)',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '3:15', HourType: 'UUR-MONTEUR' }]),
		lines: [['UUR', 3.25, 62.5, 203.13, '2', 42.66]],
		totals: [203.13, 42.66, 245.79],
	},
	// VAT
	{
		name: 'reverse charge: the customer\'s VAT code (verlegd) wins over the items\' 21 %',
		exact: (c) => (account(c).salesVatCode = '5'),
		lines: BASE_LINES.map(([item, quantity, price, amount]) => [item, quantity, price, amount, '5', 0] as Line),
		totals: [639, 0, 639],
	},
	{
		name: 'a customer without a VAT code: the item\'s code, else the default',
		exact: (c) => (account(c).salesVatCode = ''),
		settings: { defaultVatCode: '1' },
		lines: [['RAD', 2, 250.5, 501, '2', 105.21], ['LEID', 4, 3.25, 13, '1', 1.17], ['UUR', 2, 62.5, 125, '2', 26.25]],
		totals: [639, 132.63, 771.63],
	},
	{
		name: 'an EU business customer without a VAT number is refused',
		exact: (c) => Object.assign(account(c), { salesVatCode: '6', vatNumber: '' }),
		refused: /EU VAT code 6, but has no VAT number/,
	},
	{
		name: 'an EU business customer with a VAT number: ICP, no VAT',
		exact: (c) => Object.assign(account(c), { salesVatCode: '6', vatNumber: 'BE0123456789' }),
		lines: BASE_LINES.map(([item, quantity, price, amount]) => [item, quantity, price, amount, '6', 0] as Line),
		totals: [639, 0, 639],
	},
	{
		name: 'a per-order VAT override (9 % labour on an older home) wins',
		order: { FreeField4: '1' },
		settings: { vatOverrideTemplate: '[FreeField4]' },
		lines: [['RAD', 2, 250.5, 501, '1', 45.09], ['LEID', 4, 3.25, 13, '1', 1.17], ['UUR', 2, 62.5, 125, '1', 11.25]],
		totals: [639, 57.51, 696.51],
	},
	{
		name: 'a per-order VAT override that Exact does not know is refused',
		order: { FreeField4: '7' },
		settings: { vatOverrideTemplate: '[FreeField4]' },
		refused: /VAT code 7 \(the order's VAT override\), which does not exist in Exact/,
	},
	// Prices
	{
		name: 'Exact prices: the items\' standard prices for materials and hours',
		settings: { priceSource: 'exact' },
		lines: [['RAD', 2, 299, 598, '2', 125.58], ['LEID', 4, 4, 16, '2', 3.36], ['UUR', 2, 62.5, 125, '2', 26.25]],
		totals: [739, 155.19, 894.19],
	},
	{
		name: 'Exact prices: the housing corporation\'s price agreement is applied',
		settings: { priceSource: 'exact' },
		exact: (c) => c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 156.5, startDate: '2026-01-01', endDate: '' }),
		lines: [['RAD', 2, 156.5, 313, '2', 65.73], ['LEID', 4, 4, 16, '2', 3.36], ['UUR', 2, 62.5, 125, '2', 26.25]],
		totals: [454, 95.34, 549.34],
	},
	{
		name: 'Exact prices: an agreement that has ended is not applied',
		settings: { priceSource: 'exact' },
		exact: (c) => c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 156.5, startDate: '2025-01-01', endDate: '2025-12-31' }),
		lines: [['RAD', 2, 299, 598, '2', 125.58], ['LEID', 4, 4, 16, '2', 3.36], ['UUR', 2, 62.5, 125, '2', 26.25]],
		totals: [739, 155.19, 894.19],
	},
	{
		name: 'Exact prices: the customer\'s sales discount becomes the lines\' discount',
		settings: { priceSource: 'exact' },
		exact: (c) => (account(c).discountSales = 0.1),
		lines: [['RAD', 2, 299, 538.2, '2', 113.02, 0.1], ['LEID', 4, 4, 14.4, '2', 3.02, 0.1], ['UUR', 2, 62.5, 112.5, '2', 23.63, 0.1]],
		totals: [665.1, 139.67, 804.77],
	},
	{
		name: 'Exact prices: a technician\'s deliberate price change is kept',
		order: materialsOnly([radiator({ MaterialOriginalPrice: '299,00' })]),
		settings: { priceSource: 'exact' },
		lines: [['RAD', 2, 250.5, 501, '2', 105.21]],
		totals: [501, 105.21, 606.21],
	},
	{
		name: 'OutSmart prices: an order price that ignores the customer\'s price agreement in Exact is refused (not billed too much)',
		exact: (c) => c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 156.5, startDate: '', endDate: '' }),
		refused: /Material RAD-01000: customer 10001 has a price agreement of 156.5 in Exact, but OutSmart gives 250.5/,
	},
	{
		name: 'OutSmart prices: an order price equal to the agreement is invoiced',
		exact: (c) => c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 250.5, startDate: '', endDate: '' }),
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
	},
	{
		name: 'OutSmart prices: a quantity break in Exact (from 10 on) does not count for 2 pieces: the base agreement does',
		exact: (c) => {
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 200, startDate: '', endDate: '', quantity: 10 });
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 250.5, startDate: '', endDate: '', quantity: 0 });
		},
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
	},
	{
		name: 'OutSmart prices: 12 pieces at the base price while Exact\'s agreement gives 200 from 10 on are refused (OutSmart has no quantity breaks)',
		order: materialsOnly([radiator({ MaterialNr: '12' })]),
		exact: (c) => {
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 200, startDate: '', endDate: '', quantity: 10 });
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 250.5, startDate: '', endDate: '', quantity: 0 });
		},
		refused: /Material RAD-01000: customer 10001 has a price agreement of 200 in Exact, but OutSmart gives 250.5/,
	},
	{
		name: 'Exact prices: the quantity break that the line\'s quantity reaches applies',
		order: materialsOnly([radiator({ MaterialNr: '12' })]),
		settings: { priceSource: 'exact' },
		exact: (c) => {
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 250.5, startDate: '', endDate: '', quantity: 1 });
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 200, startDate: '', endDate: '', quantity: 10 });
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 190, startDate: '', endDate: '', quantity: 25 });
		},
		lines: [['RAD', 12, 200, 2400, '2', 504]],
		totals: [2400, 504, 2904],
	},
	{
		name: 'OutSmart prices: a customer with a sales discount in Exact is refused',
		exact: (c) => (account(c).discountSales = 0.05),
		refused: /sales discount of 5 % in Exact, which OutSmart's prices do not carry/,
	},
	// Price lists (Accounts.PriceList; sales/SalesPriceListPeriods, sales/SalesPriceListVolumeDiscounts)
	{
		name: 'Exact prices: the customer\'s price list gives a new price (entry method 2)',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 230 }]),
		lines: [['RAD', 2, 230, 460, '2', 96.6]],
		totals: [460, 96.6, 556.6],
	},
	{
		name: 'Exact prices: a discount entry (entry method 1) is the line\'s discount on the base price',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 1, discount: 0.1, basePriceAmount: 250.5 }]),
		lines: [['RAD', 2, 250.5, 450.9, '2', 94.69, 0.1]],
		totals: [450.9, 94.69, 545.59],
	},
	{
		name: 'Exact prices: a discount entry without a base price takes the item\'s standard sales price',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '2:00', HourType: 'UUR-MONTEUR' }]),
		settings: { priceSource: 'exact' },
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.labourMonteur, entryMethod: 1, discount: 0.2 }]),
		lines: [['UUR', 2, 62.5, 100, '2', 21, 0.2]],
		totals: [100, 21, 121],
	},
	{
		name: 'Exact prices: an item-group entry applies to the group\'s items; the item\'s own entry wins over it',
		order: materialsOnly([radiator(), { MaterialCode: 'LEID-01003', MaterialName: 'Knelkoppeling', MaterialNr: '4', MaterialPrice: '3.25', MaterialFreeField1: '8000' }]),
		settings: { priceSource: 'exact' },
		exact: (c) => {
			c.itemsByCode.get('RAD-01000')!.itemGroupCode = 'VERW';
			c.itemsByCode.get('LEID-01003')!.itemGroupCode = 'VERW';
			withPriceList(c, [
				{ itemId: '', itemGroupCode: 'VERW', entryMethod: 2, newPrice: 3 },
				{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 240 },
			]);
		},
		lines: [['RAD', 2, 240, 480, '2', 100.8], ['LEID', 4, 3, 12, '2', 2.52]],
		totals: [492, 103.32, 595.32],
	},
	{
		name: 'Exact prices: the price list\'s volume discount that the line\'s quantity reaches applies',
		order: materialsOnly([radiator({ MaterialNr: '12' })]),
		settings: { priceSource: 'exact' },
		exact: (c) =>
			withPriceList(c, [
				{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 240, quantity: 1 },
				{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 199.95, quantity: 10 },
			]),
		lines: [['RAD', 12, 199.95, 2399.4, '2', 503.87]],
		totals: [2399.4, 503.87, 2903.27],
	},
	{
		name: 'Exact prices: a price-list period that ended before the order does not apply (the standard price does)',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 230, startDate: '2025-01-01', endDate: '2025-12-31' }]),
		lines: [['RAD', 2, 299, 598, '2', 125.58]],
		totals: [598, 125.58, 723.58],
	},
	{
		name: 'Exact prices: a price list and a sales discount on one customer are refused (Exact does not document how they combine)',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => {
			withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 230 }]);
			account(c).discountSales = 0.05;
		},
		refused: /price list PL-CORP .* and a sales discount of 5 %/,
	},
	{
		name: 'Exact prices: a price list and a price agreement that disagree are refused',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => {
			withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 230 }]);
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.itemRadiator, price: 225, startDate: '', endDate: '' });
		},
		refused: /Material RAD-01000: customer 10001 has a price agreement of 225 and price list PL-CORP gives 230/,
	},
	{
		name: 'Exact prices: a price-list entry in another unit than the item\'s is refused, not booked in the wrong unit',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 900, unit: 'doos' }]),
		refused: /price list PL-CORP prices RAD-01000 per doos, the invoice line is in stuk/,
	},
	{
		name: 'Exact prices: a discount outside 0–1 in a price list is refused',
		order: materialsOnly([radiator()]),
		settings: { priceSource: 'exact' },
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 1, discount: 10, basePriceAmount: 250.5 }]),
		refused: /price list PL-CORP has an unreadable discount 10 for RAD-01000/,
	},
	{
		name: 'OutSmart prices: an order price equal to the customer\'s price-list price is invoiced',
		order: materialsOnly([radiator({ MaterialPrice: '230,00' })]),
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 230 }]),
		lines: [['RAD', 2, 230, 460, '2', 96.6]],
		totals: [460, 96.6, 556.6],
	},
	{
		name: 'OutSmart prices: an order price that differs from the customer\'s price-list price is refused',
		order: materialsOnly([radiator()]),
		exact: (c) => withPriceList(c, [{ itemId: GUIDS.itemRadiator, entryMethod: 2, newPrice: 230 }]),
		refused: /Material RAD-01000: customer 10001 has price list PL-CORP in Exact, which gives 230, but OutSmart gives 250.5/,
	},
	{
		name: 'OutSmart prices: hours take the customer\'s hour-type price in OutSmart (an imported agreement), which matches Exact\'s agreement',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '1:30', HourType: 'UUR-MONTEUR' }]),
		exact: (c) => {
			c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.labourMonteur, price: 52.5, startDate: '2026-01-01', endDate: '' });
			c.outSmartPrices.push({ material: '', hourType: 'UUR-MONTEUR', debtorNumber: '10001', startDate: '2026-01-01', endDate: '', price: 52.5 });
			c.outSmartPrices.push({ material: '', hourType: 'UUR-MONTEUR', debtorNumber: '', startDate: '2026-01-01', endDate: '', price: 70 });
		},
		lines: [['UUR', 1.5, 52.5, 78.75, '2', 16.54]],
		totals: [78.75, 16.54, 95.29],
	},
	{
		name: 'OutSmart prices: an hour-type price for every customer applies when the customer has none; an ended one does not',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '2:00', HourType: 'UUR-MONTEUR' }]),
		exact: (c) => {
			c.outSmartPrices.push({ material: '', hourType: 'UUR-MONTEUR', debtorNumber: '', startDate: '2026-01-01', endDate: '', price: 60 });
			c.outSmartPrices.push({ material: '', hourType: 'UUR-MONTEUR', debtorNumber: '10001', startDate: '2025-01-01', endDate: '2025-12-31', price: 40 });
		},
		lines: [['UUR', 2, 60, 120, '2', 25.2]],
		totals: [120, 25.2, 145.2],
	},
	{
		name: 'OutSmart prices: hours at the hour type\'s own price while Exact has an agreement OutSmart was not given are refused',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '1:00', HourType: 'UUR-MONTEUR' }]),
		exact: (c) => c.priceAgreements.push({ accountId: GUIDS.account, itemId: GUIDS.labourMonteur, price: 52.5, startDate: '', endDate: '' }),
		refused: /Labour item UUR-MONTEUR: customer 10001 has a price agreement of 52.5 in Exact, but OutSmart gives 62.5/,
	},
	{
		name: 'OutSmart prices: an hour type OutSmart has no price for is refused',
		order: hoursOnly([{ WorkDate: '02-11-2026', TotalTime: '1:00', HourType: 'UUR-MONTEUR' }]),
		exact: (c) => c.outSmartHourTypes.clear(),
		refused: /hour type UUR-MONTEUR has no sales price in OutSmart/,
	},
	{
		name: 'a 0,00 material price is refused unless the line is marked free',
		order: materialsOnly([radiator({ MaterialPrice: '0,00' })]),
		refused: /price of 0,00/,
	},
	{
		name: 'a 0,00 material marked free of charge is invoiced at 0,00',
		order: materialsOnly([radiator({ MaterialPrice: '0,00', MaterialFreeField3: 'gratis' }), radiator()]),
		settings: { freeOfChargeField: 3 },
		lines: [['RAD', 2, 0, 0, '2', 0], ['RAD', 2, 250.5, 501, '2', 105.21]],
		totals: [501, 105.21, 606.21],
	},
	{
		name: 'a material counted in another unit than the Exact item is refused',
		order: materialsOnly([radiator({ MaterialUnit: 'm' })]),
		refused: /counted in 'm' in OutSmart but in 'stuk' in Exact/,
	},
	{
		name: 'the same unit written differently is accepted',
		order: materialsOnly([radiator({ MaterialUnit: 'Stuk' })]),
		lines: [['RAD', 2, 250.5, 501, '2', 105.21]],
		totals: [501, 105.21, 606.21],
	},
	// Discounts and material types
	{
		name: 'the order\'s material discount goes to Exact as the line discount',
		order: materialsOnly([radiator({ MaterialOriginalPrice: '278,33', MaterialDiscountPercentage: '10', MaterialPrice: '250,50' })]),
		lines: [['RAD', 2, 278.33, 500.99, '2', 105.21, 0.1]],
		totals: [500.99, 105.21, 606.2],
	},
	{
		name: 'only used materials are invoiced by default (delivery and pickup are left off)',
		order: materialsOnly([radiator({ MaterialType: 'DELIVERY' }), radiator({ MaterialType: 'PICKUP' }), radiator({ MaterialType: 'USAGE', MaterialNr: '1' })]),
		lines: [['RAD', 1, 250.5, 250.5, '2', 52.61]],
		totals: [250.5, 52.61, 303.11],
	},
	{
		name: 'material types chosen in the configuration are invoiced',
		order: materialsOnly([radiator({ MaterialType: 'DELIVERY' }), radiator({ MaterialType: 'PICKUP' })]),
		settings: { invoicedMaterialTypes: new Set(['USAGE', 'DELIVERY']) },
		lines: [['RAD', 2, 250.5, 501, '2', 105.21]],
		totals: [501, 105.21, 606.21],
	},
	// Payments
	{
		name: 'paid by card on site: the mapped payment condition, not the 14-day term',
		order: { PaymentMethod: 'pin betaling' },
		settings: { paymentMethodConditions: new Map([['pin betaling', 'PIN']]) },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => expect(outcome.kind === 'export' && outcome.item.invoice?.PaymentCondition).toBe('PIN'),
	},
	{
		name: 'paid in cash without a mapping is refused (no open invoice with reminders)',
		order: { PaymentMethod: 'contant voldaan' },
		refused: /paid on site \('contant voldaan'\)/,
	},
	{
		name: 'on account: the customer\'s payment condition',
		order: { PaymentMethod: 'op rekening' },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => expect(outcome.kind === 'export' && outcome.item.invoice?.PaymentCondition).toBe('14'),
	},
	{
		name: 'the order\'s payment method names another Exact payment condition than the customer\'s: refused',
		order: { PaymentMethod: '30 - 30 dagen' },
		refused: /Payment condition differs for customer 10001: OutSmart has 30, Exact has 14.*'30 - 30 dagen'/,
	},
	{
		name: 'the order\'s payment method names the customer\'s payment condition: invoiced with it',
		order: { PaymentMethod: '14 - 14 dagen' },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => expect(outcome.kind === 'export' && outcome.item.invoice?.PaymentCondition).toBe('14'),
	},
	// Returns
	{
		name: 'a returned material (negative quantity) is refused, never a negative invoice',
		order: { Materials: [radiator({ MaterialNr: '-1' })] },
		refused: /negative quantity .*credit note/,
	},
	// Header and books
	{
		name: 'the paying party gets the invoice, the site customer is ordered-by and deliver-to',
		order: { CustomerDebtorNr: '30003', CustomerDebtorNrInvoice: '10001' },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => {
			const invoice = outcome.kind === 'export' ? outcome.item.invoice : undefined;
			expect(invoice).toMatchObject({ InvoiceTo: GUIDS.account, OrderedBy: IDS.site, DeliverTo: IDS.site, PaymentCondition: '14' });
		},
	},
	{
		name: 'the project goes on every line',
		order: { ProjectNr: 'P-100' },
		settings: { projectOnLines: true },
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => expect(outcome.kind === 'export' && outcome.item.invoice?.SalesInvoiceLines.map((line) => line.Project)).toEqual([GUIDS.project, GUIDS.project, GUIDS.project]),
	},
	{
		name: 'a labour item without a revenue account books on its item group\'s',
		exact: (c) => {
			Object.assign(c.itemsByCode.get('UUR-MONTEUR')!, { glRevenueCode: '', itemGroupCode: 'ARBEID' });
			c.itemGroupsByCode.set('ARBEID', { code: 'ARBEID', glRevenueCode: '8100' });
		},
		lines: BASE_LINES,
		totals: [639, 134.19, 773.19],
		check: (outcome) => expect(outcome.kind === 'export' && outcome.item.invoice?.SalesInvoiceLines[2].GLAccount).toBe(GUIDS.gl8100),
	},
	{
		name: 'a labour item on a cost account is refused',
		exact: (c) => (c.itemsByCode.get('UUR-MONTEUR')!.glRevenueCode = '7000'),
		refused: /Labour item UUR-MONTEUR has GL account 7000 .*not a revenue account/,
	},
	{
		name: 'a material on a balance-sheet account is refused',
		order: materialsOnly([radiator({ MaterialFreeField1: '1300' })]),
		refused: /GL account 1300 \(Bank\), a balance-sheet account/,
	},
];

function aliasOf(id: string): string {
	return ALIAS[id] ?? id;
}

describe('the invoice to the cent', () => {
	test.each(CASES)('$name', (entry) => {
		const exact = catalog();
		entry.exact?.(exact);
		const outcome = buildExport(workorder(entry.order), baseSettings(entry.settings), exact);
		if (entry.refused) {
			expect(outcome.kind).toBe('fail');
			expect(outcome.kind === 'fail' && outcome.problems.join('\n')).toMatch(entry.refused);
		} else {
			if (outcome.kind !== 'export') throw new Error(`expected an invoice, got ${JSON.stringify(outcome)}`);
			const { invoice, money } = outcome.item;
			const lines = invoice!.SalesInvoiceLines.map((line, index): Line => {
				const row: Line = [aliasOf(line.Item), line.Quantity, line.UnitPrice, money!.lines[index].amount, line.VATCode, money!.lines[index].vat];
				if (line.Discount !== undefined) row.push(line.Discount);
				return row;
			});
			expect(lines).toEqual(entry.lines);
			expect([money!.amountExclVat, money!.vatAmount, money!.amountInclVat]).toEqual(entry.totals);
		}
		entry.check?.(outcome);
	});
});
