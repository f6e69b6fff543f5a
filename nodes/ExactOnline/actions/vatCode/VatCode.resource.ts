import { makeReadOnlyResource } from '../common/readOnlyResource';

export const { operations, description } = makeReadOnlyResource({
	resource: 'vatCode',
	path: 'vat/VATCodes',
	keyType: 'guid',
	label: 'VAT Code',
	plural: 'VAT codes',
	fields: ['ID', 'Code', 'Description', 'Percentage', 'Type', 'VATTransactionType', 'IsBlocked', 'Modified'],
	orderBy: 'Code',
});
