import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { getWorkorder, normaliseOutSmartRecord } from '../../transport';
import { readWorkorderReference, workorderReferenceProperties } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { normaliseProperty } from './common';

const properties: INodeProperties[] = [...workorderReferenceProperties, normaliseProperty];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['get'] } }, properties);

/** Reads one work order without changing its status (update_status=false). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const workorder = await getWorkorder.call(this, readWorkorderReference(this, itemIndex), itemIndex);
	return this.getNodeParameter('normalise', itemIndex, false) ? normaliseOutSmartRecord(workorder) : workorder;
}
