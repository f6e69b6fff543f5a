import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MASTER_DATA, MAX_BATCH_SIZE, toOutSmartRecord, upsertInBatches, type MasterDataResource } from '../../transport';
import { readJsonParameter } from '../common.descriptions';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { OperationFailure, withFailureKind } from '../../../shared/failureDetails';
import { FailureKind, type FailureKindCode } from '../../../shared/failureKinds';
import type { ItemOutcome } from '../../../shared/router';
import { WRITABLE_MASTER } from './resources';

const properties: INodeProperties[] = [
	{
		displayName: 'Record',
		name: 'record',
		type: 'json',
		required: true,
		default: '={{ $json }}',
		description:
			'The record in OutSmart fields (e.g. relations: debtor_number, name, street, postal_code, city; materials: code, description, price, unit, freefield1…5; price agreements: material or hourtype, date_start, date_end, debtornr, price). OutSmart matches it on its key and inserts or updates it.',
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
 * wrote it. The batches need all items at once; the outcome per item then goes through the shared item
 * loop, so a record OutSmart did not write is an error item (`error`, `details.kind`) that reaches the
 * node's error output like any other failure.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
	const resource = this.getNodeParameter('resource', 0) as MasterDataResource;
	const endpoint = MASTER_DATA[resource].endpoint;
	const batchSize = this.getNodeParameter('batchSize', 0, 100) as number;

	const records: IDataObject[] = [];
	const itemOfRecord: number[] = [];
	const failures = new Map<number, { message: string; kind: FailureKindCode }>();
	for (const itemIndex of itemIndexes) {
		try {
			const record = readJsonParameter(this, 'record', itemIndex);
			if (typeof record !== 'object' || record === null || Array.isArray(record)) {
				throw new NodeOperationError(this.getNode(), 'The record must be a JSON object', { itemIndex });
			}
			records.push(toOutSmartRecord(endpoint, record as IDataObject));
			itemOfRecord.push(itemIndex);
		} catch (error) {
			failures.set(itemIndex, { message: (error as Error).message, kind: FailureKind.inputInvalid });
		}
	}

	const results = await upsertInBatches.call(this, endpoint, records, batchSize);
	const written = new Map<number, IDataObject>();
	for (const result of results) {
		const itemIndex = itemOfRecord[result.index];
		if (result.ok) written.set(itemIndex, records[result.index]);
		else {
			failures.set(itemIndex, {
				message: result.error ?? 'OutSmart did not write the record',
				kind: result.refused ? FailureKind.outSmartRefused : FailureKind.outSmartUnavailable,
			});
		}
	}

	if (failures.size > 0 && !this.continueOnFail()) {
		const [firstIndex, first] = [...failures.entries()].sort((a, b) => a[0] - b[0])[0];
		const error = new NodeApiError(this.getNode(), { message: first.message }, {
			message: `${failures.size} of ${itemIndexes.length} ${resource} record(s) were not written; the first (item ${firstIndex}): ${first.message}`,
			description: `${written.size} record(s) were written. Turn on "Continue On Fail" to get a result per item.`,
			itemIndex: firstIndex,
		});
		throw withFailureKind(error, first.kind);
	}

	return itemIndexes.map((itemIndex) => {
		const failure = failures.get(itemIndex);
		if (failure) return { error: new OperationFailure(this.getNode(), failure.message, { kind: failure.kind, itemIndex }) };
		return { result: { written: true, ...written.get(itemIndex) } };
	});
}
