import type { INodeProperties } from 'n8n-workflow';
import { EMPLOYEE_CHANGE_FIELDS, employeeToOutSmart } from '../../logic/employeeToOutSmart';
import { changeFieldsProperty, mapEach } from '../shared/mapRecords';

export const description: INodeProperties[] = [
	{
		displayName: 'Include Inactive Employees',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description: 'Whether employees that are not active in Exact come along as inactive OutSmart employees',
		displayOptions: { show: { resource: ['import'], operation: ['mapEmployees'] } },
	},
	changeFieldsProperty({ operation: ['mapEmployees'] }, EMPLOYEE_CHANGE_FIELDS),
];

export const execute = mapEach(function (record, itemIndex) {
	return employeeToOutSmart(record, this.getNodeParameter('includeInactive', itemIndex, false) as boolean);
});
