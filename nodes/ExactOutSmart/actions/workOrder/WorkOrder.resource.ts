import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';
import * as buildSalesInvoice from './buildSalesInvoice.operation';
import * as dryRun from './dryRun.operation';

export const operations: OperationMap = { buildSalesInvoice, dryRun };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workOrder'] } },
		options: [
			{
				name: 'Build Sales Invoice',
				value: 'buildSalesInvoice',
				description: 'Turn finished OutSmart work orders into Exact sales invoices, documents or time transactions',
				action: 'Build a sales invoice from a work order',
			},
			{
				name: 'Dry Run',
				value: 'dryRun',
				description: 'Report per work order whether it would be exported, skipped or fail, without writing anything',
				action: 'Dry run the export of work orders',
			},
		],
		default: 'buildSalesInvoice',
	},
	...buildSalesInvoice.description,
	...dryRun.description,
];
