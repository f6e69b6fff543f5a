import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
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

/**
 * Which fields of the mapping's records count as a change, as a hidden parameter of the Map operation: a
 * template's "New or Changed" Merge matches on `{{ $('Map …').params.changeFields }}`, so the list is the
 * mapper's own (nodes/ExactOutSmart/logic), never a copy in the template.
 */
export function changeFieldsProperty(show: Record<string, Array<string | number>>, fields: readonly string[]): INodeProperties {
	return {
		displayName: 'Change Fields',
		name: 'changeFields',
		type: 'hidden',
		default: fields.join(', '),
		displayOptions: { show: { resource: ['import'], ...show } },
	};
}
