import type { IDataObject } from 'n8n-workflow';
import { and, contains, eq, ge, odataBoolean, odataDateTime, odataGuid, odataNumber, odataString } from '../../transport';
import { makeGetAllOperation } from '../common/readOperations';
import { ITEM_DEFAULT_FIELDS, ITEM_PATH } from './fields';

function itemFilter(filters: IDataObject): string | undefined {
	const parts: string[] = [];
	if (typeof filters.code === 'string' && filters.code.trim()) parts.push(eq('Code', odataString(filters.code.trim())));
	if (typeof filters.description === 'string' && filters.description.trim()) parts.push(contains('Description', filters.description.trim()));
	if (typeof filters.itemGroup === 'string' && filters.itemGroup.trim()) parts.push(eq('ItemGroup', odataGuid(filters.itemGroup)));
	if (filters.salesItemsOnly === true) parts.push(eq('IsSalesItem', odataBoolean(true)));
	if (filters.labourOnly === true) parts.push(eq('IsTime', odataNumber(1)));
	if (typeof filters.modifiedSince === 'string' && filters.modifiedSince) parts.push(ge('Modified', odataDateTime(filters.modifiedSince)));
	return and(...parts) || undefined;
}

export const { description, execute } = makeGetAllOperation(
	{ resource: 'item', path: ITEM_PATH, keyType: 'guid', label: 'Item', fields: ITEM_DEFAULT_FIELDS, syncPath: 'sync/Logistics/Items' },
	{
		filterOf: itemFilter,
		options: [
			{ displayName: 'Code', name: 'code', type: 'string', default: '' },
			{ displayName: 'Description Contains', name: 'description', type: 'string', default: '' },
			{ displayName: 'Item Group ID', name: 'itemGroup', type: 'string', default: '', description: 'Only items of this item group (GUID)' },
			{ displayName: 'Labour Items Only', name: 'labourOnly', type: 'boolean', default: true, description: 'Whether to return only time/labour items (hour types)' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
			{ displayName: 'Sales Items Only', name: 'salesItemsOnly', type: 'boolean', default: true, description: 'Whether to return only sales items' },
		],
	},
);
