import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MASTER_DATA, MAX_BATCH_SIZE, toOutSmartRecord, upsertInBatches, type MasterDataResource } from '../../transport';
import { readJsonParameter } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { WRITABLE_MASTER } from './resources';

const properties: INodeProperties[] = [
	{
		displayName: 'Record',
		name: 'record',
		type: 'json',
		required: true,
		default: '={{ $json }}',
		description:
			'The record in OutSmart fields (e.g. relations: debtor_number, name, street, postal_code, city; materials: code, description, price, unit, freefield1…5). OutSmart matches it on its key and inserts or updates it.',
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: 100,
		description: 'How many records go in one request',
	},
];

export const description = updateDisplayOptions({ show: { resource: WRITABLE_MASTER, operation: ['upsert'] } }, properties);

/**
 * Create or update all input items in batches (one POST per batch) and report per item whether OutSmart
 * wrote it. Unlike the other operations this one works on all items at once, which is what batching needs.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as MasterDataResource;
	const endpoint = MASTER_DATA[resource].endpoint;
	const batchSize = this.getNodeParameter('batchSize', 0, 100) as number;

	const records: IDataObject[] = [];
	const itemOfRecord: number[] = [];
	const failures = new Map<number, string>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const record = readJsonParameter(this, 'record', itemIndex);
			if (typeof record !== 'object' || record === null || Array.isArray(record)) {
				throw new NodeOperationError(this.getNode(), 'The record must be a JSON object', { itemIndex });
			}
			records.push(toOutSmartRecord(endpoint, record as IDataObject));
			itemOfRecord.push(itemIndex);
		} catch (error) {
			failures.set(itemIndex, (error as Error).message);
		}
	}

	const results = await upsertInBatches.call(this, endpoint, records, batchSize);
	const written = new Map<number, IDataObject>();
	for (const result of results) {
		const itemIndex = itemOfRecord[result.index];
		if (result.ok) written.set(itemIndex, records[result.index]);
		else failures.set(itemIndex, result.error ?? 'OutSmart did not write the record');
	}

	if (failures.size > 0 && !this.continueOnFail()) {
		const [firstIndex, firstError] = [...failures.entries()].sort((a, b) => a[0] - b[0])[0];
		throw new NodeApiError(this.getNode(), { message: firstError }, {
			message: `${failures.size} of ${items.length} ${resource} record(s) were not written; the first (item ${firstIndex}): ${firstError}`,
			description: `${written.size} record(s) were written. Turn on "Continue On Fail" to get a result per item.`,
			itemIndex: firstIndex,
		});
	}

	return items.map((_, itemIndex) => {
		const error = failures.get(itemIndex);
		const json: IDataObject = error !== undefined ? { written: false, error } : { written: true, ...written.get(itemIndex) };
		return { json, pairedItem: { item: itemIndex } };
	});
}
