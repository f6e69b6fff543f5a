import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { paymentConditionToOutSmart } from '../../logic/paymentConditionToOutSmart';
import { mapRecords } from '../shared/mapRecords';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await mapRecords(this, (record) => paymentConditionToOutSmart(record));
}
