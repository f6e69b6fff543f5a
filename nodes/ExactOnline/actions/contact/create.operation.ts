import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { exactCreate, getDivision } from '../../transport';
import { guidParameter } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { fieldsCollection, toExactBody } from '../common/fieldMap';
import { accountLocator } from '../common/locators';
import { CONTACT_FIELDS, CONTACT_PATH } from './fields';

export const description: INodeProperties[] = forOperations('contact', ['create'], [
	accountLocator('account', 'Account', 'The account the contact person belongs to'),
	fieldsCollection('Contact Fields', 'contactFields', CONTACT_FIELDS, 'Exact needs at least a first or a last name'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const body = toExactBody(this.getNodeParameter('contactFields', itemIndex, {}) as IDataObject, CONTACT_FIELDS);
	if (!body.FirstName && !body.LastName) {
		throw new NodeOperationError(this.getNode(), 'A contact needs a First Name or a Last Name', { itemIndex });
	}
	body.Account = guidParameter.call(this, 'account', itemIndex, 'Account');
	return await exactCreate.call(this, division, CONTACT_PATH, body, itemIndex);
}
