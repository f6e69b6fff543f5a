import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';
import * as validate from './validate.operation';

export const operations: OperationMap = { validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['exportConfiguration'] } },
		options: [
			{
				name: 'Validate',
				value: 'validate',
				description: 'Check the export triggers, tags and settings for conflicts and mistakes',
				action: 'Validate the export configuration',
			},
		],
		default: 'validate',
	},
	...validate.description,
];
