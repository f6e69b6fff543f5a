import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactUpdate, getDivision } from '../../transport';
import { guidParameter, idField } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { fieldProperties, toExactBody } from '../common/fieldMap';
import { ITEM_FIELDS, ITEM_PATH, itemBody, writeItemPrice } from './fields';

const UPDATE_FIELDS = [...ITEM_FIELDS, { name: 'description', exact: 'Description', property: { displayName: 'Description', type: 'string' as const } }];

export const description: INodeProperties[] = forOperations('item', ['update'], [
	idField('Item ID', 'The ID of the item to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fieldProperties(UPDATE_FIELDS),
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const id = guidParameter.call(this, 'id', itemIndex, 'Item ID');
	const { body, price } = itemBody.call(this, toExactBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, UPDATE_FIELDS), itemIndex);
	if (Object.keys(body).length === 0 && price === undefined) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field', { itemIndex });
	}
	if (Object.keys(body).length > 0) await exactUpdate.call(this, division, entityPath(ITEM_PATH, id), body, itemIndex);
	if (price !== undefined) await writeItemPrice.call(this, division, id, price, itemIndex);
	return { ID: id, updated: true, ...body, ...(price !== undefined ? { StandardSalesPrice: price } : {}) };
}
