import { makeReadOnlyResource } from '../common/readOnlyResource';

export const { operations, description } = makeReadOnlyResource({
	resource: 'journal',
	path: 'financial/Journals',
	keyType: 'guid',
	label: 'Journal',
	plural: 'journals',
	fields: ['ID', 'Code', 'Description', 'Type', 'GLAccount', 'GLAccountCode', 'Currency'],
	orderBy: 'Code',
});
