import { accountToRelation, splitStreet } from '../../../nodes/ExactOutSmart/logic/accountToRelation';
import { employeeToOutSmart } from '../../../nodes/ExactOutSmart/logic/employeeToOutSmart';
import { itemGroupToCategory } from '../../../nodes/ExactOutSmart/logic/itemGroupToCategory';
import { itemToMaterial, itemToMaterialCategory } from '../../../nodes/ExactOutSmart/logic/itemToMaterial';
import { labourItemToHourType } from '../../../nodes/ExactOutSmart/logic/labourItemToHourType';
import { checkMaterialGla } from '../../../nodes/ExactOutSmart/logic/materialGla';
import { paymentConditionToOutSmart } from '../../../nodes/ExactOutSmart/logic/paymentConditionToOutSmart';
import { catalog } from '../fixtures';

const account = {
	Code: '             10001',
	Name: 'Bakkerij Jansen',
	AddressLine1: 'Dorpsstraat 12a',
	Postcode: '3511 AB',
	City: 'Utrecht',
	Country: 'NL ',
	Email: 'info@jansen.example.nl',
	Phone: '030-1234567',
	VATNumber: 'NL123456789B01',
	PaymentConditionSales: '14',
	Status: 'C',
	Blocked: false,
};

describe('accounts to relations', () => {
	test.each([
		['Dorpsstraat 12a', 'Dorpsstraat', '12a'],
		['Nieuwe Gracht 7-2', 'Nieuwe Gracht', '7-2'],
		['Marktplein', 'Marktplein', ''],
		['Wilhelminapark 140 bis', 'Wilhelminapark', '140 bis'],
	])('splitStreet(%p)', (line, street, houseNumber) => {
		expect(splitStreet(line)).toEqual({ street, houseNumber });
	});

	test('maps a customer with trimmed codes and the main contact\'s name', () => {
		expect(accountToRelation({ ...account, MainContactFullName: 'Karin Jansen' }, { relationTypes: ['C'], includeBlocked: false })).toEqual({
			record: {
				debtor_number: '10001',
				name: 'Bakkerij Jansen',
				street: 'Dorpsstraat',
				house_number: '12a',
				postal_code: '3511 AB',
				city: 'Utrecht',
				country: 'NL',
				email: 'info@jansen.example.nl',
				phone_number: '030-1234567',
				contact: 'Karin Jansen',
				vat_number: 'NL123456789B01',
				payment_condition: '14',
				active: '1',
			},
		});
	});

	test.each([
		{ name: 'other relation type', input: { ...account, Status: 'P' }, options: { relationTypes: ['C'], includeBlocked: false }, expected: { skip: 'Account 10001 has relation type P, which is not imported' } },
		{ name: 'blocked left out', input: { ...account, Blocked: true }, options: { relationTypes: ['C'], includeBlocked: false }, expected: { skip: 'Account 10001 is blocked in Exact' } },
		{ name: 'missing address', input: { ...account, City: '' }, options: { relationTypes: ['C'], includeBlocked: false }, expected: { problem: 'Account 10001 Bakkerij Jansen lacks what OutSmart requires for a relation: city' } },
	])('$name', ({ input, options, expected }) => {
		expect(accountToRelation(input, options)).toEqual(expected);
	});

	test('leaves out what Exact did not send, so OutSmart keeps its own value (no empty contact)', () => {
		// Accounts have no contact-name field, only the MainContact ID (picqer Account.php, bramkn fieldConfigArray).
		const { Email, Phone, ...withoutContactDetails } = account;
		void Email;
		void Phone;
		const result = accountToRelation({ ...withoutContactDetails, MainContact: '3734121e-1544-4b77-9ae2-7203e9bd6046' }, { relationTypes: ['C'], includeBlocked: false });
		expect('record' in result && Object.keys(result.record)).toEqual(expect.not.arrayContaining(['contact', 'email', 'phone_number']));
		const noName = accountToRelation({ ...account, MainContactFullName: '  ' }, { relationTypes: ['C'], includeBlocked: false });
		expect('record' in noName && 'contact' in noName.record).toBe(false);
		const emptied = accountToRelation({ ...account, Email: '' }, { relationTypes: ['C'], includeBlocked: false });
		expect('record' in emptied && emptied.record.email).toBe('');
	});

	test('blocked accounts come along as inactive when asked', () => {
		const result = accountToRelation({ ...account, Blocked: true }, { relationTypes: ['C'], includeBlocked: true });
		expect('record' in result && result.record.active).toBe('0');
	});
});

