/**
 * The terms a Get Many's Filters collection adds to its $filter, each from one chosen value: a value left
 * empty adds nothing, and every value goes through a typed literal (transport/odata.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { and, contains, eq, ge, odataDateTime, odataGuid, odataString } from '../../transport';

/** One filter: its $filter term for the chosen values, or undefined when it was not chosen. */
export type FilterTerm = (filters: IDataObject) => string | undefined;

/** A filter's text, trimmed once here ('' when not given). */
function given(filters: IDataObject, name: string): string {
	const value = filters[name];
	return typeof value === 'string' ? value.trim() : '';
}

/** `field eq <value>`, written by `literal` (a string literal unless told). */
export function equalTo(name: string, field: string, literal: (value: string) => string = odataString): FilterTerm {
	return (filters) => (given(filters, name) ? eq(field, literal(given(filters, name))) : undefined);
}

/** `field eq guid'<value>'`: a record's ID, refused when it is not a GUID. */
export function sameId(name: string, field: string): FilterTerm {
	return equalTo(name, field, odataGuid);
}

/** The text appears in the field. */
export function containing(name: string, field: string): FilterTerm {
	return (filters) => (given(filters, name) ? contains(field, given(filters, name)) : undefined);
}

/** At or after the moment chosen (Exact's Amsterdam wall-clock time). */
export function since(name: string, field: string): FilterTerm {
	return (filters) => (given(filters, name) ? ge(field, odataDateTime(given(filters, name))) : undefined);
}

/** A fixed term when the filter has this value (e.g. a switch that is on). */
export function whenSet(name: string, value: unknown, term: string): FilterTerm {
	return (filters) => (filters[name] === value ? term : undefined);
}

/** The $filter of all the terms chosen, joined with `and`; undefined when none is. */
export function allOf(...terms: FilterTerm[]): (filters: IDataObject) => string | undefined {
	return (filters) => and(...terms.map((term) => term(filters) ?? '')) || undefined;
}
