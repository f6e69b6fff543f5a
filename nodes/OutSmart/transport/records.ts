import type { IDataObject } from 'n8n-workflow';

import { formatOutSmartDecimal, formatWorkorderDate, formatWorkorderTime, parseOutSmartDate, parseOutSmartDecimal } from './values';

/** Fields whose decimal style the API fixes, per endpoint (materials use commas, hour types dots). */
const DECIMAL_STYLE: Record<string, Record<string, 'comma' | 'dot'>> = {
	materials: { price: 'comma' },
	hourtypes: { sale_price: 'dot', cost_price: 'dot' },
	// "75.00" (lib/schemas/PostPrices.in.json examples).
	prices: { price: 'dot' },
};

const ISO_DATE_FIELDS: Record<string, string[]> = {
	projects: ['date_start', 'date_end'],
	prices: ['date_start', 'date_end'],
};

/** Fields whose null is a value the API documents (a price agreement without an end: `date_end` null). */
const NULLABLE_FIELDS: Record<string, string[]> = {
	prices: ['date_end'],
};

function scalarToString(value: unknown): unknown {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'number') return String(value);
	return value;
}

/** A master-data record as the API wants it: string values, the endpoint's decimal style, Y-m-d dates. */
export function toOutSmartRecord(endpoint: string, record: IDataObject): IDataObject {
	const decimals = DECIMAL_STYLE[endpoint] ?? {};
	const dates = ISO_DATE_FIELDS[endpoint] ?? [];
	const nullable = NULLABLE_FIELDS[endpoint] ?? [];
	const result: IDataObject = {};
	for (const [field, value] of Object.entries(record)) {
		if (nullable.includes(field) && (value === null || value === undefined)) {
			result[field] = null;
		} else if (decimals[field] && value !== '' && value !== null && value !== undefined) {
			const parsed = parseOutSmartDecimal(value as string | number);
			result[field] = parsed === undefined ? value : formatOutSmartDecimal(parsed, decimals[field]);
		} else if (dates.includes(field) && typeof value === 'string' && value !== '') {
			const iso = parseOutSmartDate(value) ?? value;
			result[field] = /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : value;
		} else {
			result[field] = scalarToString(value) as IDataObject[string];
		}
	}
	return result;
}

const WORKORDER_DATE_FIELDS = ['WorkDate', 'WorkEndDate', 'WorkDeadline'];
const WORKORDER_TIME_FIELDS = ['WorkTime', 'WorkEndTime'];

function convertDate(value: unknown): unknown {
	return typeof value === 'string' && value.trim() !== '' ? formatWorkorderDate(value) : scalarToString(value);
}

function convertTime(value: unknown): unknown {
	return typeof value === 'string' && value.trim() !== '' ? formatWorkorderTime(value) : scalarToString(value);
}

function convertMaterial(material: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [field, value] of Object.entries(material)) {
		if ((field === 'MaterialPrice' || field === 'MaterialNr') && typeof value === 'number') {
			result[field] = formatOutSmartDecimal(value, 'comma', field === 'MaterialNr' && Number.isInteger(value) ? 0 : 2);
		} else {
			result[field] = scalarToString(value) as IDataObject[string];
		}
	}
	return result;
}

function convertWorkperiod(period: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [field, value] of Object.entries(period)) {
		if (field === 'WorkDate') result[field] = convertDate(value) as string;
		else if (field === 'BeginTime' || field === 'EndTime' || field === 'TotalTime') result[field] = convertTime(value) as string;
		else result[field] = scalarToString(value) as IDataObject[string];
	}
	return result;
}

/** Material lines as the work-order endpoints want them (comma decimals, string values). */
export function toOutSmartMaterials(materials: IDataObject[]): IDataObject[] {
	return materials.map(convertMaterial);
}

/**
 * A work order as PostWorkorders wants it: ISO dates become d-m-Y, times H:i, numbers strings and
 * material prices comma decimals. Values already in OutSmart's format pass unchanged.
 */
export function toOutSmartWorkorder(record: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [field, value] of Object.entries(record)) {
		if (WORKORDER_DATE_FIELDS.includes(field)) result[field] = convertDate(value) as string;
		else if (WORKORDER_TIME_FIELDS.includes(field)) result[field] = convertTime(value) as string;
		else if (field === 'Materials' && Array.isArray(value)) result[field] = toOutSmartMaterials(value as IDataObject[]);
		else if (field === 'Workperiods' && Array.isArray(value)) result[field] = (value as IDataObject[]).map(convertWorkperiod);
		else if (Array.isArray(value) || (typeof value === 'object' && value !== null)) result[field] = value;
		else result[field] = scalarToString(value) as IDataObject[string];
	}
	return result;
}

const NUMBER_FIELDS = new Set(['MaterialNr', 'MaterialPrice', 'MaterialTotalPrice', 'MinimumHours', 'price', 'sale_price', 'cost_price']);
const DATE_FIELDS = new Set(['WorkDate', 'WorkEndDate', 'WorkDeadline', 'CreationDate', 'timestamp', 'date_start', 'date_end']);

function normaliseValue(field: string, value: unknown): unknown {
	if (Array.isArray(value)) return value.map((entry) => (typeof entry === 'object' && entry !== null ? normaliseOutSmartRecord(entry as IDataObject) : entry));
	if (typeof value === 'object' && value !== null) return normaliseOutSmartRecord(value as IDataObject);
	if (typeof value !== 'string') return value;
	if (NUMBER_FIELDS.has(field)) return parseOutSmartDecimal(value) ?? value;
	if (DATE_FIELDS.has(field)) return parseOutSmartDate(value) ?? value;
	return value;
}

/**
 * A record read from OutSmart with its numbers as numbers ('4,55' → 4.55) and its dates as ISO
 * ('05-03-2026' → '2026-03-05'), nested lines included.
 */
export function normaliseOutSmartRecord(record: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [field, value] of Object.entries(record)) result[field] = normaliseValue(field, value) as IDataObject[string];
	return result;
}
