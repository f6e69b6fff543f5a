import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: OperationMap = { create, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a contact person', action: 'Create a contact' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many contact persons', action: 'Get many contacts' },
			{ name: 'Update', value: 'update', description: 'Update a contact person', action: 'Update a contact' },
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...update.description,
];
