import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as check from './check.operation';

export const operations: OperationMap = { check };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['access'] } },
		options: [
			{
				name: 'Check Access',
				value: 'check',
				description: 'List which endpoints and modules the connected user may use in the division',
				action: 'Check access to the division',
			},
		],
		default: 'check',
	},
	...check.description,
];
