import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: OperationMap = { create, delete: del, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an account (relation)', action: 'Create an account' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update an account by code' },
			{ name: 'Delete', value: 'delete', description: 'Delete an account', action: 'Delete an account' },
			{ name: 'Get', value: 'get', description: 'Get an account', action: 'Get an account' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many accounts', action: 'Get many accounts' },
			{ name: 'Update', value: 'update', description: 'Update an account', action: 'Update an account' },
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...del.description,
	...upsert.description,
];
