import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runPerItem, type ItemResult } from './runPerItem';

/** What one input item came to: its result, or the error that belongs to it. */
export type ItemOutcome = { result: ItemResult } | { error: unknown };

/**
 * What an operation needs besides its node's parameters, so a node shows a credential or the division
 * only where an operation uses it (instead of lists kept by hand in the node class).
 */
export interface OperationNeeds {
	/** Reads Exact Online: the Exact credential and the administration (division) are asked for. */
	exact?: boolean;
	/** Reads OutSmart: the OutSmart credential is offered. */
	outSmart?: boolean;
}

/** What an operation does with one input item: its parameters are read at `itemIndex`. */
export type ItemExecute = (this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>;

/**
 * What an operation does with every input item at once (e.g. one look-up in Exact for all of them):
 * one outcome per given item index, in the same order. A throw fails the whole node.
 */
export type BatchExecute = (this: IExecuteFunctions, itemIndexes: number[]) => Promise<ItemOutcome[]>;

interface OperationBase {
	/** Its parameters, each shown for its resource and operation. */
	description: INodeProperties[];
	needs?: OperationNeeds;
}

/**
 * The one operation contract of every node: per item (`execute`) or per batch (`executeBatch`). Either
 * way the shared item loop pairs every output item with its input, carries the order's identity on, and
 * routes each failure to its item (error output, "Continue On Fail") in the one failure shape.
 */
export type Operation = ItemOperation | BatchOperation;

/** An operation that is a function of one item (it may also offer a batch form). */
export type ItemOperation = OperationBase & { execute: ItemExecute; executeBatch?: BatchExecute };

/** An operation that must see every input item at once. */
export type BatchOperation = OperationBase & { executeBatch: BatchExecute; execute?: ItemExecute };

export type OperationMap = Record<string, Operation>;

/** A resource: its operations by value, and its parameters (the operation picker included). */
export interface Resource {
	operations: OperationMap;
	description: INodeProperties[];
}

export type ResourceMap = Record<string, { operations: OperationMap }>;

/** Every input item's index. */
function allIndexes(context: IExecuteFunctions): number[] {
	return context.getInputData().map((_, index) => index);
}

/**
 * Dispatches a node's input to its resource's operation and runs it through the shared per-item runner.
 * Resource and operation cannot come from expressions, so the first item names them for a batch.
 */
export async function route(this: IExecuteFunctions, resources: ResourceMap): Promise<INodeExecutionData[][]> {
	const lookup = (itemIndex: number): Operation | undefined => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		return Object.prototype.hasOwnProperty.call(resources, resource) ? resources[resource].operations[operation] : undefined;
	};
	const first = this.getInputData().length > 0 ? lookup(0) : undefined;
	const outcomes = first?.executeBatch ? await first.executeBatch.call(this, allIndexes(this)) : undefined;
	const output = await runPerItem(this, async (itemIndex, item) => {
		if (outcomes) {
			const outcome = outcomes[itemIndex];
			if ('error' in outcome) throw outcome.error;
			return outcome.result;
		}
		const operation = lookup(itemIndex);
		if (!operation?.execute) {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const name = this.getNodeParameter('operation', itemIndex) as string;
			throw new NodeOperationError(this.getNode(), `The operation "${name}" is not supported for "${resource}"`, { itemIndex });
		}
		return await operation.execute.call(this, itemIndex, item);
	});
	return [output];
}

/** One outcome per item: what `handleItem` gives for it, or the error it threw (that item fails alone). */
export async function eachItem(
	itemIndexes: number[],
	handleItem: (itemIndex: number) => Promise<ItemResult> | ItemResult,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			outcomes.push({ result: await handleItem(itemIndex) });
		} catch (error) {
			outcomes.push({ error });
		}
	}
	return outcomes;
}

/**
 * A batch operation from a preparation made once for all items (e.g. one read of Exact) and a function of
 * one item that uses it. A failing preparation fails the node; a failing item fails that item only.
 */
export function perItemAfter<P>(
	prepare: (this: IExecuteFunctions, itemIndexes: number[]) => Promise<P>,
	handleItem: (this: IExecuteFunctions, prepared: P, itemIndex: number, item: INodeExecutionData) => Promise<ItemResult> | ItemResult,
): BatchExecute {
	return async function (this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
		const prepared = await prepare.call(this, itemIndexes);
		const items = this.getInputData();
		return await eachItem(itemIndexes, async (itemIndex) => await handleItem.call(this, prepared, itemIndex, items[itemIndex]));
	};
}

/**
 * A batch operation that answers once for the whole input (a summary, a check, a comparison): its result
 * belongs to the first item; the other items give none.
 */
export function onceForAll(run: (this: IExecuteFunctions) => Promise<ItemResult>): BatchExecute {
	return async function (this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
		const result = await run.call(this);
		return itemIndexes.map((itemIndex, position) => ({ result: position === 0 ? result : undefined }));
	};
}

/**
 * `{ resource: [...], operation: [...] }` of every operation that needs `need`, in the order of the
 * resources and their operations, for a credential's or a field's display options.
 */
export function showWhereNeeded(resources: ResourceMap, need: keyof OperationNeeds): { resource: string[]; operation: string[] } {
	const resource: string[] = [];
	const operation: string[] = [];
	for (const [resourceName, { operations }] of Object.entries(resources)) {
		for (const [operationName, definition] of Object.entries(operations)) {
			if (!definition.needs?.[need]) continue;
			if (!resource.includes(resourceName)) resource.push(resourceName);
			if (!operation.includes(operationName)) operation.push(operationName);
		}
	}
	return { resource, operation };
}
