import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ItemResult } from '../../../shared/runPerItem';

/** What one input item came to: its result, or the error that belongs to it. */
export type ItemOutcome = { result: ItemResult } | { error: unknown };

/** An operation: its parameters and what it does with one input item. */
export interface ExactOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
	/**
	 * For operations that must see every input item before calling Exact (e.g. one look-up for many
	 * items): one outcome per given item index, in the same order. When present, the router uses it
	 * instead of `execute`, and the per-item runner still pairs results and routes each error to its item.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]>;
}

export type OperationMap = Record<string, ExactOperation>;
