import { makeReadOnlyResource } from '../common/readOnlyResource';

export const { operations, description } = makeReadOnlyResource({
	resource: 'itemGroup',
	path: 'logistics/ItemGroups',
	keyType: 'guid',
	label: 'Item Group',
	plural: 'item groups',
	fields: ['ID', 'Code', 'Description', 'GLRevenue', 'GLCosts', 'Modified'],
	orderBy: 'Code',
});
