import { parseOutSmartDate, parseOutSmartDecimal } from '../../OutSmart/transport/values';

/**
 * Reading OutSmart's string values. OutSmart sends everything as text: decimals with a comma or a dot
 * ("4,55", "50.00"), dates as d-m-Y, durations as H:i. These helpers turn them into numbers and ISO
 * dates, and say `undefined` rather than guess when a value cannot be read. Decimals and dates go through
 * the OutSmart transport's parsers, so both nodes read values the same way.
 */

/** A decimal written with a comma or a dot (and possibly thousands dots, "1.234,50"). */
export function parseDecimalText(value: unknown): number | undefined {
	return typeof value === 'string' || typeof value === 'number' ? parseOutSmartDecimal(value) : undefined;
}

/** d-m-Y (OutSmart work orders) or Y-m-d, with or without a time, to the calendar day Y-m-d. */
export function toIsoDate(value: unknown): string | undefined {
	return typeof value === 'string' ? parseOutSmartDate(value)?.slice(0, 10) : undefined;
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

/** Whether a Y-m-d date falls in a period whose ends are Y-m-d or '' (open), both ends included. */
export function dateInRange(date: string, start: string, end: string): boolean {
	return (start === '' || start <= date) && (end === '' || date <= end);
}
