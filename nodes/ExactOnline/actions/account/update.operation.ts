import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactUpdate, getDivision } from '../../transport';
import { guidParameter, idField } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { fieldProperties, toExactBody } from '../common/fieldMap';
import { ACCOUNT_FIELDS, ACCOUNT_PATH } from './fields';

const UPDATE_FIELDS = [
	...ACCOUNT_FIELDS,
	{ name: 'name', exact: 'Name', property: { displayName: 'Name', type: 'string' as const } },
];

export const description: INodeProperties[] = forOperations('account', ['update'], [
	idField('Account ID', 'The ID of the account to update'),
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
	const id = guidParameter.call(this, 'id', itemIndex, 'Account ID');
	const body = toExactBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, UPDATE_FIELDS);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field', { itemIndex });
	}
	await exactUpdate.call(this, division, entityPath(ACCOUNT_PATH, id), body, itemIndex);
	return { ID: id, updated: true, ...body };
}
