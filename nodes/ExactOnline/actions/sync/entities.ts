import type { INodeProperties } from 'n8n-workflow';

export const entityProperty: INodeProperties = {
	displayName: 'Entity',
	name: 'entity',
	type: 'options',
	options: [
		{ name: 'Accounts', value: 'Accounts' },
		{ name: 'GL Accounts', value: 'GLAccounts' },
		{ name: 'Items', value: 'Items' },
		{ name: 'Payment Conditions', value: 'PaymentConditions', description: 'No sync feed in Exact: read by modification date, no deletions' },
	],
	default: 'Accounts',
};
