import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failureDetails, orderContext } from './failureDetails';
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

function toExecutionData(result: ItemResult, itemIndex: number, carried: IDataObject): INodeExecutionData[] {
	if (result === undefined) return [];
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item = isExecutionData(entry) ? entry : { json: entry as IDataObject };
		const json = { ...item.json };
		// The order an item belongs to travels with it, so later steps never look it up in another node.
		for (const [key, value] of Object.entries(carried)) if (!(key in json)) json[key] = value;
		return { ...item, json, pairedItem: { item: itemIndex } };
	});
}

/**
 * The one item loop every operation shares: runs `handleItem` for each input item in order (never in
 * parallel: Exact wants one request at a time per credential), pairs every output item with its input,
 * and on failure either stops the node with an error that names the item, or, with "Continue On Fail",
 * emits the error on that item and goes on with the rest.
 *
 * The one failure contract: an error item is `{ error, details }` where `details` holds a stable `kind`
 * (see failureKinds), the `message` and, when the input item came from a work order, that order's
 * `workorder` identity and `trigger` (with its error status). An error that stops the node carries the
 * same details in its context (`context.metadata`), where n8n's error workflow finds them. Output items
 * carry the input's `workorder` and `trigger` on as well.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handleItem: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const input = items[itemIndex]?.json;
		try {
			output.push(...toExecutionData(await handleItem(itemIndex, items[itemIndex]), itemIndex, orderContext(input)));
		} catch (error) {
			const details = failureDetails(error, context.getNode(), input);
			if (context.continueOnFail()) {
				// Only `error` and `details`: n8n routes exactly such items to a node's error output
				// (merged with the input item), so "On Error: Continue (using error output)" works.
				output.push({ json: { error: details.message, details }, pairedItem: { item: itemIndex } });
				continue;
			}
			const nodeError = toNodeError(context.getNode(), error, itemIndex);
			nodeError.context.metadata = details;
			throw nodeError;
		}
	}
	return output;
}
