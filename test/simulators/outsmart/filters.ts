/**
 * Advanced filters: `key=&value=&operator=`, `key[]=…` arrays or `key[0]=…` indexed, all ANDed.
 * Comparison follows MySQL's default collation (case-insensitive), numbers and d-m-Y dates compare by value.
 */
import { EnvelopeError, ResultCode } from './envelope';
import { parseDecimal } from './format';

export type FilterOperator = 'li' | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const OPERATORS: readonly FilterOperator[] = ['li', 'eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const MAX_FILTERS = 50;

export interface Filter {
	key: string;
	value: string;
	operator: FilterOperator;
}

function collect(params: URLSearchParams, name: string): string[] {
	const plain = params.getAll(name);
	const arrayForm = params.getAll(`${name}[]`);
	const indexed: Array<[number, string]> = [];
	for (const [paramName, value] of params) {
		const match = new RegExp(`^${name}\\[(\\d+)\\]$`).exec(paramName);
		if (match) indexed.push([Number(match[1]), value]);
	}
	indexed.sort((a, b) => a[0] - b[0]);
	return [...plain, ...arrayForm, ...indexed.map(([, value]) => value)];
}

/** Reads the filters of a request; a filter without operator means equality. */
export function parseFilters(params: URLSearchParams): Filter[] {
	const keys = collect(params, 'key');
	const values = collect(params, 'value');
	const operators = collect(params, 'operator');
	if (keys.length === 0 && values.length === 0) return [];
	if (keys.length !== values.length) {
		throw new EnvelopeError(ResultCode.generalError, [`Filter mismatch: ${keys.length} key(s) and ${values.length} value(s)`]);
	}
	if (keys.length > MAX_FILTERS) throw new EnvelopeError(ResultCode.generalError, [`Too many filters (max ${MAX_FILTERS})`]);
	return keys.map((key, index) => {
		const operator = (operators[index] ?? 'eq').toLowerCase();
		if (!OPERATORS.includes(operator as FilterOperator)) {
			throw new EnvelopeError(ResultCode.generalError, [`Invalid operator: ${operator}. Allowed: ${OPERATORS.join(', ')}`]);
		}
		return { key, value: values[index], operator: operator as FilterOperator };
	});
}

function sortableDate(value: string): string | undefined {
	const match = /^(\d{2})-(\d{2})-(\d{4})(.*)$/.exec(value);
	if (match) return `${match[3]}-${match[2]}-${match[1]}${match[4]}`;
	return /^\d{4}-\d{2}-\d{2}/.test(value) ? value : undefined;
}

function compare(left: string, right: string): number {
	const leftNumber = parseDecimal(left);
	const rightNumber = parseDecimal(right);
	if (leftNumber !== undefined && rightNumber !== undefined) return leftNumber - rightNumber;
	const leftDate = sortableDate(left);
	const rightDate = sortableDate(right);
	if (leftDate !== undefined && rightDate !== undefined) return leftDate < rightDate ? -1 : leftDate > rightDate ? 1 : 0;
	const a = left.toLowerCase();
	const b = right.toLowerCase();
	return a < b ? -1 : a > b ? 1 : 0;
}

export function matchesFilter(fieldValue: string, filter: Filter): boolean {
	switch (filter.operator) {
		case 'li':
			return fieldValue.toLowerCase().includes(filter.value.toLowerCase());
		case 'eq':
			return fieldValue.toLowerCase() === filter.value.toLowerCase();
		case 'ne':
			return fieldValue.toLowerCase() !== filter.value.toLowerCase();
		case 'gt':
			return compare(fieldValue, filter.value) > 0;
		case 'ge':
			return compare(fieldValue, filter.value) >= 0;
		case 'lt':
			return compare(fieldValue, filter.value) < 0;
		case 'le':
			return compare(fieldValue, filter.value) <= 0;
	}
}

/**
 * Keeps the records matching every filter. An unknown column is an error, as the real API answers
 * a database error for it rather than silently returning everything.
 */
export function applyFilters<T>(records: T[], filters: Filter[], columnsOf: (record: T) => Record<string, string>, knownColumns: ReadonlySet<string>): T[] {
	for (const filter of filters) {
		if (!knownColumns.has(filter.key)) throw new EnvelopeError(ResultCode.generalError, [`Unknown filter column: ${filter.key}`]);
	}
	if (filters.length === 0) return records;
	return records.filter((record) => {
		const columns = columnsOf(record);
		return filters.every((filter) => matchesFilter(columns[filter.key] ?? '', filter));
	});
}
