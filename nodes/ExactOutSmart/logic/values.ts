/**
 * Reading OutSmart's string values. OutSmart sends everything as text: decimals with a comma or a dot
 * ("4,55", "50.00"), dates as d-m-Y, durations as H:i. These helpers turn them into numbers and ISO
 * dates, and say `undefined` rather than guess when a value cannot be read.
 */

/** A decimal written with a comma or a dot (and possibly thousands dots, "1.234,50"). */
export function parseDecimalText(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	let text = value.trim();
	if (text === '') return undefined;
	if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
	return Number(text);
}

/** d-m-Y (OutSmart work orders) or Y-m-d (other endpoints) to Y-m-d; undefined for anything else. */
export function toIsoDate(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const dayFirst = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
	const yearFirst = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	let year: number, month: number, day: number;
	if (dayFirst) [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
	else if (yearFirst) [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
	else return undefined;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return date.toISOString().slice(0, 10);
}

/** A duration written as H:i (or H:i:s) to whole minutes. */
export function durationToMinutes(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{1,4}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (!match || Number(match[2]) > 59) return undefined;
	return Number(match[1]) * 60 + Number(match[2]);
}

/** Exact pads some codes with spaces (account codes to 18, VAT codes to 3): compare them trimmed. */
export function trimCode(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * factor) / factor;
}
