import { allOf, containing, equalTo, sameId, since } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';
import { CONTACT_DEFAULT_FIELDS, CONTACT_PATH } from './fields';

const contactFilter = allOf(sameId('account', 'Account'), equalTo('email', 'Email'), containing('name', 'FullName'), since('modifiedSince', 'Modified'));

export const { description, execute } = makeGetAllOperation(
	{ resource: 'contact', path: CONTACT_PATH, keyType: 'guid', label: 'Contact', fields: CONTACT_DEFAULT_FIELDS, syncPath: 'sync/CRM/Contacts' },
	{
		filterOf: contactFilter,
		options: [
			{ displayName: 'Account ID', name: 'account', type: 'string', default: '', description: 'Only contacts of this account (GUID)' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
		],
	},
);
