/**
 * Turns stored rows into Exact's OData v2 verbose JSON: __metadata, /Date(ms)/ dates, Int64 as strings,
 * __deferred navigation properties, and the Atom XML a client gets when it forgets Accept: application/json.
 */
import { toWireMs } from './exactTime';
import type { FieldDefinition } from './schema';
import type { Row } from './store';

/** A stored instant as Exact writes it: Amsterdam wall clock as if UTC (see exactTime.ts for the sources). */
export function formatDate(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	return `/Date(${toWireMs(Number(value))})/`;
}

export function keyLiteral(type: 'Guid' | 'Int32' | 'Int64', key: unknown): string {
	if (type === 'Guid') return `guid'${String(key)}'`;
	if (type === 'Int64') return `${String(key)}L`;
	return String(key);
}

export interface SerializeOptions {
	fields: Map<string, FieldDefinition>;
	select?: string[];
	uri: string;
	typeName: string;
	/** Expanded navigation collections, already serialised as {results, __next?}. */
	expanded?: Record<string, unknown>;
}

function formatValue(field: FieldDefinition, value: unknown): unknown {
	if (field.type === 'DateTime') return formatDate(value);
	if (field.type === 'Int64') return value === null || value === undefined ? null : String(value);
	if (field.type === 'Boolean') return value === null || value === undefined ? false : Boolean(value);
	return value === undefined ? null : value;
}

export function serializeRow(row: Row, options: SerializeOptions): Record<string, unknown> {
	const result: Record<string, unknown> = { __metadata: { uri: options.uri, type: `Exact.Web.Api.Models.${options.typeName}` } };
	const names = options.select && !options.select.includes('*') ? options.select : [...options.fields.keys()];
	for (const name of names) {
		const field = options.fields.get(name);
		if (!field) continue;
		if (field.type === 'Nav') {
			result[name] = options.expanded?.[name] ?? { __deferred: { uri: `${options.uri}/${name}` } };
			continue;
		}
		result[name] = formatValue(field, row[name]);
	}
	return result;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A minimal Atom feed, enough that a client parsing it as JSON fails the way it would against Exact. */
export function toAtomFeed(title: string, entries: Array<Record<string, unknown>>, next?: string): string {
	const body = entries
		.map((entry) => {
			const properties = Object.entries(entry)
				.filter(([name, value]) => name !== '__metadata' && (value === null || typeof value !== 'object'))
				.map(([name, value]) => (value === null ? `<d:${name} m:null="true" />` : `<d:${name}>${escapeXml(String(value))}</d:${name}>`))
				.join('');
			const uri = (entry.__metadata as { uri?: string } | undefined)?.uri ?? '';
			return `<entry><id>${escapeXml(uri)}</id><title type="text" /><content type="application/xml"><m:properties>${properties}</m:properties></content></entry>`;
		})
		.join('');
	const link = next ? `<link rel="next" href="${escapeXml(next)}" />` : '';
	return `<?xml version="1.0" encoding="utf-8" standalone="yes"?><feed xml:base="" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns="http://www.w3.org/2005/Atom"><title type="text">${escapeXml(title)}</title>${body}${link}</feed>`;
}
