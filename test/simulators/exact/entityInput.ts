/**
 * Reads a POST/PUT body the way Exact's OData layer does: unknown properties are refused, values must convert
 * to the field's Edm type, read-only fields are ignored, and fixed-width codes are padded.
 */
import { fromWallClock, fromWireMs } from './exactTime';
import { ApiError } from './httpUtils';
import { padCode } from './padding';
import type { EntityDefinition, FieldDefinition } from './schema';
import type { Row } from './store';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function parseJsonObject(body: Buffer): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch {
		throw new ApiError(400, 'Error processing request stream. JSON text specified is not valid.');
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new ApiError(400, 'Error processing request stream. The request should be a valid top-level resource object.');
	}
	return parsed as Record<string, unknown>;
}

function conversionError(field: FieldDefinition, typeName: string): ApiError {
	const target = field.type === 'Binary' ? 'Byte[]' : field.type;
	return new ApiError(
		400,
		`Error processing request stream. Error encountered in converting the value from request payload for property '${field.name}' to type '${target === 'Guid' ? 'System.Guid' : target}', which is the property's expected type on '${typeName}'.`,
	);
}

/**
 * Accepts ISO dates and '/Date(ms)/' (both without offset read as Amsterdam wall-clock time, as Exact reads
 * them: exactonline-api-dotnet-client PR #24), ISO with an offset as that instant, and null.
 */
export function parseDateInput(value: unknown): number | null | undefined {
	if (value === null) return null;
	if (typeof value !== 'string') return undefined;
	const wrapped = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
	if (wrapped) return fromWireMs(Number(wrapped[1]));
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
	if (!iso) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = iso;
	const millisecond = Math.floor(Number(`0.${fraction}`) * 1000);
	if (!zone) return fromWallClock({ year: +year, month: +month, day: +day, hour: +hour, minute: +minute, second: +second, millisecond });
	let ms = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, millisecond);
	if (zone !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
	}
	return ms;
}

export function convertValue(field: FieldDefinition, value: unknown, typeName: string): unknown {
	if (value === null) return null;
	switch (field.type) {
		case 'Guid':
			if (typeof value !== 'string' || !GUID.test(value)) throw conversionError(field, typeName);
			return value.toLowerCase();
		case 'String':
			if (typeof value !== 'string') throw conversionError(field, typeName);
			return value;
		case 'Boolean':
			if (typeof value !== 'boolean') throw conversionError(field, typeName);
			return value;
		case 'Int16':
		case 'Int32':
		case 'Byte':
		case 'Int64': {
			const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
			if (typeof number !== 'number' || !Number.isInteger(number)) throw conversionError(field, typeName);
			return number;
		}
		case 'Double': {
			const number = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) throw conversionError(field, typeName);
			return number;
		}
		case 'DateTime': {
			const date = parseDateInput(value);
			if (date === undefined) throw conversionError(field, typeName);
			return date;
		}
		case 'Binary':
			if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) throw conversionError(field, typeName);
			return value;
		default:
			return value;
	}
}

/**
 * Converts the writable properties of a body into stored values. Navigation collections are returned separately
 * (they must be arrays); read-only fields are dropped, as Exact ignores them.
 */
export function readEntityInput(
	definition: EntityDefinition,
	body: Record<string, unknown>,
	options: { allowKey: boolean } = { allowKey: true },
): { values: Row; collections: Record<string, unknown[]> } {
	const typeName = `Exact.Web.Api.Models.${definition.typeName}`;
	const values: Row = {};
	const collections: Record<string, unknown[]> = {};
	for (const [name, value] of Object.entries(body)) {
		if (name === '__metadata') continue;
		const field = definition.fields.get(name);
		if (!field) {
			throw new ApiError(400, `Error processing request stream. The property name '${name}' specified for type '${typeName}' is not valid.`);
		}
		if (field.type === 'Nav') {
			if (!Array.isArray(value)) {
				throw new ApiError(400, 'Error processing request stream. The request should be a valid top-level resource object.');
			}
			collections[name] = value;
			continue;
		}
		if (field.readOnly || (name === definition.key && !options.allowKey)) continue;
		const converted = convertValue(field, value, typeName);
		const padding = definition.padded?.[name];
		values[name] = padding && typeof converted === 'string' ? padCode(converted, padding.width, padding.align) : converted;
	}
	return { values, collections };
}

export function requireFields(definition: EntityDefinition, values: Row, names: string[]): void {
	for (const name of names) {
		const value = values[name];
		if (value === undefined || value === null || value === '') {
			throw new ApiError(400, `Mandatory: ${name} (${definition.typeName})`);
		}
	}
}

export function isGuid(value: unknown): value is string {
	return typeof value === 'string' && GUID.test(value);
}
