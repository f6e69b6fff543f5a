/** What an endpoint handler gets: the parsed request, the store, and the body on demand. */
import { EnvelopeError, ResultCode } from './envelope';
import type { OutSmartStore } from './store';

export interface ApiContext {
	method: string;
	endpoint: string;
	params: URLSearchParams;
	rawBody: string;
	store: OutSmartStore;
	/** http://127.0.0.1:<port>, for URLs the answers contain. */
	origin: string;
	/** Set by a 'rejectRecords' fault: these batch records fail. */
	rejectRecordIndexes?: number[];
}

/** Parses the body as the real API does: nothing is 1008 "Unable to fetch body", bad JSON is 1009 "Unable to parse body". */
export function jsonBody(context: ApiContext): unknown {
	if (context.rawBody.trim() === '') throw new EnvelopeError(ResultCode.noBody, ['Unable to fetch body']);
	try {
		return JSON.parse(context.rawBody);
	} catch {
		throw new EnvelopeError(ResultCode.invalidBody, ['Unable to parse body']);
	}
}

/** The body as an array of records; a single object only where `acceptSingle` says clients were seen sending one. */
export function jsonBatch(context: ApiContext, acceptSingle = false): unknown[] {
	const body = jsonBody(context);
	if (Array.isArray(body)) return body;
	if (acceptSingle && typeof body === 'object' && body !== null) return [body];
	throw new EnvelopeError(ResultCode.invalidBody, ['Unable to parse body']);
}

/** `true` unless the parameter says false ('false' or '0'): the API's default for update_status. */
export function booleanParam(params: URLSearchParams, name: string, defaultValue: boolean): boolean {
	const value = params.get(name);
	if (value === null || value === '') return defaultValue;
	return !['false', '0', 'no'].includes(value.toLowerCase());
}

/** A 'rejectRecords' fault turns named records of an otherwise valid batch into a whole-batch rejection. */
export function rejectRequestedRecords(context: ApiContext, code: number): void {
	const indexes = context.rejectRecordIndexes;
	if (!indexes || indexes.length === 0) return;
	throw new EnvelopeError(code, indexes.map((index) => `Insert failed (record ${index})`));
}
