import type { IDataObject } from 'n8n-workflow';

import { outSmartCodeOf, outSmartRequest, type OutSmartContext } from './request';

export interface RecordResult {
	/** Position of the record in the list that was given. */
	index: number;
	ok: boolean;
	error?: string;
	/** OutSmart read the record and refused it (nothing written); false when the outcome is unknown. */
	refused?: boolean;
}

export const MAX_BATCH_SIZE = 1000;

/** Codes that mean "the batch was read and refused" (so nothing in it was written and it is safe to split). */
function isDefiniteRefusal(code: number | undefined): boolean {
	return code !== undefined && code >= 1008 && code !== 1007;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Sends master-data records as upserts, one POST per batch of `batchSize`, and reports per record whether
 * it was written. When OutSmart refuses a batch outright (e.g. a record misses a required field) the batch
 * is split into single-record POSTs, so the valid records are still written and the bad one is named.
 * A batch whose outcome is unknown (timeout, 5xx) is not sent again: its records are reported as failed.
 */
export async function upsertInBatches(this: OutSmartContext, endpoint: string, records: IDataObject[], batchSize: number): Promise<RecordResult[]> {
	const size = Math.max(1, Math.min(MAX_BATCH_SIZE, Math.floor(batchSize) || 1));
	const results: RecordResult[] = [];
	for (let start = 0; start < records.length; start += size) {
		const batch = records.slice(start, start + size);
		try {
			await outSmartRequest.call(this, { method: 'POST', endpoint, body: batch });
			batch.forEach((_, offset) => results.push({ index: start + offset, ok: true }));
		} catch (error) {
			const refused = isDefiniteRefusal(outSmartCodeOf(error));
			if (batch.length === 1 || !refused) {
				batch.forEach((_, offset) => results.push({ index: start + offset, ok: false, error: messageOf(error), refused }));
				continue;
			}
			for (let offset = 0; offset < batch.length; offset++) {
				try {
					await outSmartRequest.call(this, { method: 'POST', endpoint, body: [batch[offset]] });
					results.push({ index: start + offset, ok: true });
				} catch (singleError) {
					results.push({ index: start + offset, ok: false, error: messageOf(singleError), refused: isDefiniteRefusal(outSmartCodeOf(singleError)) });
				}
			}
		}
	}
	return results;
}
