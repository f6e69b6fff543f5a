import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactDelete, exactRequest, getDivision } from '../../transport';
import { guidParameter, idField } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { SALES_INVOICE_PATH } from './fields';

export const description: INodeProperties[] = forOperations('salesInvoice', ['delete'], [
	idField('Sales Invoice ID', 'The InvoiceID of the draft or open invoice to delete; processed invoices cannot be deleted'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const id = guidParameter.call(this, 'id', itemIndex, 'Sales Invoice ID');
	const resource = entityPath(SALES_INVOICE_PATH, id);
	const invoice = (await exactRequest.call(this, { method: 'GET', division, resource, qs: { $select: 'InvoiceID,Status' }, itemIndex })) as IDataObject;
	if (Number(invoice?.Status) === 50) {
		throw new NodeOperationError(this.getNode(), `Sales invoice ${id} is processed and cannot be deleted; create a credit note instead`, { itemIndex });
	}
	await exactDelete.call(this, division, resource, itemIndex);
	return { InvoiceID: id, deleted: true };
}
