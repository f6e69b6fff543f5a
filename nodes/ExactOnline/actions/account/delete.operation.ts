import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { entityPath, exactDelete, getDivision } from '../../transport';
import { guidParameter, idField } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { ACCOUNT_PATH } from './fields';

export const description: INodeProperties[] = forOperations('account', ['delete'], [
	idField('Account ID', 'The ID of the account to delete'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const id = guidParameter.call(this, 'id', itemIndex, 'Account ID');
	await exactDelete.call(this, division, entityPath(ACCOUNT_PATH, id), itemIndex);
	return { ID: id, deleted: true };
}
