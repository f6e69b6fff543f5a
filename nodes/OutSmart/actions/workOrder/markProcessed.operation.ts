import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { markWorkorderProcessed } from '../../transport';
import { readWorkorderReference, workorderReferenceProperties } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'This moves the work order to Afgehandeld (processed) in OutSmart. Use it only after the receiving system confirmed the export.',
		name: 'markProcessedNotice',
		type: 'notice',
		default: '',
	},
	...workorderReferenceProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['markProcessed'] } }, properties);

/** OutSmart's documented acknowledgement: GetWorkorder with update_status=true on this one order. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const reference = readWorkorderReference(this, itemIndex);
	const workorder = await markWorkorderProcessed.call(this, reference, itemIndex);
	return {
		...reference,
		rowId: workorder.id !== undefined ? String(workorder.id) : reference.rowId,
		workorderNo: (workorder.WorkorderNo as string | undefined) ?? reference.workorderNo,
		processed: true,
	};
}
