import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { and, anyOf, eq, exactGetAll, exactGetByValues, ge, getDivision, odataBoolean, odataDateTime, odataString } from '../../transport';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { keepMetadata, limitOf, listOptions, selectedFields } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { referenceList } from '../salesInvoice/findByYourRef';

const RECEIVABLES_PATH = 'cashflow/Receivables';
const DEFAULT_FIELDS = ['ID', 'Account', 'AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'YourRef', 'Description', 'AmountDC', 'TransactionAmountDC', 'DueDate', 'IsFullyPaid', 'LastPaymentDate', 'Status', 'TransactionEntryID'];

export const description: INodeProperties[] = forOperations('receivable', ['getAll'], [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Fully Paid',
				name: 'isFullyPaid',
				type: 'options',
				options: [
					{ name: 'Fully Paid Only', value: 'paid' },
					{ name: 'Open Only', value: 'open' },
				],
				default: 'paid',
			},
			{ displayName: 'Paid Since', name: 'paidSince', type: 'dateTime', default: '', description: 'Only receivables whose last payment is on or after this moment (LastPaymentDate)' },
			{
				displayName: 'Your References',
				name: 'yourRefs',
				type: 'string',
				default: '',
				placeholder: 'e.g. WB-1001, WB-1002',
				description: 'Only receivables of invoices with these YourRef values, separated by commas or new lines (or a list from an expression); 40 are asked per call',
			},
		],
	},
	listOptions(DEFAULT_FIELDS),
]);

function baseFilter(filters: IDataObject): string[] {
	const parts: string[] = [];
	if (filters.isFullyPaid === 'paid') parts.push(eq('IsFullyPaid', odataBoolean(true)));
	if (filters.isFullyPaid === 'open') parts.push(eq('IsFullyPaid', odataBoolean(false)));
	if (typeof filters.paidSince === 'string' && filters.paidSince) parts.push(ge('LastPaymentDate', odataDateTime(filters.paidSince)));
	return parts;
}

/** Receivables (cashflow/Receivables), e.g. to see which invoices were paid; YourRefs go VALUES_PER_FILTER to a call. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const division = await getDivision.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const references = referenceList(filters.yourRefs).map((reference) => reference.trim()).filter(Boolean);
	const request = {
		division,
		resource: RECEIVABLES_PATH,
		select: selectedFields.call(this, itemIndex, DEFAULT_FIELDS),
		limit: limitOf.call(this, itemIndex),
		itemIndex,
		keepMetadata: keepMetadata.call(this, itemIndex),
	};
	const base = baseFilter(filters);
	if (references.length === 0) return await exactGetAll.call(this, { ...request, filter: and(...base) || undefined });
	return await exactGetByValues.call(this, {
		...request,
		field: 'YourRef',
		values: references,
		filterOf: (chunk) => and(...base, anyOf('YourRef', chunk.map(odataString))),
	});
}
