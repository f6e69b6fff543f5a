import { makeGetOperation } from '../common/readOperations';
import { ACCOUNT_DEFAULT_FIELDS, ACCOUNT_PATH } from './fields';

export const { description, execute } = makeGetOperation({
	resource: 'account',
	path: ACCOUNT_PATH,
	keyType: 'guid',
	label: 'Account',
	fields: ACCOUNT_DEFAULT_FIELDS,
});
