import type { INodeProperties } from 'n8n-workflow';
import { CATEGORY_CHANGE_FIELDS, itemGroupToCategory } from '../../logic/itemGroupToCategory';
import { changeFieldsProperty, mapEach } from '../shared/mapRecords';

export const description: INodeProperties[] = [changeFieldsProperty({ operation: ['mapItemGroups'] }, CATEGORY_CHANGE_FIELDS)];

export const execute = mapEach(function (record) {
	return itemGroupToCategory(record);
});
