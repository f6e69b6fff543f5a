import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactCreate, exactUpdate, getDivision, isGuid, withExactLane } from '../../transport';
import { guidParameter } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { accountLocator } from '../common/locators';
import { existingDocument } from './existingDocument';

export const description: INodeProperties[] = forOperations('document', ['create'], [
	{ displayName: 'Subject', name: 'subject', type: 'string', required: true, default: '', description: 'Title of the document in Exact' },
	accountLocator('account', 'Account', 'The account the document belongs to'),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'The name of the input binary field holding the PDF to attach',
	},
	{
		displayName: 'Options',
		name: 'documentOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Body', name: 'body', type: 'string', default: '', description: 'Text shown with the document' },
			{ displayName: 'Document Type', name: 'type', type: 'number', default: 10, description: 'Exact document type ID (10 is a sales invoice document in a standard administration)' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'File name in Exact; defaults to the binary file name' },
			{ displayName: 'Sales Invoice ID', name: 'salesInvoice', type: 'string', default: '', description: 'Link the document to this sales invoice (InvoiceID)' },
			{
				displayName: 'Skip If a Document Exists',
				name: 'skipIfExists',
				type: 'boolean',
				default: false,
				description:
					'Whether to return the existing document instead of creating a second one when the account already has a document with this subject, or the sales invoice already has a document, so running an export again cannot duplicate it. Costs one or two look-up calls.',
			},
		],
	},
]);

/** Exact takes a PDF as a Document plus a DocumentAttachment with the bytes in base64. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const options = this.getNodeParameter('documentOptions', itemIndex, {}) as IDataObject;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const salesInvoice = String(options.salesInvoice ?? '').trim();
	const fileName = (options.fileName as string) || binary.fileName || 'document.pdf';
	if (salesInvoice && !isGuid(salesInvoice)) {
		throw new NodeOperationError(this.getNode(), `Sales Invoice ID "${salesInvoice}" is not a valid Exact Online ID (a GUID)`, { itemIndex });
	}
	const documentBody: IDataObject = {
		Subject: this.getNodeParameter('subject', itemIndex) as string,
		Type: typeof options.type === 'number' ? options.type : 10,
		Account: guidParameter.call(this, 'account', itemIndex, 'Account'),
	};
	if (options.body) documentBody.Body = options.body;
	if (options.skipIfExists === true) {
		// Look-up and create as one section: no second item or execution can create the same document in between.
		return await withExactLane(this, division, async () => {
			const existing = await existingDocument.call(this, division, documentBody, salesInvoice, itemIndex);
			if (existing) return { ...existing, skipped: true, reason: 'A document with this subject already exists for the account or the sales invoice' };
			return { ...(await createDocument.call(this, division, documentBody, salesInvoice, bytes, fileName, itemIndex)), skipped: false };
		});
	}
	return await createDocument.call(this, division, documentBody, salesInvoice, bytes, fileName, itemIndex);
}

async function createDocument(
	this: IExecuteFunctions,
	division: number,
	documentBody: IDataObject,
	salesInvoice: string,
	bytes: Buffer,
	fileName: string,
	itemIndex: number,
): Promise<IDataObject> {
	const document = await exactCreate.call(this, division, 'documents/Documents', documentBody, itemIndex);
	const documentId = String(document.ID ?? '');
	const attachment = await exactCreate.call(
		this,
		division,
		'documents/DocumentAttachments',
		{ Document: documentId, FileName: fileName, Attachment: bytes.toString('base64') },
		itemIndex,
	);
	if (salesInvoice) {
		await exactUpdate.call(this, division, entityPath('salesinvoice/SalesInvoices', salesInvoice), { Document: documentId }, itemIndex);
	}
	return {
		...document,
		attachment: { ID: attachment.ID, FileName: attachment.FileName ?? fileName, FileSize: attachment.FileSize, Url: attachment.Url },
		...(salesInvoice ? { linkedSalesInvoice: salesInvoice } : {}),
	};
}
