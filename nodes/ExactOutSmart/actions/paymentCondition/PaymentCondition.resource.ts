import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';
import * as compare from './compare.operation';

export const operations: OperationMap = { compare };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentCondition'] } },
		options: [
			{
				name: 'Compare',
				value: 'compare',
				description: 'Compare Exact\'s payment conditions with OutSmart\'s payment methods and relation terms',
				action: 'Compare payment conditions',
			},
		],
		default: 'compare',
	},
	...compare.description,
];
