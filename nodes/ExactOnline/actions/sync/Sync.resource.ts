import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../common/types';
import * as confirmCursor from './confirmCursor.operation';
import * as getChanges from './getChanges.operation';

export const operations: OperationMap = { confirmCursor, getChanges };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sync'] } },
		options: [
			{
				name: 'Confirm Cursor',
				value: 'confirmCursor',
				description: 'Let the next Get Changes with "Remember Cursor" start where this execution\'s Get Changes ended',
				action: 'Confirm a sync cursor',
			},
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
	...confirmCursor.description,
];
