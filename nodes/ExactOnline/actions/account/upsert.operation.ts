import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { entityPath, eq, exactCreate, exactGetAll, exactUpdate, getDivision, odataString, padAccountCode, withExactLane } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { fieldProperties, toExactBody } from '../common/fieldMap';
import { ACCOUNT_FIELDS, ACCOUNT_PATH } from './fields';

const FIELDS = ACCOUNT_FIELDS.filter((field) => field.name !== 'code');

export const description: INodeProperties[] = forOperations('account', ['upsert'], [
	{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: 'Account code to match on; created with this code when no account has it' },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fieldProperties(FIELDS),
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const code = String(this.getNodeParameter('code', itemIndex)).trim();
	const body = {
		...toExactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, FIELDS),
		Name: this.getNodeParameter('name', itemIndex) as string,
	};
	// Look-up and write as one section, so two items with the same code cannot both create.
	return await withExactLane(this, division, async () => {
		const [existing] = await exactGetAll.call(this, {
			division,
			resource: ACCOUNT_PATH,
			select: ['ID', 'Code'],
			filter: eq('Code', odataString(padAccountCode(code))),
			limit: 1,
			itemIndex,
		});
		if (existing?.ID) {
			await exactUpdate.call(this, division, entityPath(ACCOUNT_PATH, String(existing.ID)), body, itemIndex);
			return { ID: existing.ID, Code: existing.Code, CodeTrimmed: code, ...body, action: 'updated' };
		}
		const created = await exactCreate.call(this, division, ACCOUNT_PATH, { ...body, Code: code }, itemIndex);
		return { ...created, action: 'created' };
	});
}
