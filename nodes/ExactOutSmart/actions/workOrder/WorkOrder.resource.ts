import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';
import * as buildSalesInvoice from './buildSalesInvoice.operation';
import * as dryRun from './dryRun.operation';
import * as invoiceReference from './invoiceReference.operation';

export const operations: OperationMap = { buildSalesInvoice, dryRun, invoiceReference };

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
			{
				name: 'Get Invoice Reference',
				value: 'invoiceReference',
				description: 'The YourRef the export gives the invoice of a work order, with the order\'s row ID and number',
				action: 'Get the invoice reference of a work order',
			},
		],
		default: 'buildSalesInvoice',
	},
	...buildSalesInvoice.description,
	...dryRun.description,
	...invoiceReference.description,
];
