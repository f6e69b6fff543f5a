import type { INodeProperties } from 'n8n-workflow';
import { employeeToOutSmart } from '../../logic/employeeToOutSmart';
import { mapEach } from '../shared/mapRecords';

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

export const execute = mapEach(function (record, itemIndex) {
	return employeeToOutSmart(record, this.getNodeParameter('includeInactive', itemIndex, false) as boolean);
});
