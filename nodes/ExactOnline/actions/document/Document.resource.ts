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
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Upload a PDF as a document, optionally linked to a sales invoice', action: 'Create a document' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many documents', action: 'Get many documents' },
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
