import type { IDataObject } from 'n8n-workflow';
import { and, eq, ge, odataDateTime, odataGuid } from '../../transport';
import { makeGetAllOperation } from '../common/readOperations';

function documentFilter(filters: IDataObject): string | undefined {
	const parts: string[] = [];
	if (typeof filters.account === 'string' && filters.account.trim()) parts.push(eq('Account', odataGuid(filters.account)));
	if (typeof filters.modifiedSince === 'string' && filters.modifiedSince) parts.push(ge('Modified', odataDateTime(filters.modifiedSince)));
	return and(...parts) || undefined;
}

export const { description, execute } = makeGetAllOperation(
	{
		resource: 'document',
		path: 'documents/Documents',
		keyType: 'guid',
		label: 'Document',
		fields: ['ID', 'Subject', 'Type', 'TypeDescription', 'Account', 'AccountName', 'DocumentDate', 'FinancialTransactionEntryID', 'Created', 'Modified'],
	},
	{
		filterOf: documentFilter,
		options: [
			{ displayName: 'Account ID', name: 'account', type: 'string', default: '', description: 'Only documents of this account (GUID)' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
		],
	},
);
