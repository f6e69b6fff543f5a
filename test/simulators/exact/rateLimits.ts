/**
 * Exact's per app+division budgets: 60 calls per clock minute and 5,000 per UTC day, announced in X-RateLimit-* headers
 * with epoch-ms resets; and the error limit (more than N errors on one endpoint within an hour blocks it for an hour).
 */
import type { SimulatedClock } from '../shared/clock';

export interface RateLimitOptions {
	minuteLimit: number;
	dailyLimit: number;
	errorLimitPerHour: number;
}

export interface RateLimitState {
	division: number;
	minuteLimit: number;
	minuteRemaining: number;
	minuteReset: number;
	dailyLimit: number;
	dailyRemaining: number;
	dailyReset: number;
}

export interface ConsumeResult {
	allowed: boolean;
	headers: Record<string, string>;
	exhausted?: 'minute' | 'day';
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;

interface Counter {
	window: number;
	count: number;
}

export class RateLimiter {
	private readonly minuteCounters = new Map<number, Counter>();
	private readonly dayCounters = new Map<number, Counter>();
	private readonly errors = new Map<string, number[]>();
	private readonly blockedUntil = new Map<string, number>();

	constructor(
		private readonly clock: SimulatedClock,
		readonly options: RateLimitOptions,
	) {}

	private counter(map: Map<number, Counter>, division: number, window: number): Counter {
		const current = map.get(division);
		if (current && current.window === window) return current;
		const fresh = { window, count: 0 };
		map.set(division, fresh);
		return fresh;
	}

	state(division: number): RateLimitState {
		const now = this.clock.now();
		const minuteWindow = Math.floor(now / MINUTE_MS);
		const dayWindow = Math.floor(now / DAY_MS);
		const minute = this.counter(this.minuteCounters, division, minuteWindow);
		const day = this.counter(this.dayCounters, division, dayWindow);
		return {
			division,
			minuteLimit: this.options.minuteLimit,
			minuteRemaining: Math.max(0, this.options.minuteLimit - minute.count),
			minuteReset: (minuteWindow + 1) * MINUTE_MS,
			dailyLimit: this.options.dailyLimit,
			dailyRemaining: Math.max(0, this.options.dailyLimit - day.count),
			dailyReset: (dayWindow + 1) * DAY_MS,
		};
	}

	/** Counts one call; on exhaustion the call is refused and only the headers of the exhausted budget's kind are sent. */
	consume(division: number): ConsumeResult {
		const before = this.state(division);
		if (before.minuteRemaining === 0) {
			return { allowed: false, exhausted: 'minute', headers: minuteHeaders(before) };
		}
		if (before.dailyRemaining === 0) {
			return { allowed: false, exhausted: 'day', headers: { ...dailyHeaders(before), ...minuteHeaders(before) } };
		}
		this.minuteCounters.get(division)!.count++;
		this.dayCounters.get(division)!.count++;
		const after = this.state(division);
		return { allowed: true, headers: { ...dailyHeaders(after), ...minuteHeaders(after) } };
	}

	/** Records a 400/401/403/404 on an endpoint; returns true when this error pushed it over the hourly limit. */
	recordError(endpointKey: string): boolean {
		const now = this.clock.now();
		const recent = (this.errors.get(endpointKey) ?? []).filter((at) => at > now - HOUR_MS);
		recent.push(now);
		this.errors.set(endpointKey, recent);
		if (recent.length > this.options.errorLimitPerHour) {
			this.blockedUntil.set(endpointKey, now + HOUR_MS);
			return true;
		}
		return false;
	}

	/** Epoch ms until which the endpoint is blocked, or undefined. */
	blocked(endpointKey: string): number | undefined {
		const until = this.blockedUntil.get(endpointKey);
		if (until === undefined) return undefined;
		if (until <= this.clock.now()) {
			this.blockedUntil.delete(endpointKey);
			this.errors.delete(endpointKey);
			return undefined;
		}
		return until;
	}

	reset(): void {
		this.minuteCounters.clear();
		this.dayCounters.clear();
		this.errors.clear();
		this.blockedUntil.clear();
	}
}

function minuteHeaders(state: RateLimitState): Record<string, string> {
	return {
		'X-RateLimit-Minutely-Limit': String(state.minuteLimit),
		'X-RateLimit-Minutely-Remaining': String(state.minuteRemaining),
		'X-RateLimit-Minutely-Reset': String(state.minuteReset),
	};
}

function dailyHeaders(state: RateLimitState): Record<string, string> {
	return {
		'X-RateLimit-Limit': String(state.dailyLimit),
		'X-RateLimit-Remaining': String(state.dailyRemaining),
		'X-RateLimit-Reset': String(state.dailyReset),
	};
}
