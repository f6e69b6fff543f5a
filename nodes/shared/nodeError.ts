import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The error to throw on from a catch block: n8n's own error types pass through (keeping their HTTP
 * context and message), anything else is wrapped so the editor can show which node and item failed.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const wrapped = new NodeOperationError(node, error as Error, itemIndex !== undefined ? { itemIndex } : {});
	// A failure kind marked on the raw error (see withFailureKind) stays readable after wrapping.
	const kind = (error as { failureKind?: unknown } | undefined)?.failureKind;
	if (kind !== undefined) wrapped.context.failureKind = kind;
	return wrapped;
}
