export const SALES_INVOICE_PATH = 'salesinvoice/SalesInvoices';

export const SALES_INVOICE_DEFAULT_FIELDS = [
	'InvoiceID', 'InvoiceNumber', 'YourRef', 'OrderedBy', 'OrderedByName', 'InvoiceTo', 'Journal', 'Description', 'Status', 'StatusDescription',
	'Type', 'InvoiceDate', 'OrderDate', 'DueDate', 'PaymentCondition', 'Currency', 'AmountFC', 'AmountFCExclVat', 'VATAmountFC', 'Document', 'Created',
	'Modified',
];

/** Up to this many references go into one OR filter (keeps URLs well below server limits). */
export const YOUR_REF_BATCH = 40;
