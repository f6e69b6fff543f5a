import type { IDataObject } from 'n8n-workflow';
import { and, eq, ge, lt, odataDateTime, odataDayAfter, odataGuid } from '../../transport';
import { makeGetAllOperation } from '../common/readOperations';

/** The $filter of Time Transaction Get Many for its Filters collection (dates in Exact's Amsterdam time). */
export function timeTransactionFilter(filters: IDataObject): string | undefined {
	const parts: string[] = [];
	if (typeof filters.project === 'string' && filters.project.trim()) parts.push(eq('Project', odataGuid(filters.project)));
	if (typeof filters.employee === 'string' && filters.employee.trim()) parts.push(eq('Employee', odataGuid(filters.employee)));
	if (typeof filters.from === 'string' && filters.from) parts.push(ge('Date', odataDateTime(filters.from)));
	// Inclusive: everything before the next day starts (Amsterdam), so a To Date keeps its own day's hours.
	if (typeof filters.to === 'string' && filters.to) parts.push(lt('Date', odataDayAfter(filters.to)));
	return and(...parts) || undefined;
}

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
