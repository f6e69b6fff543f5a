import type { WritableField } from '../common/fieldMap';
import type { WriteSpec } from '../common/writeOperations';

export const ACCOUNT_PATH = 'crm/Accounts';

export const ACCOUNT_DEFAULT_FIELDS = [
	'ID', 'Code', 'Name', 'Status', 'IsSupplier', 'IsSales', 'Blocked', 'Email', 'Phone', 'Website', 'AddressLine1', 'Postcode', 'City',
	'Country', 'VATNumber', 'ChamberOfCommerce', 'PaymentConditionSales', 'SalesVATCode', 'MainContact', 'Modified',
];

/** Account.Status: what the relation is to the company. */
export const ACCOUNT_STATUS_OPTIONS = [
	{ name: 'Customer', value: 'C' },
	{ name: 'None', value: 'A' },
	{ name: 'Prospect', value: 'P' },
	{ name: 'Suspect', value: 'S' },
];

const text = (displayName: string, description?: string) => ({ displayName, type: 'string' as const, description });

export const ACCOUNT_FIELDS: WritableField[] = [
	{ name: 'addressLine1', exact: 'AddressLine1', property: text('Address Line 1', 'Street and house number') },
	{ name: 'addressLine2', exact: 'AddressLine2', property: text('Address Line 2') },
	{ name: 'blocked', exact: 'Blocked', property: { displayName: 'Blocked', type: 'boolean', description: 'Whether the account is blocked' } },
	{ name: 'chamberOfCommerce', exact: 'ChamberOfCommerce', property: text('Chamber of Commerce', 'KvK number') },
	{ name: 'city', exact: 'City', property: text('City') },
	{ name: 'code', exact: 'Code', property: text('Code', 'Account code (up to 18 characters); Exact numbers new accounts when empty') },
	{ name: 'country', exact: 'Country', property: text('Country', 'ISO country code, e.g. NL') },
	{ name: 'email', exact: 'Email', property: { displayName: 'Email', type: 'string', placeholder: 'name@email.com' } },
	{ name: 'isSupplier', exact: 'IsSupplier', property: { displayName: 'Is Supplier', type: 'boolean', description: 'Whether the account is a supplier' } },
	{
		name: 'paymentConditionSales',
		exact: 'PaymentConditionSales',
		property: {
			displayName: 'Payment Condition Name or ID',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPaymentConditions', loadOptionsDependsOn: ['division.value'] },
			description: 'Sales payment condition. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	},
	{ name: 'phone', exact: 'Phone', property: text('Phone') },
	{ name: 'postcode', exact: 'Postcode', property: text('Postcode') },
	{
		name: 'salesVatCode',
		exact: 'SalesVATCode',
		property: {
			displayName: 'Sales VAT Code Name or ID',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getVatCodes', loadOptionsDependsOn: ['division.value'] },
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	},
	{ name: 'searchCode', exact: 'SearchCode', property: text('Search Code') },
	{
		name: 'status',
		exact: 'Status',
		property: {
			displayName: 'Status',
			type: 'options',
			options: ACCOUNT_STATUS_OPTIONS,
			default: 'C',
			description: 'Relationship status; Customer marks the account as a customer',
		},
	},
	{ name: 'vatNumber', exact: 'VATNumber', property: text('VAT Number') },
	{ name: 'website', exact: 'Website', property: text('Website') },
];

/** Accounts as Update and Create or Update write them; an account is named by its Name. */
export const ACCOUNT_WRITE = {
	resource: 'account',
	path: ACCOUNT_PATH,
	label: 'Account',
	fields: ACCOUNT_FIELDS,
	nameField: { name: 'name', exact: 'Name', property: { displayName: 'Name', type: 'string' } },
} satisfies WriteSpec;
