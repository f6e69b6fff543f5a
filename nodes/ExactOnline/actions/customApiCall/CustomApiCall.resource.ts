import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as call from './call.operation';

export const operations: OperationMap = { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [{ name: 'Call', value: 'call', description: 'Call any Exact Online endpoint', action: 'Make a custom API call' }],
		default: 'call',
	},
	...call.description,
];
