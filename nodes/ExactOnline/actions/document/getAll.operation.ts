import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { and, eq, ge, odataDateTime, odataGuid } from '../../transport';
import { makeGetManyOperation } from '../common/readOperations';

function documentFilter(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const parts: string[] = [];
	if (typeof filters.account === 'string' && filters.account.trim()) parts.push(eq('Account', odataGuid(filters.account)));
	if (typeof filters.modifiedSince === 'string' && filters.modifiedSince) parts.push(ge('Modified', odataDateTime(filters.modifiedSince)));
	return and(...parts) || undefined;
}

export const { description, execute } = makeGetManyOperation(
	{
		resource: 'document',
		path: 'documents/Documents',
		keyType: 'guid',
		label: 'Document',
		fields: ['ID', 'Subject', 'Type', 'TypeDescription', 'Account', 'AccountName', 'DocumentDate', 'FinancialTransactionEntryID', 'Created', 'Modified'],
	},
	{
		buildFilter: documentFilter,
		properties: [
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Account ID', name: 'account', type: 'string', default: '', description: 'Only documents of this account (GUID)' },
					{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '' },
				],
			},
		],
	},
);
