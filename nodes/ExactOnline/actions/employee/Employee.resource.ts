import { eq, odataBoolean } from '../../transport';
import { allOf, whenSet } from '../common/listFilters';
import { makeGetAllOperation, makeGetOperation, type ReadSpec } from '../common/readOperations';
import type { OperationMap } from '../common/types';

const spec: ReadSpec = {
	resource: 'employee',
	path: 'payroll/Employees',
	keyType: 'guid',
	label: 'Employee',
	fields: ['ID', 'Code', 'HID', 'FullName', 'FirstName', 'LastName', 'Initials', 'Email', 'BusinessEmail', 'BusinessPhone', 'BusinessMobile', 'StartDate', 'EndDate', 'IsActive', 'User', 'Manager', 'Modified'],
	// The sync feed reads 1000 employees a call where payroll/Employees reads 60.
	syncPath: 'sync/Payroll/Employees',
};

const employeeFilter = allOf(whenSet('activeOnly', true, eq('IsActive', odataBoolean(true))));

const get = makeGetOperation(spec);
const getAll = makeGetAllOperation(spec, {
	filterOf: employeeFilter,
	options: [{ displayName: 'Active Only', name: 'activeOnly', type: 'boolean', default: true, description: 'Whether to return only employees marked active (IsActive)' }],
});

export const operations: OperationMap = { get, getAll };

export const description = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options' as const,
		noDataExpression: true,
		displayOptions: { show: { resource: ['employee'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an employee', action: 'Get an employee' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many employees (payroll)', action: 'Get many employees' },
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
