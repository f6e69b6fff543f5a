import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { toNodeError } from './nodeError';

/** What an operation returns for one input item: plain records, or ready items (e.g. with binary data). */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[] | undefined;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		typeof value === 'object' &&
		value !== null &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

function toExecutionData(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item = isExecutionData(entry) ? entry : { json: entry as IDataObject };
		return { ...item, pairedItem: { item: itemIndex } };
	});
}

/**
 * The one item loop every operation shares: runs `handleItem` for each input item in order (never in
 * parallel: Exact wants one request at a time per credential), pairs every output item with its input,
 * and on failure either stops the node with an error that names the item, or, with "Continue On Fail",
 * emits the error on that item and goes on with the rest.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handleItem: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...toExecutionData(await handleItem(itemIndex, items[itemIndex]), itemIndex));
		} catch (error) {
			if (context.continueOnFail()) {
				// Only `error` and `details`: n8n routes exactly such items to a node's error output
				// (merged with the input item), so "On Error: Continue (using error output)" works.
				const description =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error.description
						: undefined;
				output.push({
					json: {
						error: (error as Error).message,
						...(description ? { details: { description } } : {}),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw toNodeError(context.getNode(), error, itemIndex);
		}
	}
	return output;
}
