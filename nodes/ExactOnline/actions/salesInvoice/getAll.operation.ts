import type { IDataObject } from 'n8n-workflow';
import { eq, ge, odataNumber } from '../../transport';
import { allOf, equalTo, sameId, since } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';
import { SALES_INVOICE_DEFAULT_FIELDS, SALES_INVOICE_PATH } from './fields';

const chosen = allOf(
	sameId('orderedBy', 'OrderedBy'),
	equalTo('yourRef', 'YourRef'),
	(filters) => (typeof filters.status === 'number' && filters.status > 0 ? eq('Status', odataNumber(filters.status)) : undefined),
	since('modifiedSince', 'Modified'),
);

function invoiceFilter(filters: IDataObject): string | undefined {
	// salesinvoice/SalesInvoices refuses a GET without a $filter on one of its mandatory-filter fields (Exact's 2021
	// policy; the list in bramkn/ExactOnline fieldConfigArray.json names Status). Without a filter of the user's,
	// every status is asked for. Ours: a filter that matches every invoice.
	return chosen(filters) ?? ge('Status', odataNumber(0));
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
