import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { entityPath, eq, exactCreate, exactGetAll, exactUpdate, getDivision, odataString, withExactLane } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { fieldProperties, toExactBody } from '../common/fieldMap';
import { ITEM_FIELDS, ITEM_PATH, itemBody, writeItemPrice } from './fields';

export const description: INodeProperties[] = forOperations('item', ['upsert'], [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: 'Item code to match on; created with this code when no item has it' },
	{ displayName: 'Description', name: 'description', type: 'string', required: true, default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fieldProperties(ITEM_FIELDS),
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const code = String(this.getNodeParameter('code', itemIndex)).trim();
	const { body, price } = itemBody.call(
		this,
		{
			...toExactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ITEM_FIELDS),
			Description: this.getNodeParameter('description', itemIndex) as string,
		},
		itemIndex,
	);
	const priced = price === undefined ? {} : { StandardSalesPrice: price };
	return await withExactLane(this, division, async () => {
		const [existing] = await exactGetAll.call(this, {
			division,
			resource: ITEM_PATH,
			select: ['ID', 'Code'],
			filter: eq('Code', odataString(code)),
			limit: 1,
			qs: { $top: 1 },
			itemIndex,
		});
		if (existing?.ID) {
			await exactUpdate.call(this, division, entityPath(ITEM_PATH, String(existing.ID)), body, itemIndex);
			if (price !== undefined) await writeItemPrice.call(this, division, String(existing.ID), price, itemIndex);
			return { ID: existing.ID, Code: code, ...body, ...priced, action: 'updated' };
		}
		const created = await exactCreate.call(this, division, ITEM_PATH, { ...body, Code: code }, itemIndex);
		if (price !== undefined && typeof created.ID === 'string') await writeItemPrice.call(this, division, created.ID, price, itemIndex);
		return { ...created, ...priced, action: 'created' };
	});
}