describe('items to materials and hour types', () => {
	const item = { Code: 'RAD-01000', Description: 'Paneelradiator Radson T22', StandardSalesPrice: 299.5, Unit: 'stuk', ItemGroupCode: 'RAD', GLRevenueCode: '8000', SalesVatCode: '2  ', IsTime: 0 };
	const labour = { Code: 'UUR-MONTEUR', Description: 'Uurloon monteur', StandardSalesPrice: 62.5, CostPriceStandard: 38, Unit: 'uur', ItemGroupCode: 'ARBEID', IsTime: 1 };
	const options = { glaFreeFieldNumber: 2, itemGroups: [], skipLabourItems: true, requireGla: false };

	test('material with comma price and the GLA in the chosen free field', () => {
		expect(itemToMaterial(item, options)).toEqual({
			record: { code: 'RAD-01000', description: 'Paneelradiator Radson T22', price: '299,50', unit: 'stuk', vat_code: '2', freefield2: '8000' },
		});
	});

	test.each([
		{ name: 'item group filter', input: item, override: { itemGroups: ['CV'] }, expected: { skip: 'Item RAD-01000 is in item group RAD, which is not imported' } },
		{ name: 'labour items skipped', input: labour, override: {}, expected: { skip: 'Item UUR-MONTEUR is a labour item (imported as an hour type)' } },
		{ name: 'GLA required', input: { ...item, GLRevenueCode: '' }, override: { requireGla: true }, expected: { problem: 'Item RAD-01000 has no revenue GL account in Exact: set one on the item so the material gets its GLA' } },
	])('$name', ({ input, override, expected }) => {
		expect(itemToMaterial(input, { ...options, ...override })).toEqual(expected);
	});

	test('item group becomes a category link', () => {
		expect(itemToMaterialCategory(item)).toEqual({ record: { mct_mat_code: 'RAD-01000', mct_cat_code: 'RAD' } });
	});

	test('labour item to hour type with dot prices', () => {
		expect(labourItemToHourType(labour, { labourItemGroups: [] })).toEqual({
			record: { code: 'UUR-MONTEUR', name: 'Uurloon monteur', cost_booking: '0', sale_booking: '0', sale_price: '62.50', cost_price: '38.00', active: '1' },
		});
		expect(labourItemToHourType(item, { labourItemGroups: [] })).toEqual({ skip: 'Item RAD-01000 is not a labour item' });
		expect('record' in labourItemToHourType(item, { labourItemGroups: ['RAD'] })).toBe(true);
	});
});

describe('employees and payment conditions', () => {
	test.each([
		{ input: { Code: '2', FirstName: 'Mark', LastName: 'Hoekstra', Email: 'mark@example.nl', IsActive: true }, inactive: false, expected: { record: { number: '2', firstname: 'Mark', lastname: 'Hoekstra', email: 'mark@example.nl', active: '1' } } },
		{ input: { Code: '3', FirstName: 'Sven', LastName: 'Kuipers', IsActive: false }, inactive: false, expected: { skip: 'Employee 3 is not active in Exact' } },
		{ input: { Code: '3', FirstName: 'Sven', LastName: 'Kuipers', IsActive: false }, inactive: true, expected: { record: { number: '3', firstname: 'Sven', lastname: 'Kuipers', email: '', active: '0' } } },
		{ input: { Code: '4', FirstName: 'Ahmed', IsActive: true }, inactive: false, expected: { problem: 'Employee 4 lacks what OutSmart requires: lastname' } },
	])('employee $input.Code', ({ input, inactive, expected }) => {
		expect(employeeToOutSmart(input, inactive)).toEqual(expected);
	});

	test.each([
		[{ Code: '14', Description: '14 dagen' }, { record: { pmd_description: '14 - 14 dagen' } }],
		[{ Code: '08', Description: '' }, { record: { pmd_description: '08' } }],
		[{ Code: '', Description: 'x' }, { problem: 'An Exact payment condition has no code' }],
	])('payment condition %p', (input, expected) => {
		expect(paymentConditionToOutSmart(input)).toEqual(expected);
	});
});

describe('material GLA check', () => {
	const accounts = catalog().glAccountsByCode;
	test.each([
		[{ code: 'A', description: 'a', freefield1: '8000' }, 'ok'],
		[{ code: 'B', description: 'b', freefield1: '' }, 'missing'],
		[{ code: 'C', description: 'c', freefield1: '8999' }, 'unknown'],
		[{ code: 'D', description: 'd', freefield1: '1300' }, 'balanceSheet'],
	])('%p is %p', (material, status) => {
		expect(checkMaterialGla(material, 1, accounts).status).toBe(status);
	});
});

describe('item group → category (Import → Map Item Groups to Categories)', () => {
	it('takes the trimmed code and the description, shown in the app', () => {
		expect(itemGroupToCategory({ Code: '  CV ', Description: 'Centrale verwarming' })).toEqual({
			record: { cat_code: 'CV', cat_name: 'Centrale verwarming', cat_display: '1' },
		});
	});

	it('refuses a group without a code, naming it', () => {
		expect(itemGroupToCategory({ Code: ' ', Description: 'Los' })).toEqual({ problem: expect.stringMatching(/^Item group Los has no code/) });
	});
});
