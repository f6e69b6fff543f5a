import { allOf, sameId, since } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';

const documentFilter = allOf(sameId('account', 'Account'), since('modifiedSince', 'Modified'));

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
