import { DateTime } from 'luxon';

/**
 * Exact Online keeps time as Dutch wall-clock time. `/Date(ms)/` is Amsterdam wall-clock time encoded as if it
 * were UTC (date-only fields arrive as exact UTC midnights), and `datetime'…'` literals are read as Amsterdam
 * time. Everything here takes the zone explicitly, so the host's own time zone never matters.
 */
export const EXACT_TIME_ZONE = 'Europe/Amsterdam';

/** Fields that hold a moment even when it falls on midnight; other midnight values are dates. */
const TIME_FIELD_PATTERN = /^(Created|Modified|DeletedDate|.*Time|.*DateTime|.*On)$/;

function wallClock(wireMs: number, zone: string): DateTime {
	const wall = DateTime.fromMillis(wireMs, { zone: 'utc' });
	return DateTime.fromObject(
		{ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, millisecond: wall.millisecond },
		{ zone },
	);
}

/**
 * Exact's `/Date(ms)/` number as a value people can use: a plain `YYYY-MM-DD` for a date (midnight, in a field
 * that is not a time), otherwise the real instant with its offset, e.g. `2024-03-31T14:00:00+02:00`.
 */
export function fromExactDate(wireMs: number, fieldName = '', zone = EXACT_TIME_ZONE): string {
	const local = wallClock(wireMs, zone);
	const midnight = local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0;
	if (midnight && !TIME_FIELD_PATTERN.test(fieldName)) return local.toISODate() as string;
	return local.toISO({ suppressMilliseconds: true }) as string;
}

const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The Amsterdam wall-clock time (`yyyy-MM-ddTHH:mm:ss`) Exact reads a literal as. A value with an offset (or a
 * Date) is converted; a value without one, such as n8n's date picker gives, already is Exact's local time.
 */
export function toExactWallClock(value: Date | string, zone = EXACT_TIME_ZONE): DateTime | undefined {
	const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : String(value).trim();
	const parsed = OFFSET_PATTERN.test(text) ? DateTime.fromISO(text, { setZone: true }).setZone(zone) : DateTime.fromISO(text, { zone });
	// Exact's DateTime ends at year 9999 (SQL Server datetime); a later wall-clock time is no date it can take.
	return parsed.isValid && parsed.year >= 1 && parsed.year <= 9999 ? parsed : undefined;
}

/**
 * The literal text of a wall-clock time, without offset; milliseconds only when there are any, so that
 * `Modified gt` a value read from Exact does not return that same record again.
 */
export function formatExactLiteral(local: DateTime): string {
	return local.toFormat(local.millisecond === 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.SSS");
}

/** An ISO time Exact wrote without offset (Amsterdam wall clock, e.g. a webhook's EventCreatedOn) as an instant with offset. */
export function fromExactLocalIso(text: string, zone = EXACT_TIME_ZONE): string {
	const local = toExactWallClock(text, zone);
	return local ? (local.toISO({ suppressMilliseconds: true }) as string) : text;
}
