import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { downloadPdf, getWorkorder } from '../../transport';
import { readWorkorderReference, workorderReferenceProperties } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	...workorderReferenceProperties,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the PDF in',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['downloadPdf'] } }, properties);

/** Reads the order (without changing its status) and downloads its PdfUrl as binary data. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const workorder = await getWorkorder.call(this, readWorkorderReference(this, itemIndex), itemIndex);
	const pdfUrl = typeof workorder.PdfUrl === 'string' ? workorder.PdfUrl : '';
	if (pdfUrl === '') throw new NodeOperationError(this.getNode(), 'This work order has no PDF (PdfUrl is empty)', { itemIndex });
	const pdf = await downloadPdf.call(this, pdfUrl, itemIndex);
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const number = String(workorder.WorkorderNo ?? workorder.id ?? 'werkbon').replace(/[^\w.-]+/g, '_');
	const binary = await this.helpers.prepareBinaryData(pdf, `werkbon-${number}.pdf`, 'application/pdf');
	return {
		json: { rowId: String(workorder.id ?? ''), workorderNo: workorder.WorkorderNo ?? '', fileName: binary.fileName, fileSize: pdf.length },
		binary: { [binaryPropertyName]: binary },
	};
}
