import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { employeeToOutSmart } from '../../logic/employeeToOutSmart';
import { mapRecords } from '../shared/mapRecords';

export const description: INodeProperties[] = [
	{
		displayName: 'Include Inactive Employees',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description: 'Whether employees that are not active in Exact come along as inactive OutSmart employees',
		displayOptions: { show: { resource: ['import'], operation: ['mapEmployees'] } },
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await mapRecords(this, (record, itemIndex) =>
		employeeToOutSmart(record, this.getNodeParameter('includeInactive', itemIndex, false) as boolean),
	);
}
