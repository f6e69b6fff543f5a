import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * Sync cursors kept in the workflow's static data, per division and entity. Kept in the workflow-wide
 * part (not the node's) so that the Confirm Cursor node further down can promote what Get Changes read.
 *
 * n8n persists static data after every production execution, also one that ended in an error (and never
 * after a manual one). So Get Changes only records the cursor it reached as `pending`; it becomes the
 * `confirmed` start of the next run when Confirm Cursor runs, i.e. after the changes were written.
 */
export interface StoredCursor {
	confirmed?: string;
	pending?: string;
}

const STATIC_KEY = 'exactOnlineSyncCursors';

function cursors(context: IExecuteFunctions): IDataObject {
	const data = context.getWorkflowStaticData('global');
	if (typeof data[STATIC_KEY] !== 'object' || data[STATIC_KEY] === null) data[STATIC_KEY] = {};
	return data[STATIC_KEY] as IDataObject;
}

export function cursorKey(division: number, entity: string): string {
	return `${division}:${entity}`;
}

export function readCursor(context: IExecuteFunctions, division: number, entity: string): StoredCursor {
	return { ...((cursors(context)[cursorKey(division, entity)] as StoredCursor | undefined) ?? {}) };
}

export function writeCursor(context: IExecuteFunctions, division: number, entity: string, cursor: StoredCursor): void {
	cursors(context)[cursorKey(division, entity)] = { ...cursor } as IDataObject;
}
