import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as getChanges from './getChanges.operation';

export const operations: OperationMap = { getChanges };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sync'] } },
		options: [
			{
				name: 'Get Changes Since',
				value: 'getChanges',
				description: 'Records changed or deleted since a Timestamp cursor, and the next cursor',
				action: 'Get changes since a timestamp',
			},
		],
		default: 'getChanges',
	},
	...getChanges.description,
];
