import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { getWorkorder, replaceWorkorderMaterials, toOutSmartMaterials } from '../../transport';
import { readJsonParameter, readWorkorderReference, workorderReferenceProperties } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	...workorderReferenceProperties,
	{
		displayName: 'Materials',
		name: 'materials',
		type: 'json',
		required: true,
		default: '[]',
		description: 'Array of material lines: MaterialCode, MaterialNr (quantity), MaterialPrice, MaterialName, MaterialUnit, …',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Keep Existing Materials',
				name: 'keepExisting',
				type: 'boolean',
				default: false,
				description: 'Whether to add the lines to the existing ones instead of replacing them',
			},
			{
				displayName: 'Process Materials',
				name: 'processMaterials',
				type: 'boolean',
				default: false,
				description: 'Whether OutSmart should process the materials (ProcessMaterials=true), e.g. for stock',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['replaceMaterials'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const reference = readWorkorderReference(this, itemIndex);
	const materials = readJsonParameter(this, 'materials', itemIndex);
	if (!Array.isArray(materials) || materials.some((line) => typeof line !== 'object' || line === null)) {
		throw new NodeOperationError(this.getNode(), 'Materials must be a JSON array of material lines', { itemIndex });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as { keepExisting?: boolean; processMaterials?: boolean };
	// The materials call identifies the order by row ID only.
	const rowId = reference.rowId ?? String((await getWorkorder.call(this, reference, itemIndex)).id ?? '');
	if (rowId === '') throw new NodeOperationError(this.getNode(), 'The work order has no row ID', { itemIndex });
	await replaceWorkorderMaterials.call(
		this,
		rowId,
		toOutSmartMaterials(materials as IDataObject[]),
		{ clear: options.keepExisting !== true, process: options.processMaterials === true },
		itemIndex,
	);
	return { rowId, workorderNo: reference.workorderNo, materials: materials.length, replaced: options.keepExisting !== true };
}
