import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { labourItemToHourType } from '../../logic/labourItemToHourType';
import { codeList, mapRecords } from '../shared/mapRecords';

export const description: INodeProperties[] = [
	{
		displayName: 'Labour Item Groups',
		name: 'labourItemGroups',
		type: 'string',
		default: '',
		placeholder: 'e.g. ARBEID',
		description: 'Comma-separated Exact item group codes that hold labour items; empty uses the items marked as time in Exact',
		displayOptions: { show: { resource: ['import'], operation: ['mapLabourItems'] } },
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await mapRecords(this, (record, itemIndex) =>
		labourItemToHourType(record, { labourItemGroups: codeList(this.getNodeParameter('labourItemGroups', itemIndex, '')) }),
	);
}
