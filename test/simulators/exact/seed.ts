/**
 * Fills the store with the demo company (and a second, smaller division) from the shared deterministic demo data.
 * IDs are derived from the record codes, so the same seed gives the same guids in every run.
 */
import { createHash } from 'node:crypto';
import { buildDemoCompany, DEMO_DIVISION, type DemoCompany } from '../demo/company';
import { fromWallClock } from './exactTime';
import { padCode } from './padding';
import type { ExactStore, Row } from './store';

export const SECOND_DIVISION = 3185421;
/** Exists in the licence but the demo user never grants it to the app: calls to it answer 403. */
export const UNGRANTED_DIVISION = 3185499;

export function deterministicGuid(...parts: Array<string | number>): string {
	const hex = createHash('sha1').update(parts.join('|')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const GL_TYPE_DESCRIPTIONS: Record<number, string> = { 12: 'Bank', 20: 'Debiteuren', 22: 'Crediteuren', 24: 'Btw', 110: 'Opbrengsten', 111: 'Kostprijs van de omzet', 120: 'Overige kosten', 90: 'Memoriaal' };
/** 1 January 2020, Amsterdam midnight: seeded start dates are date-only values (exactTime.ts). */
const EPOCH_2020 = fromWallClock({ year: 2020, month: 1, day: 1 });

export interface SeedOptions {
	relationCount?: number;
	itemCount?: number;
}

function seedDivisions(store: ExactStore, company: DemoCompany): void {
	const divisions: Array<[number, string, boolean]> = [
		[company.division, company.name, true],
		[SECOND_DIVISION, 'Van der Berg Service & Onderhoud B.V.', false],
		[UNGRANTED_DIVISION, 'Van der Berg Vastgoed B.V.', false],
	];
	for (const [code] of divisions) store.addDivision(code);
	for (const [code, description, current] of divisions) {
		const row: Row = {
			Code: code, Description: description, CustomerName: company.name, CustomerCode: padCode('1', 18), Country: 'NL ',
			Currency: 'EUR', Current: current, Status: 1, IsMainDivision: code === company.division, Hid: code % 1000, VATNumber: 'NL859123456B01',
			City: 'Utrecht', Postcode: '3542 AB', AddressLine1: 'Papendorpseweg 100', Created: EPOCH_2020,
		};
		for (const division of [company.division, SECOND_DIVISION, UNGRANTED_DIVISION]) {
			store.insert(division, 'Divisions', row, { silent: true });
			store.insert(division, 'AllDivisions', row, { silent: true });
		}
	}
}

function seedReferenceData(store: ExactStore, division: number, company: DemoCompany): Map<string, Row> {
	const glByCode = new Map<string, Row>();
	for (const gl of company.glAccounts) {
		const row = store.insert(division, 'GLAccounts', {
			ID: deterministicGuid(division, 'gl', gl.code), Code: gl.code, Description: gl.description, Type: gl.type,
			TypeDescription: GL_TYPE_DESCRIPTIONS[gl.type] ?? '', BalanceSide: gl.balanceSide, BalanceType: Number(gl.code) >= 4000 ? 'W' : 'B',
			IsBlocked: false, SearchCode: padCode(gl.code, 9, 'left'), Created: EPOCH_2020,
		}, { silent: true });
		glByCode.set(gl.code, row);
	}
	for (const group of company.itemGroups) {
		const revenue = group.code === 'ARBEID' ? glByCode.get('8100') : glByCode.get('8000');
		const costs = group.code === 'ARBEID' ? glByCode.get('4000') : glByCode.get('7000');
		store.insert(division, 'ItemGroups', {
			ID: deterministicGuid(division, 'itemgroup', group.code), Code: group.code, Description: group.description,
			GLRevenue: revenue?.ID, GLRevenueCode: revenue?.Code, GLRevenueDescription: revenue?.Description,
			GLCosts: costs?.ID, GLCostsCode: costs?.Code, GLCostsDescription: costs?.Description, IsDefault: group.code === 'DIVERS' ? 1 : 0, Created: EPOCH_2020,
		}, { silent: true });
	}
	for (const condition of company.paymentConditions) {
		store.insert(division, 'PaymentConditions', {
			ID: deterministicGuid(division, 'paymentcondition', condition.code), Code: condition.code, Description: condition.description,
			PaymentDays: condition.paymentDays, DiscountPaymentDays: 0, DiscountPercentage: 0, PaymentMethod: 'B', PaymentDiscountType: 'B', Percentage: 0, Created: EPOCH_2020,
		}, { silent: true });
	}
	for (const vat of company.vatCodes) {
		store.insert(division, 'VATCodes', {
			ID: deterministicGuid(division, 'vat', vat.code), Code: padCode(vat.code, 3, 'left'), Description: vat.description, Percentage: vat.percentage,
			Type: vat.code === '5' ? 'N' : 'E', VATTransactionType: 'S', IsBlocked: false, Charged: vat.code === '5', Created: EPOCH_2020,
		}, { silent: true });
	}
	for (const journal of company.journals) {
		store.insert(division, 'Journals', {
			ID: deterministicGuid(division, 'journal', journal.code), Code: journal.code, Description: journal.description, Type: journal.type,
			TypeDescription: GL_TYPE_DESCRIPTIONS[journal.type] ?? 'Verkoop', Currency: 'EUR', Created: EPOCH_2020,
		}, { silent: true });
	}
	for (const [code, description, type] of [['uur', 'Uur', 'T'], ['stuk', 'Stuk', 'O'], ['m', 'Meter', 'L']]) {
		store.insert(division, 'Units', { ID: deterministicGuid(division, 'unit', code), Code: code, Description: description, Type: type, Active: true, Main: code === 'stuk' ? 1 : 0 }, { silent: true });
	}
	return glByCode;
}

function seedRelations(store: ExactStore, division: number, company: DemoCompany): void {
	for (const relation of company.relations) {
		const id = deterministicGuid(division, 'account', relation.debtorNumber);
		const contactId = deterministicGuid(division, 'contact', relation.debtorNumber);
		const [firstName, ...lastNameParts] = relation.name.split(' ');
		store.insert(division, 'Accounts', {
			ID: id, Code: padCode(relation.debtorNumber, 18), Name: relation.name, SearchCode: padCode(relation.name.slice(0, 9).toUpperCase(), 9, 'left'),
			Status: relation.status === 'S' ? 'A' : relation.status, IsSales: relation.status !== 'S', IsSupplier: relation.status === 'S', Blocked: relation.blocked,
			Type: 'A', Email: relation.email, Phone: relation.phone, AddressLine1: `${relation.street} ${relation.houseNumber}`, Postcode: relation.postcode,
			City: relation.city, Country: padCode(relation.country, 3, 'left'), CountryName: relation.country === 'BE' ? 'België' : 'Nederland', VATNumber: relation.vatNumber,
			PaymentConditionSales: relation.paymentConditionCode, SalesVATCode: padCode('2', 3, 'left'), Language: padCode('NL', 10, 'left'), MainContact: contactId,
			Created: EPOCH_2020,
		}, { silent: true });
		store.insert(division, 'Contacts', {
			ID: contactId, Account: id, AccountName: relation.name, FirstName: firstName, LastName: lastNameParts.join(' '), FullName: relation.name,
			Email: relation.email, Phone: relation.phone, IsMainContact: true, AccountIsCustomer: relation.status === 'C', AccountIsSupplier: relation.status === 'S', Created: EPOCH_2020,
		}, { silent: true });
	}
}

function seedItems(store: ExactStore, division: number, company: DemoCompany, glByCode: Map<string, Row>): void {
	const groups = new Map(store.rows(division, 'ItemGroups').map((row) => [row.Code as string, row]));
	for (const item of company.items) {
		const id = deterministicGuid(division, 'item', item.code);
		const revenue = glByCode.get(item.revenueGlAccountCode);
		const costs = glByCode.get(item.costGlAccountCode);
		const group = groups.get(item.itemGroupCode);
		store.insert(division, 'Items', {
			ID: id, Code: item.code, Description: item.description, SearchCode: padCode(item.code.slice(0, 9), 9, 'left'),
			ItemGroup: group?.ID, ItemGroupCode: item.itemGroupCode, ItemGroupDescription: group?.Description,
			GLRevenue: revenue?.ID, GLRevenueCode: revenue?.Code, GLRevenueDescription: revenue?.Description,
			GLCosts: costs?.ID, GLCostsCode: costs?.Code, GLCostsDescription: costs?.Description,
			IsSalesItem: true, IsPurchaseItem: !item.isLabour, IsStockItem: !item.isLabour && item.itemGroupCode !== 'DIVERS', IsTime: item.isLabour ? 1 : 0,
			IsFractionAllowedItem: item.isLabour, IsWebshopItem: 0, Unit: item.unit, UnitDescription: item.unit === 'uur' ? 'Uur' : 'Stuk', UnitType: item.isLabour ? 'T' : 'O',
			SalesVatCode: padCode(item.salesVatCode, 3, 'left'), CostPriceStandard: item.costPrice, StandardSalesPrice: item.salesPrice, CostPriceCurrency: 'EUR',
			StartDate: EPOCH_2020, EndDate: null, Stock: 0, Created: EPOCH_2020,
		}, { silent: true });
		store.insert(division, 'SalesItemPrices', {
			ID: deterministicGuid(division, 'price', item.code), Item: id, ItemCode: item.code, ItemDescription: item.description, Price: item.salesPrice,
			Currency: 'EUR', Unit: item.unit, DefaultItemUnit: item.unit, NumberOfItemsPerUnit: 1, Quantity: 0, StartDate: EPOCH_2020, EndDate: null, Created: EPOCH_2020,
		}, { silent: true });
		if (item.isLabour) {
			store.insert(division, 'HourTypes', { ItemId: id, ItemCode: item.code, ItemDescription: item.description }, { silent: true });
		}
	}
}

function seedEmployees(store: ExactStore, division: number, company: DemoCompany): void {
	for (const employee of company.employees) {
		store.insert(division, 'Employees', {
			ID: deterministicGuid(division, 'employee', employee.number), Code: employee.number, HID: Number(employee.number), EmployeeHID: Number(employee.number),
			FirstName: employee.firstName, LastName: employee.lastName, FullName: `${employee.firstName} ${employee.lastName}`, Email: employee.email,
			BusinessEmail: employee.email, IsActive: true, StartDate: EPOCH_2020, EndDate: null, Created: EPOCH_2020,
		}, { silent: true });
	}
}

/** Seeds the demo division in full and the second division with a small subset. Returns the demo company used. */
export function seedStore(store: ExactStore, options: SeedOptions = {}): DemoCompany {
	const company = buildDemoCompany({ relationCount: options.relationCount, itemCount: options.itemCount });
	seedDivisions(store, company);
	const small = buildDemoCompany({ relationCount: 25, itemCount: 30 });
	for (const [division, data] of [[DEMO_DIVISION, company], [SECOND_DIVISION, small], [UNGRANTED_DIVISION, small]] as Array<[number, DemoCompany]>) {
		const glByCode = seedReferenceData(store, division, data);
		seedRelations(store, division, data);
		seedItems(store, division, data, glByCode);
		seedEmployees(store, division, data);
	}
	return company;
}
