import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const operations: OperationMap = { create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['timeTransaction'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Book project hours', action: 'Create a time transaction' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many time transactions', action: 'Get many time transactions' },
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
