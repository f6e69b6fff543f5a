/**
 * Exact's "many values in one OR filter" rule, written once: rows whose field is one of many values are asked
 * for with `field eq a or field eq b …`, a limited number of values per call, never one call per value.
 */
import type { IDataObject } from 'n8n-workflow';
import { and, anyOf, odataString, padAccountCode } from './odata';
import type { ExactContext } from './types';

/**
 * Values per OR filter: short enough for Exact's URL limits (a 300-value OR is ~12 kB). Ours: Exact documents
 * no limit on the number of conditions, only that over-long URLs are refused.
 */
export const VALUES_PER_FILTER = 40;

/** The distinct values, in order, cut into the groups that each go into one OR filter. */
export function orFilterChunks<T>(values: T[], size = VALUES_PER_FILTER): T[][] {
	const distinct = [...new Set(values)];
	const chunks: T[][] = [];
	for (let start = 0; start < distinct.length; start += size) chunks.push(distinct.slice(start, start + size));
	return chunks;
}

type GetAll = (
	this: ExactContext,
	options: { division: number; resource: string; select: string[]; filter?: string; limit?: number; itemIndex?: number; keepMetadata?: boolean; useDailyReserve?: boolean },
) => Promise<IDataObject[]>;

export interface GetByValuesOptions {
	division: number;
	resource: string;
	select: string[];
	/** The field the values are matched on, e.g. 'Code' or 'YourRef'. */
	field: string;
	values: string[];
	/** How a value is written in the filter; a string literal unless told (e.g. odataGuid). */
	literal?: (value: string) => string;
	/** The filter for one chunk of values, when it is not `field eq … or …` (e.g. a `substringof` per value). */
	filterOf?: (chunk: string[]) => string;
	/** Conditions every call carries as well (joined with `and`). */
	filter?: string;
	/** Stop after this many rows in all; omit for all. */
	limit?: number;
	/** Values per call; VALUES_PER_FILTER unless a caller's literals are longer (GUIDs). */
	perCall?: number;
	itemIndex?: number;
	keepMetadata?: boolean;
	/** Every call may spend the daily budget's reserve (ExactRequest.useDailyReserve). */
	useDailyReserve?: boolean;
}

/** Rows whose field is one of the values: one call per VALUES_PER_FILTER distinct values, none for no values. */
export async function getByValues(context: ExactContext, getAll: GetAll, options: GetByValuesOptions): Promise<IDataObject[]> {
	const literal = options.literal ?? odataString;
	const filterOf = options.filterOf ?? ((chunk: string[]) => anyOf(options.field, chunk.map(literal)));
	const rows: IDataObject[] = [];
	for (const chunk of orFilterChunks(options.values, options.perCall)) {
		rows.push(
			...(await getAll.call(context, {
				division: options.division,
				resource: options.resource,
				select: options.select,
				filter: and(options.filter ?? '', filterOf(chunk)),
				limit: options.limit === undefined ? undefined : options.limit - rows.length,
				itemIndex: options.itemIndex,
				keepMetadata: options.keepMetadata,
				useDailyReserve: options.useDailyReserve,
			})),
		);
		if (options.limit !== undefined && rows.length >= options.limit) break;
	}
	return rows;
}

/**
 * Accounts (crm/Accounts) by code. Exact stores Account.Code right-aligned in 18 characters, so each code is
 * looked up padded; a code that cannot be an account code (empty, or longer than 18) matches nothing.
 */
export async function getAccountsByCode(
	context: ExactContext,
	getAll: GetAll,
	options: { division: number; codes: string[]; select: string[]; itemIndex?: number },
): Promise<IDataObject[]> {
	const codes = options.codes.filter((code) => code !== '' && code.length <= 18);
	return await getByValues(context, getAll, {
		division: options.division,
		resource: 'crm/Accounts',
		select: options.select,
		field: 'Code',
		values: codes,
		literal: (code) => odataString(padAccountCode(code)),
		itemIndex: options.itemIndex,
	});
}
