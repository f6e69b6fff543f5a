import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { exactCreate, getDivision } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { fieldsCollection, toExactBody } from '../common/fieldMap';
import { ACCOUNT_FIELDS, ACCOUNT_PATH } from './fields';

export const description: INodeProperties[] = forOperations('account', ['create'], [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Name of the relation' },
	fieldsCollection('Additional Fields', 'additionalFields', ACCOUNT_FIELDS),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const body: IDataObject = {
		...toExactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, ACCOUNT_FIELDS),
		Name: this.getNodeParameter('name', itemIndex) as string,
	};
	if (typeof body.Code === 'string') body.Code = body.Code.trim();
	return await exactCreate.call(this, division, ACCOUNT_PATH, body, itemIndex);
}
