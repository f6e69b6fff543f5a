import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getDivision } from '../../transport';
import { guidParameter, idField } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { processSalesInvoice } from './processInvoice';

export const description: INodeProperties[] = forOperations('salesInvoice', ['process'], [
	idField('Sales Invoice ID', 'The InvoiceID of the draft invoice to process (book); it gets its invoice number and receivable'),
	{
		displayName: 'Send to Customer',
		name: 'sendEmail',
		type: 'boolean',
		default: false,
		description: 'Whether Exact Online also e-mails the invoice to the customer',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const id = guidParameter.call(this, 'id', itemIndex, 'Sales Invoice ID');
	return await processSalesInvoice(this, division, id.toLowerCase(), this.getNodeParameter('sendEmail', itemIndex, false) === true, itemIndex);
}
