import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as findByYourRef from './findByYourRef.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as processOperation from './process.operation';

export const operations: OperationMap = { create, delete: del, findByYourRef, get, getAll, process: processOperation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesInvoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a sales invoice with lines', action: 'Create a sales invoice' },
			{ name: 'Delete', value: 'delete', description: 'Delete a draft sales invoice', action: 'Delete a sales invoice' },
			{ name: 'Find by Your Reference', value: 'findByYourRef', description: 'Find invoices for many YourRef values in one call', action: 'Find sales invoices by your reference' },
			{ name: 'Get', value: 'get', description: 'Get a sales invoice', action: 'Get a sales invoice' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales invoices', action: 'Get many sales invoices' },
			{
				name: 'Process',
				value: 'process',
				description: 'Book a draft invoice: it gets its number and receivable, and is optionally e-mailed to the customer',
				action: 'Process a sales invoice',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...findByYourRef.description,
	...del.description,
	...processOperation.description,
];
