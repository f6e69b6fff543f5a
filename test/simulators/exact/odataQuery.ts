/**
 * Reads a collection the way Exact pages it: $filter, $orderby, $skip, $top, $select, and pages of 60
 * (1000 on sync/bulk) with an absolute __next link that carries $skiptoken.
 */
import { ApiError } from './httpUtils';
import { checkFilter, FilterError, matchesFilter, parseFilter, type EdmType, type FilterNode } from './odataFilter';
import type { FieldDefinition } from './schema';
import type { Row } from './store';

export const REST_PAGE_SIZE = 60;
export const BULK_PAGE_SIZE = 1000;

export interface QueryOptions {
	filter?: string;
	select?: string;
	orderby?: string;
	top?: string;
	skip?: string;
	skiptoken?: string;
}

export interface CollectionSpec {
	fields: Map<string, FieldDefinition>;
	typeName: string;
	/** Field used for the default order and the $skiptoken. */
	keyField: string;
	keyType: 'Guid' | 'Int32' | 'Int64';
	pageSize: number;
	/** sync endpoints ignore $top and keep paging. */
	ignoreTop?: boolean;
}

export interface PageResult {
	rows: Row[];
	nextQuery?: Record<string, string>;
	select?: string[];
}

export function readQueryOptions(params: URLSearchParams): QueryOptions {
	const value = (name: string): string | undefined => params.get(name) ?? undefined;
	return { filter: value('$filter'), select: value('$select'), orderby: value('$orderby'), top: value('$top'), skip: value('$skip'), skiptoken: value('$skiptoken') };
}

export function parseSelect(select: string | undefined, fields: Map<string, FieldDefinition>, typeName: string): string[] | undefined {
	if (select === undefined || select.trim() === '' || select.trim() === '*') return undefined;
	const names = select.split(',').map((name) => name.trim()).filter(Boolean);
	for (const name of names) {
		const base = name.split('/')[0];
		if (!fields.has(base)) throw new ApiError(400, `No property '${base}' exists in type 'Exact.Web.Api.Models.${typeName}' at position 0.`);
	}
	return [...new Set(names.map((name) => name.split('/')[0]))];
}

export function parseFilterFor(text: string, fields: Map<string, FieldDefinition>, typeName: string): FilterNode {
	try {
		const node = parseFilter(text);
		const types = new Map<string, EdmType>([...fields.values()].map((field) => [field.name, field.type]));
		checkFilter(node, types, `Exact.Web.Api.Models.${typeName}`);
		return node;
	} catch (error) {
		if (error instanceof FilterError) throw new ApiError(400, error.message);
		throw error;
	}
}

function parseNonNegativeInteger(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw new ApiError(400, `Invalid ${name} value: '${value}'. Expected a non-negative integer.`);
	return Number(value);
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const left = String(a).toLowerCase();
	const right = String(b).toLowerCase();
	return left < right ? -1 : left > right ? 1 : 0;
}

/** Keys are stored lower-case (guids) or as numbers, so plain comparison is the key order. */
function compareKeys(a: unknown, b: unknown): number {
	const left = a as string | number;
	const right = b as string | number;
	return left < right ? -1 : left > right ? 1 : 0;
}

function parseOrderBy(orderby: string, fields: Map<string, FieldDefinition>, typeName: string): Array<{ field: string; descending: boolean }> {
	return orderby.split(',').map((part) => {
		const [field, direction = 'asc'] = part.trim().split(/\s+/);
		if (!fields.has(field)) throw new ApiError(400, `No property '${field}' exists in type 'Exact.Web.Api.Models.${typeName}' at position 0.`);
		if (!['asc', 'desc'].includes(direction.toLowerCase())) throw new ApiError(400, 'Bad Request - Error in query syntax.');
		return { field, descending: direction.toLowerCase() === 'desc' };
	});
}

function parseSkipToken(token: string, keyType: CollectionSpec['keyType']): string | number {
	if (keyType === 'Guid') {
		const match = /^guid'([0-9a-fA-F-]{36})'$/.exec(token);
		if (!match) throw new ApiError(400, 'Bad Request - Error in query syntax.');
		return match[1].toLowerCase();
	}
	const match = /^(\d+)L?$/.exec(token);
	if (!match) throw new ApiError(400, 'Bad Request - Error in query syntax.');
	return Number(match[1]);
}

function skipTokenFor(value: unknown, keyType: CollectionSpec['keyType']): string {
	if (keyType === 'Guid') return `guid'${String(value)}'`;
	return keyType === 'Int64' ? `${String(value)}L` : String(value);
}

/** Filters, orders and cuts one page; nextQuery holds the query options of the following page, if any. */
export function queryCollection(allRows: Row[], options: QueryOptions, spec: CollectionSpec): PageResult {
	const select = parseSelect(options.select, spec.fields, spec.typeName);
	let rows = allRows;
	if (options.filter !== undefined && options.filter.trim() !== '') {
		const node = parseFilterFor(options.filter, spec.fields, spec.typeName);
		rows = rows.filter((row) => matchesFilter(node, row));
	}
	const order = options.orderby ? parseOrderBy(options.orderby, spec.fields, spec.typeName) : [];
	let start = 0;
	if (options.skiptoken) {
		if (order.length > 0) throw new ApiError(400, 'A $skiptoken cannot be combined with $orderby on this resource.');
		const token = parseSkipToken(options.skiptoken, spec.keyType);
		// Key order makes the token a simple lower bound, so later pages never re-sort what earlier pages returned.
		rows = rows.filter((row) => compareKeys(row[spec.keyField], token) > 0);
	}
	rows =
		order.length > 0
			? [...rows].sort((a, b) => {
					for (const { field, descending } of order) {
						const result = compareValues(a[field], b[field]);
						if (result !== 0) return descending ? -result : result;
					}
					return compareKeys(a[spec.keyField], b[spec.keyField]);
				})
			: [...rows].sort((a, b) => compareKeys(a[spec.keyField], b[spec.keyField]));
	const skip = parseNonNegativeInteger(options.skip, '$skip') ?? 0;
	const top = spec.ignoreTop ? undefined : parseNonNegativeInteger(options.top, '$top');
	start += skip;
	const available = rows.length - start;
	const wanted = top === undefined ? available : Math.min(top, available);
	const pageLength = Math.max(0, Math.min(spec.pageSize, wanted));
	const page = rows.slice(start, start + pageLength);
	const result: PageResult = { rows: page, select };
	if (pageLength < wanted && page.length > 0) {
		const next: Record<string, string> = {};
		if (options.filter) next.$filter = options.filter;
		if (options.select) next.$select = options.select;
		if (options.orderby) next.$orderby = options.orderby;
		if (top !== undefined) next.$top = String(top - pageLength);
		if (order.length > 0) {
			next.$skip = String(start + pageLength);
		} else {
			next.$skiptoken = skipTokenFor(page[page.length - 1][spec.keyField], spec.keyType);
		}
		result.nextQuery = next;
	}
	return result;
}

/** Builds the query string Exact puts in __next (OData option names and literals readable, values encoded). */
export function buildQueryString(query: Record<string, string>): string {
	return Object.entries(query)
		.map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
		.join('&');
}
