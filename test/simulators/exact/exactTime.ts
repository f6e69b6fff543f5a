/**
 * Exact's clock: rows hold real instants (epoch ms), the wire speaks Amsterdam wall-clock time.
 * `/Date(ms)/` is Amsterdam wall-clock time encoded as if it were UTC: date-only fields arrive as exact UTC
 * midnights (exactonline-api-dotnet-client test/…/Json/Response_Json_Object_SalesInvoice.txt) and Exact's API
 * desk confirmed GET shifts `Modified` by the local offset (exactonline-api-dotnet-client PR #24).
 * `datetime'…'` literals and ISO values without an offset are read as Amsterdam time (same PR; ours for the
 * POST body, unconfirmed).
 */
import { DateTime } from 'luxon';

export const EXACT_TIME_ZONE = 'Europe/Amsterdam';

/** A stored instant as the wire number: Amsterdam wall clock read as if UTC. */
export function toWireMs(instant: number): number {
	return instant + DateTime.fromMillis(instant, { zone: EXACT_TIME_ZONE }).offset * 60_000;
}

/** The instant of an Amsterdam wall-clock time given as fields (or as a wire number). */
export function fromWallClock(parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; millisecond?: number }): number {
	return DateTime.fromObject(parts, { zone: EXACT_TIME_ZONE }).toMillis();
}

export function fromWireMs(wire: number): number {
	const wall = DateTime.fromMillis(wire, { zone: 'utc' });
	return fromWallClock({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, millisecond: wall.millisecond });
}

/** Midnight in Amsterdam of the day an instant falls on: how Exact stores a date-only value. */
export function startOfExactDay(instant: number): number {
	return DateTime.fromMillis(instant, { zone: EXACT_TIME_ZONE }).startOf('day').toMillis();
}

/** The same Amsterdam wall-clock time some calendar days later (a day is not 24 h across a DST change). */
export function addExactDays(instant: number, days: number): number {
	return DateTime.fromMillis(instant, { zone: EXACT_TIME_ZONE }).plus({ days }).toMillis();
}

/** The server's offset from UTC in seconds at an instant (current/Me ServerUtcOffset; 3600 in winter, 7200 in summer). */
export function amsterdamOffsetSeconds(instant: number): number {
	return DateTime.fromMillis(instant, { zone: EXACT_TIME_ZONE }).offset * 60;
}
