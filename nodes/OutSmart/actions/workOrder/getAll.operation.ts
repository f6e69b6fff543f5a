import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { getWorkorders, normaliseOutSmartRecord, type WorkorderMainStatus } from '../../transport';
import { applyLimit, filtersProperty, readFilters } from '../common.descriptions';
import { returnAllAndLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { mainStatusOptions, normaliseProperty } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: mainStatusOptions,
		default: 'Compleet',
		description: 'The main status of the work orders. Reading never changes it (update_status=false).',
	},
	{
		displayName: 'Work Status Name or ID',
		name: 'workstatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
		default: '',
		description:
			'Only work orders in this internal work status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllAndLimit,
	filtersProperty,
	normaliseProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const workorders = await getWorkorders.call(this, {
		status: this.getNodeParameter('status', itemIndex) as WorkorderMainStatus,
		workstatus: String(this.getNodeParameter('workstatus', itemIndex, '') ?? ''),
		filters: readFilters(this, itemIndex),
		itemIndex,
	});
	const limited = applyLimit(this, itemIndex, workorders);
	return this.getNodeParameter('normalise', itemIndex, false) ? limited.map(normaliseOutSmartRecord) : limited;
}
