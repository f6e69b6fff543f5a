import { eq, odataBoolean, odataNumber } from '../../transport';
import { allOf, containing, equalTo, sameId, since, whenSet } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';
import { ITEM_DEFAULT_FIELDS, ITEM_PATH } from './fields';

const itemFilter = allOf(
	equalTo('code', 'Code'),
	containing('description', 'Description'),
	sameId('itemGroup', 'ItemGroup'),
	whenSet('salesItemsOnly', true, eq('IsSalesItem', odataBoolean(true))),
	whenSet('labourOnly', true, eq('IsTime', odataNumber(1))),
	since('modifiedSince', 'Modified'),
);

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
