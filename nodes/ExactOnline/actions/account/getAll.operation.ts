import { eq, odataBoolean, odataString, padAccountCode } from '../../transport';
import { allOf, containing, equalTo, since, whenSet } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';
import { ACCOUNT_DEFAULT_FIELDS, ACCOUNT_PATH, ACCOUNT_STATUS_OPTIONS } from './fields';

const accountFilter = allOf(
	equalTo('code', 'Code', (code) => odataString(padAccountCode(code))),
	containing('name', 'Name'),
	equalTo('status', 'Status'),
	whenSet('role', 'customer', eq('Status', odataString('C'))),
	whenSet('role', 'supplier', eq('IsSupplier', odataBoolean(true))),
	since('modifiedSince', 'Modified'),
);

export const { description, execute } = makeGetAllOperation(
	{ resource: 'account', path: ACCOUNT_PATH, keyType: 'guid', label: 'Account', fields: ACCOUNT_DEFAULT_FIELDS, syncPath: 'sync/CRM/Accounts' },
	{
		filterOf: accountFilter,
		options: [
			{ displayName: 'Code', name: 'code', type: 'string', default: '', description: 'Exact account code (matched on the padded code Exact stores)' },
			{
				displayName: 'Customer or Supplier',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Customers', value: 'customer' },
					{ name: 'Suppliers', value: 'supplier' },
				],
				default: 'customer',
			},
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only accounts changed at or after this time' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ACCOUNT_STATUS_OPTIONS,
				default: 'C',
			},
		],
	},
);
