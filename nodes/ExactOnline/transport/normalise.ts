import type { IDataObject } from 'n8n-workflow';
import { fromExactDate } from './exactTime';

const DATE_PATTERN = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
/** Fields Exact stores as fixed-width CHAR columns (Account.Code, VAT codes, country and similar). */
const PADDED_FIELD_PATTERN = /(Code|Country|State|Language)$/;

export interface NormaliseOptions {
	keepMetadata?: boolean;
}

function normaliseValue(value: unknown, options: NormaliseOptions, key = ''): unknown {
	if (typeof value === 'string') {
		const match = DATE_PATTERN.exec(value);
		return match ? fromExactDate(Number(match[1]), key) : value;
	}
	if (Array.isArray(value)) return value.map((entry) => normaliseValue(entry, options));
	if (value && typeof value === 'object') {
		const record = value as IDataObject;
		if (Array.isArray(record.results) && Object.keys(record).every((key) => key === 'results' || key === '__next')) {
			// An expanded collection: the records themselves are what users need.
			return (record.results as IDataObject[]).map((entry) => normaliseRecord(entry, options));
		}
		return normaliseRecord(record, options);
	}
	return value;
}

/**
 * Exact's wire values made usable: `/Date(ms)/` (Amsterdam wall clock as if UTC) becomes a plain date or a
 * real instant with offset (exactTime.ts), padded codes stay as they are and
 * get a trimmed twin (`Code` + `CodeTrimmed`), and OData bookkeeping (`__metadata`, unexpanded
 * `__deferred` links) is dropped unless asked for.
 */
export function normaliseRecord(record: IDataObject, options: NormaliseOptions = {}): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (!options.keepMetadata) {
			if (key === '__metadata') continue;
			if (value && typeof value === 'object' && !Array.isArray(value) && '__deferred' in value) continue;
		}
		result[key] = normaliseValue(value, options, key) as IDataObject[keyof IDataObject];
		if (typeof value === 'string' && PADDED_FIELD_PATTERN.test(key) && value !== value.trim()) {
			result[`${key}Trimmed`] = value.trim();
		}
	}
	return result;
}

/** Unwraps `{ d: … }` into one record, or the list of one page, plus the `__next` link if any. */
export function unwrapEnvelope(
	body: unknown,
	options: NormaliseOptions = {},
): { records: IDataObject | IDataObject[] | undefined; next?: string } {
	if (body === undefined || body === null || body === '') return { records: undefined };
	const parsed = typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
	const d = (parsed as { d?: unknown }).d ?? parsed;
	if (Array.isArray(d)) return { records: d.map((entry) => normaliseRecord(entry as IDataObject, options)) };
	if (d && typeof d === 'object') {
		const envelope = d as { results?: unknown; __next?: unknown };
		if (Array.isArray(envelope.results)) {
			return {
				records: envelope.results.map((entry) => normaliseRecord(entry as IDataObject, options)),
				next: typeof envelope.__next === 'string' && envelope.__next !== '' ? envelope.__next : undefined,
			};
		}
		return { records: normaliseRecord(d as IDataObject, options) };
	}
	return { records: undefined };
}
