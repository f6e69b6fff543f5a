import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { formatWorkorderDate, formatWorkorderTime, updateWorkorder, type WorkorderUpdate } from '../../transport';
import { readWorkorderReference, workorderReferenceProperties } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	...workorderReferenceProperties,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Employee Number',
				name: 'employeeNr',
				type: 'string',
				default: '',
				description: 'The employee the work order is assigned to (must exist in OutSmart)',
			},
			{
				displayName: 'Work Date',
				name: 'workdate',
				type: 'string',
				default: '',
				description: 'ISO date (2026-03-05) or d-m-Y (05-03-2026)',
			},
			{
				displayName: 'Work Status Name or ID',
				name: 'workstatus',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
				default: '',
				description:
					'The internal work status to set (e.g. the export-success status). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Work Time',
				name: 'worktime',
				type: 'string',
				default: '',
				description: 'H:i (07:30) or an ISO timestamp',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['workOrder'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const reference = readWorkorderReference(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as Record<string, string>;
	const update: WorkorderUpdate = {};
	try {
		if (fields.workdate) update.workdate = formatWorkorderDate(String(fields.workdate));
		if (fields.worktime) update.worktime = formatWorkorderTime(String(fields.worktime));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}
	if (fields.employeeNr) update.employeeNr = String(fields.employeeNr);
	if (fields.workstatus) update.workstatus = String(fields.workstatus);
	const { changed } = await updateWorkorder.call(this, reference, update, itemIndex);
	return { ...reference, ...update, changed };
}
