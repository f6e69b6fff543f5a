import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route, showWhereNeeded, type ResourceMap } from '../../shared/router';
import * as exportConfiguration from './exportConfiguration/ExportConfiguration.resource';
import * as gla from './gla/Gla.resource';
import * as importResource from './import/Import.resource';
import * as paymentCondition from './paymentCondition/PaymentCondition.resource';
import * as workOrder from './workOrder/WorkOrder.resource';

/**
 * Every resource's operations. The export operations run as a batch: they fetch Exact's data for all
 * orders in a few calls before the per-item work starts.
 */
export const resources: ResourceMap = {
	workOrder,
	gla,
	paymentCondition,
	exportConfiguration,
	import: importResource,
};

/** The operations that read Exact (its credential and a division are asked for them). */
export const READS_EXACT = showWhereNeeded(resources, 'exact');

/** The operations that read OutSmart (its credential is offered for them). */
export const READS_OUTSMART = showWhereNeeded(resources, 'outSmart');

/** Dispatches the input to its resource's operation (nodes/shared/router.ts). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
