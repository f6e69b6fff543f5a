import type { IDataObject } from 'n8n-workflow';
import { and, contains, eq, ge, odataBoolean, odataDateTime, odataString, padAccountCode } from '../../transport';
import { makeGetAllOperation } from '../common/readOperations';
import { ACCOUNT_DEFAULT_FIELDS, ACCOUNT_PATH } from './fields';

function accountFilter(filters: IDataObject): string | undefined {
	const parts: string[] = [];
	if (typeof filters.code === 'string' && filters.code.trim()) parts.push(eq('Code', odataString(padAccountCode(filters.code))));
	if (typeof filters.name === 'string' && filters.name.trim()) parts.push(contains('Name', filters.name.trim()));
	if (typeof filters.status === 'string' && filters.status) parts.push(eq('Status', odataString(filters.status)));
	if (filters.role === 'customer') parts.push(eq('Status', odataString('C')));
	if (filters.role === 'supplier') parts.push(eq('IsSupplier', odataBoolean(true)));
	if (typeof filters.modifiedSince === 'string' && filters.modifiedSince) parts.push(ge('Modified', odataDateTime(filters.modifiedSince)));
	return and(...parts) || undefined;
}

export const { description, execute } = makeGetAllOperation(
	{ resource: 'account', path: ACCOUNT_PATH, keyType: 'guid', label: 'Account', fields: ACCOUNT_DEFAULT_FIELDS, syncPath: 'sync/CRM/Accounts' },
	{
		filterOf: accountFilter,
		options: [
			{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Exact account code (matched on the padded code Exact stores)' },
			{
				displayName: 'Customer or Supplier',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Customers', value: 'customer' },
					{ name: 'Suppliers', value: 'supplier' },
				],
				default: 'customer',
			},
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only accounts changed at or after this time' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Customer', value: 'C' },
					{ name: 'None', value: 'A' },
					{ name: 'Prospect', value: 'P' },
					{ name: 'Suspect', value: 'S' },
				],
				default: 'C',
			},
		],
	},
);
