import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: OperationMap = { create, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['item'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an item (article, material or labour)', action: 'Create an item' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update an item by code' },
			{ name: 'Get', value: 'get', description: 'Get an item', action: 'Get an item' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many items', action: 'Get many items' },
			{ name: 'Update', value: 'update', description: 'Update an item', action: 'Update an item' },
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
