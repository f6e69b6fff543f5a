import type { INodeProperties } from 'n8n-workflow';
import { itemToMaterial, itemToMaterialCategory, materialChangeFields } from '../../logic/itemToMaterial';
import { changeFieldsProperty, codeList, mapEach } from '../shared/mapRecords';

const show = { resource: ['import'], operation: ['mapItems'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'itemOutput',
		type: 'options',
		options: [
			{ name: 'Materials', value: 'materials', description: 'Records for OutSmart materials' },
			{ name: 'Material Category Links', value: 'materialCategories', description: 'Item group → category links (material_categories)' },
		],
		default: 'materials',
		displayOptions: { show },
	},
	{
		displayName: 'GLA Free Field',
		name: 'glaFreeField',
		type: 'options',
		options: [
			{ name: 'Do Not Write the GLA', value: 0 },
			{ name: 'Free Field 1', value: 1 },
			{ name: 'Free Field 2', value: 2 },
			{ name: 'Free Field 3', value: 3 },
			{ name: 'Free Field 4', value: 4 },
			{ name: 'Free Field 5', value: 5 },
		],
		default: 1,
		description: 'The material free field that receives the item\'s revenue GL account (the recommended way to give every material its GLA)',
		displayOptions: { show: { ...show, itemOutput: ['materials'] } },
	},
	{
		displayName: 'Item Groups',
		name: 'itemGroups',
		type: 'string',
		default: '',
		placeholder: 'e.g. CV, RAD',
		description: 'Comma-separated Exact item group codes to import; empty imports all',
		displayOptions: { show },
	},
	{
		displayName: 'Skip Labour Items',
		name: 'skipLabourItems',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out items marked as time in Exact (they become hour types)',
		displayOptions: { show },
	},
	// One per GLA free field: the free field that receives the GLA counts as a change too.
	...[0, 1, 2, 3, 4, 5].map((number) =>
		changeFieldsProperty({ operation: ['mapItems'], itemOutput: ['materials'], glaFreeField: [number] }, materialChangeFields(number)),
	),
];

export const execute = mapEach<object>(function (record, itemIndex) {
	// The output kind is one for the whole run (the first item's).
	const output = this.getNodeParameter('itemOutput', 0, 'materials') as string;
	const itemGroups = codeList(this.getNodeParameter('itemGroups', itemIndex, ''));
	const skipLabourItems = this.getNodeParameter('skipLabourItems', itemIndex, true) as boolean;
	const filtered = itemToMaterial(record, { glaFreeFieldNumber: 0, itemGroups, skipLabourItems, requireGla: false });
	if (output === 'materialCategories') return 'record' in filtered ? itemToMaterialCategory(record) : filtered;
	const glaFreeFieldNumber = Number(this.getNodeParameter('glaFreeField', itemIndex, 1));
	return itemToMaterial(record, { glaFreeFieldNumber, itemGroups, skipLabourItems, requireGla: false });
});
