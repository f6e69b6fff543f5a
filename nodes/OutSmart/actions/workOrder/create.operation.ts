import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { createWorkorders, toOutSmartWorkorder } from '../../transport';
import { readJsonParameter } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Work Order',
		name: 'workorder',
		type: 'json',
		required: true,
		default: '={{ $json }}',
		description:
			'The work order in PostWorkorders fields (WorkorderNo, CustomerName, TypeOfWork, PaymentMethod, Materials, …). ISO dates and numbers are converted to OutSmart\'s formats.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const record = readJsonParameter(this, 'workorder', itemIndex);
	if (typeof record !== 'object' || record === null || Array.isArray(record)) {
		throw new NodeOperationError(this.getNode(), 'The work order must be a JSON object', { itemIndex });
	}
	let converted: IDataObject;
	try {
		converted = toOutSmartWorkorder(record as IDataObject);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	const [created] = await createWorkorders.call(this, [converted], itemIndex);
	return { workorderNo: created?.workorder_no ?? converted.WorkorderNo, rowId: created?.row_id !== undefined ? String(created.row_id) : undefined };
}
