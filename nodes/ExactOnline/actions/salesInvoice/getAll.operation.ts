import type { IDataObject } from 'n8n-workflow';
import { and, eq, ge, odataDateTime, odataGuid, odataNumber, odataString } from '../../transport';
import { makeGetAllOperation } from '../common/readOperations';
import { SALES_INVOICE_DEFAULT_FIELDS, SALES_INVOICE_PATH } from './fields';

function invoiceFilter(filters: IDataObject): string | undefined {
	const parts: string[] = [];
	if (typeof filters.orderedBy === 'string' && filters.orderedBy.trim()) parts.push(eq('OrderedBy', odataGuid(filters.orderedBy)));
	if (typeof filters.yourRef === 'string' && filters.yourRef.trim()) parts.push(eq('YourRef', odataString(filters.yourRef.trim())));
	if (typeof filters.status === 'number' && filters.status > 0) parts.push(eq('Status', odataNumber(filters.status)));
	if (typeof filters.modifiedSince === 'string' && filters.modifiedSince) parts.push(ge('Modified', odataDateTime(filters.modifiedSince)));
	// salesinvoice/SalesInvoices refuses a GET without a $filter on one of its mandatory-filter fields (Exact's 2021
	// policy; the list in bramkn/ExactOnline fieldConfigArray.json names Status). Without a filter of the user's,
	// every status is asked for. Ours: a filter that matches every invoice.
	return and(...parts) || ge('Status', odataNumber(0));
}

export const { description, execute } = makeGetAllOperation(
	{ resource: 'salesInvoice', path: SALES_INVOICE_PATH, keyType: 'guid', label: 'Sales Invoice', fields: SALES_INVOICE_DEFAULT_FIELDS },
	{
		filterOf: invoiceFilter,
		options: [
			{ displayName: 'Customer ID', name: 'orderedBy', type: 'string', default: '', description: 'Only invoices ordered by this account (GUID)' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Draft', value: 10 },
					{ name: 'Open', value: 20 },
					{ name: 'Processed', value: 50 },
				],
				default: 20,
			},
			{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '' },
		],
	},
);
