import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OutSmartFilter, OutSmartFilterOperator, WorkorderReference } from '../transport';

export const workorderReferenceProperties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Row ID', value: 'rowId', description: 'The internal ID of the work order in OutSmart' },
			{ name: 'Work Order Number', value: 'workorderNo', description: 'The number the work order was created with' },
		],
		default: 'workorderNo',
	},
	{
		displayName: 'Row ID',
		name: 'rowId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { findBy: ['rowId'] } },
	},
	{
		displayName: 'Work Order Number',
		name: 'workorderNo',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { findBy: ['workorderNo'] } },
	},
];

export function readWorkorderReference(context: IExecuteFunctions, itemIndex: number): WorkorderReference {
	const findBy = context.getNodeParameter('findBy', itemIndex) as string;
	const value = String(context.getNodeParameter(findBy === 'rowId' ? 'rowId' : 'workorderNo', itemIndex, '')).trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `Give the ${findBy === 'rowId' ? 'row ID' : 'work order number'}`, { itemIndex });
	}
	return findBy === 'rowId' ? { rowId: value } : { workorderNo: value };
}

export const filtersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Filter',
	default: {},
	description: 'OutSmart advanced filters; all must match',
	options: [
		{
			displayName: 'Condition',
			name: 'conditions',
			values: [
				{ displayName: 'Field', name: 'key', type: 'string', default: '', description: 'Column name, e.g. debtor_number or zip' },
				{
					displayName: 'Operator',
					name: 'operator',
					type: 'options',
					options: [
						{ name: 'Contains', value: 'li' },
						{ name: 'Equals', value: 'eq' },
						{ name: 'Greater or Equal', value: 'ge' },
						{ name: 'Greater Than', value: 'gt' },
						{ name: 'Less or Equal', value: 'le' },
						{ name: 'Less Than', value: 'lt' },
						{ name: 'Not Equals', value: 'ne' },
					],
					default: 'eq',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export function readFilters(context: IExecuteFunctions, itemIndex: number): OutSmartFilter[] {
	const raw = context.getNodeParameter('filters', itemIndex, {}) as { conditions?: Array<{ key?: string; operator?: string; value?: string }> };
	return (raw.conditions ?? [])
		.filter((condition) => String(condition.key ?? '').trim() !== '')
		.map((condition) => ({
			key: String(condition.key).trim(),
			operator: (condition.operator ?? 'eq') as OutSmartFilterOperator,
			value: String(condition.value ?? ''),
		}));
}

export function applyLimit(context: IExecuteFunctions, itemIndex: number, records: IDataObject[]): IDataObject[] {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return records;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return records.slice(0, Math.max(1, limit));
}

/** Reads a JSON parameter that may arrive as an object (from an expression) or as text. */
export function readJsonParameter(context: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const value = context.getNodeParameter(name, itemIndex);
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		throw new NodeOperationError(context.getNode(), `The "${name}" parameter is not valid JSON`, { itemIndex });
	}
}
