/**
 * Safe OData v2 literals and $filter composition. Every user value goes through one of the literal
 * functions, so a value can never close a quote or add an operator: the structure of a filter is fixed
 * by code, only typed literals come from input.
 */

import { formatExactLiteral, toExactWallClock } from './exactTime';

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$|^trim\([A-Za-z_][A-Za-z0-9_]*\)$/;

/** A string literal: quotes doubled, as OData v2 requires. */
export function odataString(value: string): string {
	return `'${String(value).replace(/'/g, "''")}'`;
}

export function isGuid(value: string): boolean {
	return GUID_PATTERN.test(String(value).trim());
}

/** A guid literal; anything that is not a guid is refused rather than quoted. */
export function odataGuid(value: string): string {
	const trimmed = String(value).trim();
	if (!isGuid(trimmed)) throw new Error(`"${value}" is not a valid GUID`);
	return `guid'${trimmed.toLowerCase()}'`;
}

/**
 * A datetime literal in Exact's form: Amsterdam wall-clock time without offset, which is how Exact reads it.
 * An instant (Date, or ISO with offset) is converted; ISO without offset is taken as Amsterdam time already.
 */
export function odataDateTime(value: Date | string): string {
	const local = toExactWallClock(value);
	if (!local) throw new Error(`"${String(value)}" is not a valid date`);
	return `datetime'${formatExactLiteral(local)}'`;
}

/**
 * The literal just after the whole day a value falls on (Amsterdam), for an inclusive "to date" written as
 * `lt`: a To Date of 31 March keeps every row of 31 March, whatever its time of day.
 */
export function odataDayAfter(value: Date | string): string {
	const local = toExactWallClock(value);
	if (!local) throw new Error(`"${String(value)}" is not a valid date`);
	return `datetime'${formatExactLiteral(local.startOf('day').plus({ days: 1 }))}'`;
}

/** An Int64 literal, e.g. a sync Timestamp. */
export function odataInt64(value: string | number | bigint): string {
	const text = String(value).trim();
	if (!/^-?\d+$/.test(text)) throw new Error(`"${text}" is not a whole number`);
	return `${text}L`;
}

export function odataNumber(value: number): string {
	if (!Number.isFinite(value)) throw new Error(`"${value}" is not a number`);
	return String(value);
}

export function odataBoolean(value: boolean): string {
	return value ? 'true' : 'false';
}

function checkField(field: string): string {
	if (!FIELD_PATTERN.test(field)) throw new Error(`"${field}" is not a valid field name`);
	return field;
}

function comparison(operator: string) {
	return (field: string, literal: string): string => `${checkField(field)} ${operator} ${literal}`;
}

export const eq = comparison('eq');
export const ne = comparison('ne');
export const gt = comparison('gt');
export const ge = comparison('ge');
export const lt = comparison('lt');
export const le = comparison('le');

/** `field eq a or field eq b …` in parentheses; an empty list matches nothing. */
export function anyOf(field: string, literals: string[]): string {
	if (literals.length === 0) throw new Error(`anyOf(${field}) needs at least one value`);
	if (literals.length === 1) return eq(field, literals[0]);
	return `(${literals.map((literal) => eq(field, literal)).join(' or ')})`;
}

/** Joins conditions with `and`, skipping empty ones; each part is parenthesised. */
export function and(...parts: string[]): string {
	const present = parts.filter((part) => part && part.trim() !== '');
	if (present.length <= 1) return present[0] ?? '';
	return present.map((part) => `(${part})`).join(' and ');
}

export function or(...parts: string[]): string {
	const present = parts.filter((part) => part && part.trim() !== '');
	if (present.length <= 1) return present[0] ?? '';
	return `(${present.map((part) => `(${part})`).join(' or ')})`;
}

/** substringof('value', Field) eq true: a "contains" search. */
export function contains(field: string, value: string): string {
	return `substringof(${odataString(value)},${checkField(field)}) eq true`;
}

/** Exact stores Account.Code as 18 characters, right-aligned: filters must use the padded form. */
export function padAccountCode(code: string): string {
	const trimmed = String(code).trim();
	if (trimmed.length > 18) throw new Error(`Account code "${trimmed}" is longer than 18 characters`);
	return trimmed.padStart(18, ' ');
}
