import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../shared/runPerItem';
import * as document from './document/Document.resource';
import * as masterData from './masterData/MasterData.resource';
import { isMasterResource } from './masterData/resources';
import * as workOrder from './workOrder/WorkOrder.resource';

type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

const workOrderOperations: Record<string, ItemOperation> = {
	create: workOrder.create.execute,
	downloadPdf: workOrder.downloadPdf.execute,
	get: workOrder.get.execute,
	getAll: workOrder.getAll.execute,
	markProcessed: workOrder.markProcessed.execute,
	replaceMaterials: workOrder.replaceMaterials.execute,
	update: workOrder.update.execute,
};

const masterOperations: Record<string, ItemOperation> = {
	delete: masterData.deleteRecord.execute,
	getAll: masterData.getAll.execute,
};

function itemOperation(resource: string, operation: string): ItemOperation | undefined {
	if (resource === 'workOrder') return workOrderOperations[operation];
	if (resource === 'document' && operation === 'upload') return document.upload.execute;
	if (isMasterResource(resource)) return masterOperations[operation];
	return undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Batch upserts need every item at once; everything else is a function of one item.
	if (isMasterResource(resource) && operation === 'upsert') return [await masterData.upsert.executeAll.call(this)];
	const execute = itemOperation(resource, operation);
	if (!execute) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	return [await runPerItem(this, async (itemIndex) => await execute.call(this, itemIndex))];
}
