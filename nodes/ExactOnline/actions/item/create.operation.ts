import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { exactCreate, getDivision } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { fieldsCollection, toExactBody } from '../common/fieldMap';
import { ITEM_FIELDS, ITEM_PATH, itemBody, writeItemPrice } from './fields';

export const description: INodeProperties[] = forOperations('item', ['create'], [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: 'Item (article) code' },
	{ displayName: 'Description', name: 'description', type: 'string', required: true, default: '' },
	fieldsCollection('Additional Fields', 'additionalFields', ITEM_FIELDS),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const { body, price } = itemBody.call(
		this,
		{
			...toExactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ITEM_FIELDS),
			Code: String(this.getNodeParameter('code', itemIndex)).trim(),
			Description: this.getNodeParameter('description', itemIndex) as string,
		},
		itemIndex,
	);
	const created = await exactCreate.call(this, division, ITEM_PATH, body, itemIndex);
	if (price === undefined || typeof created.ID !== 'string') return created;
	await writeItemPrice.call(this, division, created.ID, price, itemIndex);
	return { ...created, StandardSalesPrice: price };
}
