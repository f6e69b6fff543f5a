import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getDivision } from '../../transport';
import { listOptions, selectedFields } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { SALES_INVOICE_DEFAULT_FIELDS } from './fields';
import { invoicesByYourRef, referenceList } from './findByYourRef';

export const description: INodeProperties[] = forOperations('salesInvoice', ['findByYourRef'], [
	{
		displayName: 'References',
		name: 'yourRefs',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. WB-1001, WB-1002',
		description: 'YourRef values to look up, separated by commas or new lines (or a list from an expression)',
	},
	listOptions(SALES_INVOICE_DEFAULT_FIELDS),
]);

/** One output item per reference: whether an invoice exists for it, and which. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const division = await getDivision.call(this, itemIndex);
	const references = referenceList(this.getNodeParameter('yourRefs', itemIndex));
	if (references.length === 0) throw new NodeOperationError(this.getNode(), 'Give at least one reference to look up', { itemIndex });
	const found = await invoicesByYourRef.call(this, division, references, selectedFields.call(this, itemIndex, SALES_INVOICE_DEFAULT_FIELDS), itemIndex);
	return [...found.entries()].map(([yourRef, invoices]) => ({
		yourRef,
		found: invoices.length > 0,
		matches: invoices.length,
		invoice: invoices[0] ?? null,
		invoices,
	}));
}
