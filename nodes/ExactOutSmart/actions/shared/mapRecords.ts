import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ItemExecute } from '../../../shared/router';
import type { ItemResult } from '../../../shared/runPerItem';
import type { ImportResult } from '../../logic/importResult';

/**
 * What one mapped record gives: a record ready for OutSmart's batch upsert, nothing for a deliberate skip
 * (filtered relation types, labour items, ...), or a failure of that item only.
 */
export function mappedItem<T extends object>(context: IExecuteFunctions, result: ImportResult<T>, itemIndex: number): ItemResult {
	if ('record' in result) return { ...result.record } as IDataObject;
	if ('skip' in result) return undefined;
	throw new NodeOperationError(context.getNode(), result.problem, { itemIndex });
}

/** A per-item operation that maps every input record with a pure mapping (see `mappedItem`). */
export function mapEach<T extends object>(map: (this: IExecuteFunctions, record: IDataObject, itemIndex: number) => ImportResult<T>): ItemExecute {
	return async function (this: IExecuteFunctions, itemIndex, item) {
		return mappedItem(this, map.call(this, item.json, itemIndex), itemIndex);
	};
}

/** "A, B ,C" → ['A', 'B', 'C']. */
export function codeList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
