import type { IDataObject } from 'n8n-workflow';
import { lt, odataDayAfter } from '../../transport';
import { allOf, sameId, since } from '../common/listFilters';
import { makeGetAllOperation } from '../common/readOperations';

/** The $filter of Time Transaction Get Many for its Filters collection (dates in Exact's Amsterdam time). */
export const timeTransactionFilter: (filters: IDataObject) => string | undefined = allOf(
	sameId('project', 'Project'),
	sameId('employee', 'Employee'),
	since('from', 'Date'),
	// Inclusive: everything before the next day starts (Amsterdam), so a To Date keeps its own day's hours.
	(filters) => (typeof filters.to === 'string' && filters.to ? lt('Date', odataDayAfter(filters.to)) : undefined),
);

export const { description, execute } = makeGetAllOperation(
	{
		resource: 'timeTransaction',
		path: 'project/TimeTransactions',
		keyType: 'guid',
		label: 'Time Transaction',
		fields: ['ID', 'Date', 'Employee', 'Item', 'ItemDescription', 'Quantity', 'Project', 'ProjectCode', 'Account', 'AccountName', 'HourStatus', 'Notes', 'Modified'],
	},
	{
		filterOf: timeTransactionFilter,
		options: [
			{ displayName: 'Employee ID', name: 'employee', type: 'string', default: '' },
			{ displayName: 'From Date', name: 'from', type: 'dateTime', default: '' },
			{ displayName: 'Project ID', name: 'project', type: 'string', default: '' },
			{ displayName: 'To Date', name: 'to', type: 'dateTime', default: '' },
		],
	},
);
