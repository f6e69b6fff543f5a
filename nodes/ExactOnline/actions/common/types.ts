import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ItemResult } from '../../../shared/runPerItem';

/** An operation: its parameters and what it does with one input item. */
export interface ExactOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult>;
}

export type OperationMap = Record<string, ExactOperation>;
