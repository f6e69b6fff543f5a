import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { uploadDocument } from '../../transport';
import { updateDisplayOptions } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'Link To',
		name: 'linkType',
		type: 'options',
		options: [
			{ name: 'Address', value: 'ADDRESS' },
			{ name: 'Customer', value: 'CUSTOMER' },
			{ name: 'Invoice', value: 'INVOICE' },
			{ name: 'Object', value: 'OBJECT' },
			{ name: 'Project', value: 'PROJECT' },
			{ name: 'Quotation', value: 'QUOTATION' },
		],
		default: 'CUSTOMER',
		description: 'The kind of record the document belongs to',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		description: 'The debtor number, project code, object code … of that record',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Document Name', name: 'name', type: 'string', default: '', description: 'Defaults to the file name' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Defaults to the binary file name' },
			{
				displayName: 'Visible in App',
				name: 'visibleInApp',
				type: 'boolean',
				default: true,
				description: 'Whether technicians see the document in the app',
			},
			{
				displayName: 'Work Order Number',
				name: 'workorderNo',
				type: 'string',
				default: '',
				description: 'Also attach the document to this work order',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['upload'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const metadata = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const options = this.getNodeParameter('options', itemIndex, {}) as { name?: string; fileName?: string; visibleInApp?: boolean; workorderNo?: string };
	const fileName = options.fileName || metadata.fileName || '';
	if (!/\.[A-Za-z0-9]+$/.test(fileName)) {
		throw new NodeOperationError(this.getNode(), 'The file needs a name with an extension (set "File Name")', { itemIndex });
	}
	const linkType = this.getNodeParameter('linkType', itemIndex) as string;
	const reference = String(this.getNodeParameter('reference', itemIndex, '')).trim();
	if (reference === '') throw new NodeOperationError(this.getNode(), 'Give the reference of the record to link the document to', { itemIndex });
	await uploadDocument.call(
		this,
		{ name: options.name || fileName, fileName, data, linkType, reference, workorderNo: options.workorderNo || undefined, visibleInApp: options.visibleInApp },
		itemIndex,
	);
	return { uploaded: true, fileName, linkType, reference, size: data.length };
}
