import type { INodeProperties } from 'n8n-workflow';
import { itemToMaterial } from '../../logic/itemToMaterial';
import { mapEach } from '../shared/mapRecords';

export const description: INodeProperties[] = [
	{
		displayName: 'GLA Free Field',
		name: 'glaFreeField',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 1,
		description: 'Which material free field (1-5) receives the GL account code',
		displayOptions: { show: { resource: ['gla'], operation: ['mapItemGla'] } },
	},
];

/**
 * Exact items in, OutSmart material updates out that carry the item's revenue GL account in the chosen
 * free field. OutSmart's material upsert needs the whole record, so code, description, price and unit come
 * along. Items without a revenue account fail, with the fix.
 */
export const execute = mapEach(function (record, itemIndex) {
	return itemToMaterial(record, {
		glaFreeFieldNumber: Number(this.getNodeParameter('glaFreeField', itemIndex, 1)),
		itemGroups: [],
		skipLabourItems: true,
		requireGla: true,
	});
});
