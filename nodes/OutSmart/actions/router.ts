import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route, type ResourceMap } from '../../shared/router';
import * as document from './document/Document.resource';
import * as masterData from './masterData/MasterData.resource';
import { ALL_MASTER } from './masterData/resources';
import * as workOrder from './workOrder/WorkOrder.resource';

/** Every resource's operations; the master-data lists (materials, relations, ...) share one set. */
export const resources: ResourceMap = {
	workOrder,
	document,
	...Object.fromEntries(ALL_MASTER.map((resource) => [resource, masterData])),
};

/** Dispatches the input to its resource's operation (nodes/shared/router.ts). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
