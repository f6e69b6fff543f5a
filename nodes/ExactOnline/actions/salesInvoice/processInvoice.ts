import type { IDataObject } from 'n8n-workflow';
import { entityPath, exactCreate, exactRequest } from '../../transport';
import type { ExactContext } from '../../transport';
import { SALES_INVOICE_PATH } from './fields';

/** What happens to a created sales invoice: left as a draft, processed (booked), or processed and e-mailed. */
export type InvoiceProcessing = 'draft' | 'process' | 'processAndSend';

export const PRINTED_SALES_INVOICES_PATH = 'salesinvoice/PrintedSalesInvoices';

/**
 * Processes a sales invoice: a created invoice is a draft ("te verwerken") without number or receivable until a POST
 * to salesinvoice/PrintedSalesInvoices books it (Pi-Systems/exact-online src/Entity/SalesInvoice/PrintedSalesInvoices.php,
 * picqer/exact-php-client #176). With `sendEmail` Exact also e-mails it to the customer (SendEmailToCustomer).
 * Returns the invoice's number and status after processing (one more call).
 */
export async function processSalesInvoice(
	context: ExactContext,
	division: number,
	invoiceId: string,
	sendEmail: boolean,
	itemIndex?: number,
): Promise<IDataObject> {
	const printed = await exactCreate.call(context, division, PRINTED_SALES_INVOICES_PATH, { InvoiceID: invoiceId, SendEmailToCustomer: sendEmail }, itemIndex);
	const invoice = (await exactRequest.call(context, {
		method: 'GET',
		division,
		resource: entityPath(SALES_INVOICE_PATH, invoiceId),
		qs: { $select: 'InvoiceID,InvoiceNumber,Status,StatusDescription' },
		itemIndex,
	})) as IDataObject | undefined;
	return {
		InvoiceID: invoiceId,
		InvoiceNumber: invoice?.InvoiceNumber ?? null,
		Status: invoice?.Status ?? null,
		StatusDescription: invoice?.StatusDescription ?? null,
		emailed: sendEmail,
		...(typeof printed.EmailCreationError === 'string' && printed.EmailCreationError ? { emailError: printed.EmailCreationError } : {}),
		...(typeof printed.DocumentCreationError === 'string' && printed.DocumentCreationError ? { documentError: printed.DocumentCreationError } : {}),
	};
}
