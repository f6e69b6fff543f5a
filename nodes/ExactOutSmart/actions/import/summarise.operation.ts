import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { onceForAll } from '../../../shared/router';
import { summariseImport } from '../../logic/importSummary';

const show = { resource: ['import'], operation: ['summarise'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'string',
		default: '',
		placeholder: 'Relations',
		description: 'What was imported, as the summary names it',
		displayOptions: { show },
	},
	{
		displayName: 'Exact Records',
		name: 'exactRecords',
		type: 'number',
		default: 0,
		description: "How many records Exact delivered, e.g. {{ $('Get Exact Accounts').all().length }}",
		displayOptions: { show },
	},
	{
		displayName: 'Mapped Records',
		name: 'mapped',
		type: 'json',
		default: '[]',
		description: 'The output of the Map node (records and failed items), or [] when it did not run',
		displayOptions: { show },
	},
	{
		displayName: 'Write Results',
		name: 'writes',
		type: 'json',
		default: '[]',
		description: 'The output of the Upsert node, or [] when it did not run',
		displayOptions: { show },
	},
	{
		displayName: 'OutSmart Records Before the Run',
		name: 'existing',
		type: 'json',
		default: '[]',
		description: 'The OutSmart records read before writing: a written record whose key is not among them counts as created',
		displayOptions: { show },
	},
	{
		displayName: 'Key Field',
		name: 'keyField',
		type: 'string',
		default: 'code',
		placeholder: 'debtor_number',
		description: 'The OutSmart field that identifies a record',
		displayOptions: { show },
	},
];

/** An array parameter: expressions give the array itself, a typed value arrives as JSON text. */
function records(context: IExecuteFunctions, name: string): IDataObject[] {
	const value = context.getNodeParameter(name, 0, []) as unknown;
	const parsed = typeof value === 'string' ? (JSON.parse(value || '[]') as unknown) : value;
	if (!Array.isArray(parsed)) {
		throw new NodeOperationError(context.getNode(), `"${name}" must be a list of records`, {
			description: "Give the node's output as a list, e.g. {{ $('Upsert Relations').all().map(item => item.json) }}",
		});
	}
	return parsed as IDataObject[];
}

/** Runs once for the whole run and gives one summary item, whatever the number of input items. */
export const executeBatch = onceForAll(async function () {
	const summary = summariseImport({
		entity: this.getNodeParameter('entity', 0, '') as string,
		exactRecords: this.getNodeParameter('exactRecords', 0, 0) as number,
		mapped: records(this, 'mapped'),
		writes: records(this, 'writes'),
		existing: records(this, 'existing'),
		keyField: (this.getNodeParameter('keyField', 0, 'code') as string).trim(),
	});
	return { ...summary };
});
