import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { FailureKind, type FailureKindCode } from './failureKinds';

/**
 * The keys of an input item that say which work order it belongs to (`workorder`: row id, number), how
 * that order is exported (`trigger`, with its error status) and, once it failed, why (`failure`).
 */
export const ORDER_CONTEXT_KEYS = ['workorder', 'trigger', 'failure'] as const;

/**
 * What an error item's `details` hold: a stable `kind`, the `message`, and, when the input item came from
 * a work order, that order's identity (`workorder`: row id, number) and its export trigger (`trigger`,
 * with the error status), carried from the input item so that no later step has to look them up.
 */
export interface FailureDetails extends IDataObject {
	kind: FailureKindCode;
	message: string;
	description?: string;
	workorder?: IDataObject;
	trigger?: IDataObject;
	/** An earlier failure of the same order (e.g. the reason it is being moved to its error status). */
	failure?: IDataObject;
}

interface KindCarrier {
	failureKind?: unknown;
}

/** Marks an error with its failure kind (kept in the error's context, so it survives n8n's wrapping). */
export function withFailureKind<E extends Error>(error: E, kind: FailureKindCode): E {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) error.context.failureKind = kind;
	else (error as E & KindCarrier).failureKind = kind;
	return error;
}

function statusCodeOf(error: NodeApiError): number | undefined {
	const code = Number(error.httpCode);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}

/** The kind of a failure: the one its origin marked, else read from the error type and the node. */
export function failureKindOf(error: unknown, node: INode): FailureKindCode {
	const marked =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error.context.failureKind
			: (error as KindCarrier | undefined)?.failureKind;
	if (typeof marked === 'string') return marked as FailureKindCode;
	if (error instanceof NodeApiError) {
		const status = statusCodeOf(error);
		const refused = status !== undefined && status < 500;
		if (/\.outSmart(Trigger)?$/.test(node.type)) return refused ? FailureKind.outSmartRefused : FailureKind.outSmartUnavailable;
		return refused ? FailureKind.exactRefused : FailureKind.exactUnavailable;
	}
	return FailureKind.inputInvalid;
}

function orderContextOf(input: IDataObject | undefined): Pick<FailureDetails, 'workorder' | 'trigger' | 'failure'> {
	const context: Pick<FailureDetails, 'workorder' | 'trigger' | 'failure'> = {};
	if (!input) return context;
	const sources = [input, input.details as IDataObject | undefined];
	for (const key of ORDER_CONTEXT_KEYS) {
		for (const source of sources) {
			const value = source?.[key];
			if (value && typeof value === 'object' && !Array.isArray(value)) {
				context[key] = { ...(value as IDataObject) };
				break;
			}
		}
	}
	return context;
}

/** The order context of an item (its `workorder`, `trigger` and `failure`), for output items to carry on. */
export function orderContext(input: IDataObject | undefined): IDataObject {
	return orderContextOf(input);
}

/** An OutSmart work order as OutSmart sends it (row id and number) names itself. */
function ownIdentity(input: IDataObject | undefined): Pick<FailureDetails, 'workorder'> {
	if (!input || typeof input.WorkorderNo !== 'string' || input.workorder !== undefined) return {};
	return { workorder: { rowId: String(input.id ?? ''), workorderNo: input.WorkorderNo } };
}

/**
 * The structured details of a failure: kind, message, description, and the order identity and trigger
 * the error itself names (e.g. a refused build) or, else, the input item carries (its `workorder` and
 * `trigger`, or, for an OutSmart work order itself, its row id and number).
 */
export function failureDetails(error: unknown, node: INode, input?: IDataObject): FailureDetails {
	const own = (error instanceof NodeApiError || error instanceof NodeOperationError ? error.context.failureDetails : undefined) as
		| IDataObject
		| undefined;
	const description =
		error instanceof NodeApiError || error instanceof NodeOperationError ? error.description ?? undefined : undefined;
	return {
		...(own ?? {}),
		kind: failureKindOf(error, node),
		message: error instanceof Error ? error.message : String(error),
		...(description ? { description } : {}),
		...ownIdentity(input),
		...orderContextOf(input),
		...orderContextOf(own),
	};
}

/** Attaches details an operation knows better than the input item (e.g. the problems of a refused order). */
function withFailureDetails<E extends NodeApiError | NodeOperationError>(error: E, details: IDataObject): E {
	error.context.failureDetails = details;
	return error;
}

export interface OperationFailureOptions {
	/** The stable kind templates route on (see failureKinds). */
	kind: FailureKindCode;
	/** What the operation knows better than the input item: the order, its trigger, the problems, ... */
	details?: IDataObject;
	itemIndex?: number;
	description?: string;
}

/**
 * The one error an operation throws for what it refuses: a message, a stable `kind` and the `details`
 * it knows. The shared item loop (runPerItem) turns it into the error item `{ error, details }`, with the
 * order's identity and trigger from the input item where the details do not name them, or, without
 * "Continue On Fail", into the node's error with the same details.
 */
export class OperationFailure extends NodeOperationError {
	constructor(node: INode, message: string, options: OperationFailureOptions) {
		super(node, message, {
			...(options.itemIndex !== undefined ? { itemIndex: options.itemIndex } : {}),
			...(options.description !== undefined ? { description: options.description } : {}),
		});
		withFailureKind(this, options.kind);
		if (options.details) withFailureDetails(this, options.details);
	}
}
