/** Value formats of the OutSmart OpenAPI: Dutch local time, d-m-Y work-order dates, comma decimals for materials. */

const TIME_ZONE = 'Europe/Amsterdam';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

interface LocalParts {
	year: string;
	month: string;
	day: string;
	hour: string;
	minute: string;
	second: string;
}

function localParts(ms: number): LocalParts {
	const parts: Record<string, string> = {};
	for (const part of partsFormatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** 'd-m-Y', the work-order date format since 12-06-2018. */
export function formatWorkDate(ms: number): string {
	const p = localParts(ms);
	return `${p.day}-${p.month}-${p.year}`;
}

/** 'H:i'. */
export function formatWorkTime(ms: number): string {
	const p = localParts(ms);
	return `${p.hour}:${p.minute}`;
}

/** 'Y-m-d H:i', as CreationDate. */
export function formatCreationDate(ms: number): string {
	const p = localParts(ms);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 'Y-m-d H:i:s', as the status-change timestamps. */
export function formatTimestamp(ms: number): string {
	const p = localParts(ms);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** 'Y-m-d', as project dates. */
export function formatIsoDate(ms: number): string {
	const p = localParts(ms);
	return `${p.year}-${p.month}-${p.day}`;
}

/** True for a real calendar date written as d-m-Y (two-digit day and month). */
export function isValidWorkDate(value: string): boolean {
	const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
	if (!match) return false;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a real calendar date written as Y-m-d. */
export function isValidIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	return match !== null && isValidWorkDate(`${match[3]}-${match[2]}-${match[1]}`);
}

/** True for 'H:i' between 00:00 and 23:59. */
export function isValidWorkTime(value: string): boolean {
	const match = /^(\d{2}):(\d{2})$/.exec(value);
	return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

/** Minutes since midnight of an 'H:i' time. */
export function minutesOfWorkTime(value: string): number {
	const [hours, minutes] = value.split(':').map(Number);
	return hours * 60 + minutes;
}

/** Minutes as 'H:i' duration, e.g. 150 -> '02:30'. */
export function formatDuration(minutes: number): string {
	const safe = Math.max(0, Math.round(minutes));
	return `${String(Math.floor(safe / 60)).padStart(2, '0')}:${String(safe % 60).padStart(2, '0')}`;
}

/** Parses '4,55', '4.55', '1.234,50' or a number; undefined when it is not a number. */
export function parseDecimal(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	let text = value.trim();
	if (text === '') return undefined;
	if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
	return Number(text);
}

/** '4,55': how the API writes material prices and quantities. */
export function formatCommaDecimal(value: number, decimals = 2): string {
	return value.toFixed(decimals).replace('.', ',');
}

/** '50.00': how the API writes hour-type prices. */
export function formatDotDecimal(value: number, decimals = 2): string {
	return value.toFixed(decimals);
}

/** Any JSON scalar as the string the API would store; objects and arrays are refused by the caller. */
export function toApiString(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? '1' : '0';
	return String(value);
}
