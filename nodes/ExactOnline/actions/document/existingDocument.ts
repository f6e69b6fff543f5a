import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { and, entityPath, eq, exactGetAll, exactRequest, odataGuid, odataString } from '../../transport';

export const DOCUMENT_PATH = 'documents/Documents';
const DOCUMENT_FIELDS = ['ID', 'Subject', 'Type', 'Account', 'AccountName', 'DocumentDate', 'Created', 'Modified'];

/**
 * The document a previous run already made: one with the same subject on the same account, or the one
 * the sales invoice already links to. Undefined when there is none.
 */
export async function existingDocument(
	this: IExecuteFunctions,
	division: number,
	documentBody: IDataObject,
	salesInvoice: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const [sameSubject] = await exactGetAll.call(this, {
		division,
		resource: DOCUMENT_PATH,
		select: DOCUMENT_FIELDS,
		filter: and(eq('Account', odataGuid(String(documentBody.Account))), eq('Subject', odataString(String(documentBody.Subject)))),
		limit: 1,
		itemIndex,
	});
	if (sameSubject) return sameSubject;
	if (!salesInvoice) return undefined;
	const invoice = (await exactRequest.call(this, {
		method: 'GET',
		division,
		resource: entityPath('salesinvoice/SalesInvoices', salesInvoice),
		qs: { $select: 'InvoiceID,Document' },
		itemIndex,
	})) as IDataObject | undefined;
	const linked = typeof invoice?.Document === 'string' ? invoice.Document : '';
	if (!linked) return undefined;
	const document = await exactRequest.call(this, {
		method: 'GET',
		division,
		resource: entityPath(DOCUMENT_PATH, linked),
		qs: { $select: DOCUMENT_FIELDS.join(',') },
		itemIndex,
	});
	return Array.isArray(document) ? document[0] : document;
}
