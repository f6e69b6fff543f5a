import type { INodeProperties } from 'n8n-workflow';
import { divisionLocator } from './common/locators';
import { resources } from './router';

const resourceOption: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access', value: 'access', description: 'Check which endpoints and modules the connection may use' },
		{ name: 'Account', value: 'account', description: 'Relations: customers and suppliers' },
		{ name: 'Contact', value: 'contact' },
		{ name: 'Custom API Call', value: 'customApiCall' },
		{ name: 'Division', value: 'division', description: 'Administrations' },
		{ name: 'Document', value: 'document' },
		{ name: 'Employee', value: 'employee', description: 'Payroll employees' },
		{ name: 'GL Account', value: 'glAccount' },
		{ name: 'Item', value: 'item', description: 'Articles, materials and labour items' },
		{ name: 'Item Group', value: 'itemGroup' },
		{ name: 'Journal', value: 'journal' },
		{ name: 'Payment Condition', value: 'paymentCondition' },
		{ name: 'Receivable', value: 'receivable', description: 'Open and paid amounts of sales invoices' },
		{ name: 'Sales Invoice', value: 'salesInvoice' },
		{ name: 'Sync', value: 'sync', description: 'Incremental changes since a Timestamp cursor' },
		{ name: 'Time Transaction', value: 'timeTransaction', description: 'Project hours' },
		{ name: 'VAT Code', value: 'vatCode' },
	],
	default: 'account',
};

export const nodeProperties: INodeProperties[] = [
	resourceOption,
	{ ...divisionLocator, displayOptions: { hide: { withoutDivision: [true] } } },
	...Object.values(resources).flatMap((resource) => resource.description),
];
