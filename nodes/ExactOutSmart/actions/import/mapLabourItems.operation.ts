import type { INodeProperties } from 'n8n-workflow';
import { HOUR_TYPE_CHANGE_FIELDS, labourItemToHourType } from '../../logic/labourItemToHourType';
import { changeFieldsProperty, codeList, mapEach } from '../shared/mapRecords';

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
	changeFieldsProperty({ operation: ['mapLabourItems'] }, HOUR_TYPE_CHANGE_FIELDS),
];

export const execute = mapEach(function (record, itemIndex) {
	return labourItemToHourType(record, { labourItemGroups: codeList(this.getNodeParameter('labourItemGroups', itemIndex, '')) });
});
