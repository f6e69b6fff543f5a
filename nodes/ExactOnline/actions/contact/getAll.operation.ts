import type { IDataObject } from 'n8n-workflow';
import { and, contains, eq, ge, odataDateTime, odataGuid, odataString } from '../../transport';
import { makeGetAllOperation } from '../common/readOperations';
import { CONTACT_DEFAULT_FIELDS, CONTACT_PATH } from './fields';

function contactFilter(filters: IDataObject): string | undefined {
	const parts: string[] = [];
	if (typeof filters.account === 'string' && filters.account.trim()) parts.push(eq('Account', odataGuid(filters.account)));
	if (typeof filters.email === 'string' && filters.email.trim()) parts.push(eq('Email', odataString(filters.email.trim())));
	if (typeof filters.name === 'string' && filters.name.trim()) parts.push(contains('FullName', filters.name.trim()));
	if (typeof filters.modifiedSince === 'string' && filters.modifiedSince) parts.push(ge('Modified', odataDateTime(filters.modifiedSince)));
	return and(...parts) || undefined;
}

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
