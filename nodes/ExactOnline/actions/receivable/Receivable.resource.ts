import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as getAll from './getAll.operation';

export const operations: OperationMap = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['receivable'] } },
		options: [{ name: 'Get Many', value: 'getAll', description: 'Get many open or paid receivables', action: 'Get many receivables' }],
		default: 'getAll',
	},
	...getAll.description,
];
