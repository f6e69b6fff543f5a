import { makeReadOnlyResource } from '../common/readOnlyResource';

export const { operations, description } = makeReadOnlyResource({
	resource: 'division',
	path: 'system/Divisions',
	keyType: 'int',
	label: 'Division',
	plural: 'divisions',
	fields: ['Code', 'Description', 'CustomerName', 'CustomerCode', 'Country', 'Currency', 'Current', 'Status', 'IsMainDivision', 'VATNumber'],
	orderBy: 'Code',
});
