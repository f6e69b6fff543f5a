import { eq, odataBoolean } from '../../transport';
import { allOf, since, whenSet } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';
import { referenceList } from '../salesInvoice/findByYourRef';

const RECEIVABLES_PATH = 'cashflow/Receivables';
const DEFAULT_FIELDS = ['ID', 'Account', 'AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'YourRef', 'Description', 'AmountDC', 'TransactionAmountDC', 'DueDate', 'IsFullyPaid', 'LastPaymentDate', 'Status', 'TransactionEntryID'];

const receivableFilter = allOf(
	whenSet('isFullyPaid', 'paid', eq('IsFullyPaid', odataBoolean(true))),
	whenSet('isFullyPaid', 'open', eq('IsFullyPaid', odataBoolean(false))),
	since('paidSince', 'LastPaymentDate'),
);

/** Receivables (cashflow/Receivables), e.g. to see which invoices were paid; YourRefs go VALUES_PER_FILTER to a call. */
export const { description, execute } = makeGetAllOperation(
	{ resource: 'receivable', path: RECEIVABLES_PATH, keyType: 'guid', label: 'Receivable', fields: DEFAULT_FIELDS },
	{
		filterOf: receivableFilter,
		manyValues: { field: 'YourRef', valuesOf: (filters) => referenceList(filters.yourRefs).map((reference) => reference.trim()).filter(Boolean) },
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
);
