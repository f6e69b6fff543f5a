export const SALES_INVOICE_PATH = 'salesinvoice/SalesInvoices';

export const SALES_INVOICE_DEFAULT_FIELDS = [
	'InvoiceID', 'InvoiceNumber', 'YourRef', 'OrderedBy', 'OrderedByName', 'InvoiceTo', 'Journal', 'Description', 'Status', 'StatusDescription',
	'Type', 'InvoiceDate', 'OrderDate', 'DueDate', 'PaymentCondition', 'Currency', 'AmountFC', 'AmountFCExclVat', 'VATAmountFC', 'Document', 'Created',
	'Modified',
];
