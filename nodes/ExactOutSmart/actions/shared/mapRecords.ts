import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runPerItem } from '../../../shared/runPerItem';
import type { ImportResult } from '../../logic/importResult';

/**
 * Maps every input record with a pure mapping: records come out ready for OutSmart's batch upsert,
 * deliberate skips (filtered relation types, labour items, ...) give no item, problems fail that item only.
 */
export async function mapRecords<T extends object>(
	context: IExecuteFunctions,
	map: (record: IDataObject, itemIndex: number) => ImportResult<T>,
): Promise<INodeExecutionData[]> {
	return await runPerItem(context, async (itemIndex, item) => {
		const result = map(item.json, itemIndex);
		if ('record' in result) return { ...result.record } as IDataObject;
		if ('skip' in result) return undefined;
		throw new NodeOperationError(context.getNode(), result.problem, { itemIndex });
	});
}

/** "A, B ,C" → ['A', 'B', 'C']. */
export function codeList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
