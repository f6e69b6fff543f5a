import { makeGetOperation } from '../common/readOperations';
import { SALES_INVOICE_DEFAULT_FIELDS, SALES_INVOICE_PATH } from './fields';

export const { description, execute } = makeGetOperation({
	resource: 'salesInvoice',
	path: SALES_INVOICE_PATH,
	keyType: 'guid',
	label: 'Sales Invoice',
	fields: SALES_INVOICE_DEFAULT_FIELDS,
});
