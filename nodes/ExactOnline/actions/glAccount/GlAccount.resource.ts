import { makeReadOnlyResource } from '../common/readOnlyResource';

export const { operations, description } = makeReadOnlyResource({
	resource: 'glAccount',
	path: 'financial/GLAccounts',
	keyType: 'guid',
	label: 'GL Account',
	plural: 'GL accounts',
	fields: ['ID', 'Code', 'Description', 'Type', 'TypeDescription', 'BalanceSide', 'BalanceType', 'VATCode', 'IsBlocked', 'Modified'],
	orderBy: 'Code',
	syncPath: 'sync/Financial/GLAccounts',
});
