import { getClock } from '../../shared/clock';

/**
 * Exact's limits per app and division: 60 calls per clock minute and a daily budget (5,000 for new
 * apps). Every response carries the remaining counts; they are the truth even when other n8n workers
 * spend the same budget, so pacing follows the last headers seen rather than a local counter alone.
 */
export interface ExactLimitSettings {
	/** Daily calls kept back: the node refuses to start a call when no more than this many are left. */
	dailyReserve: number;
	/** How many 429 answers one request may wait out before giving up. */
	maxRateLimitRetries: number;
	/** Retries of a read after a timeout or 5xx. */
	maxReadRetries: number;
	/** First backoff of a read retry; doubles each time. */
	readRetryBaseMs: number;
	/** How long one HTTP exchange may take before it counts as a timeout (a read is retried, a write is not). */
	requestTimeoutMs: number;
}

const defaults: ExactLimitSettings = {
	dailyReserve: 50,
	maxRateLimitRetries: 5,
	maxReadRetries: 3,
	readRetryBaseMs: 1000,
	requestTimeoutMs: 120_000,
};

let settings: ExactLimitSettings = { ...defaults };

export function getExactLimitSettings(): ExactLimitSettings {
	return settings;
}

/** Adjust the limits (tests and deployments with a larger daily allowance); pass nothing to reset. */
export function configureExactLimits(changes?: Partial<ExactLimitSettings>): void {
	settings = changes ? { ...settings, ...changes } : { ...defaults };
}

export interface RateLimitState {
	minutelyLimit?: number;
	minutelyRemaining?: number;
	/** Server time (epoch ms) at which the minute window resets. */
	minutelyReset?: number;
	dailyLimit?: number;
	dailyRemaining?: number;
	dailyReset?: number;
	/** Server clock minus local clock, from the Date header; 0 when unknown. */
	serverOffsetMs: number;
}

const states = new Map<string, RateLimitState>();

/** A margin after a reset so the next call lands in the new window, not on its edge. */
const RESET_MARGIN_MS = 250;
/** A minute window never lasts longer than this; a larger wait means clocks disagree. */
const MAX_MINUTE_WAIT_MS = 61_000;

export function getRateLimitState(laneKey: string): RateLimitState {
	let state = states.get(laneKey);
	if (!state) {
		state = { serverOffsetMs: 0 };
		states.set(laneKey, state);
	}
	return state;
}

/** Forget every lane's state (tests). */
export function resetRateLimitStates(): void {
	states.clear();
}

type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
	const lower = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === lower) return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

function numberHeader(headers: Headers, name: string): number | undefined {
	const value = header(headers, name);
	if (value === undefined || value.trim() === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

function serverNow(state: RateLimitState): number {
	return getClock().now() + state.serverOffsetMs;
}

/** Remember what the server said about the budgets. */
export function recordRateLimitHeaders(laneKey: string, headers: Headers | undefined): void {
	if (!headers) return;
	const state = getRateLimitState(laneKey);
	const date = header(headers, 'date');
	if (date) {
		const serverTime = Date.parse(date);
		if (Number.isFinite(serverTime)) state.serverOffsetMs = serverTime - getClock().now();
	}
	const minutelyRemaining = numberHeader(headers, 'x-ratelimit-minutely-remaining');
	if (minutelyRemaining !== undefined) {
		state.minutelyRemaining = minutelyRemaining;
		state.minutelyReset = numberHeader(headers, 'x-ratelimit-minutely-reset') ?? state.minutelyReset;
		state.minutelyLimit = numberHeader(headers, 'x-ratelimit-minutely-limit') ?? state.minutelyLimit;
	}
	const dailyRemaining = numberHeader(headers, 'x-ratelimit-remaining');
	if (dailyRemaining !== undefined) {
		state.dailyRemaining = dailyRemaining;
		state.dailyReset = numberHeader(headers, 'x-ratelimit-reset') ?? state.dailyReset;
		state.dailyLimit = numberHeader(headers, 'x-ratelimit-limit') ?? state.dailyLimit;
	}
}

/** Milliseconds to wait until the minute window resets (0 if the budget is not spent). */
export function minuteWaitMs(laneKey: string, force = false): number {
	const state = getRateLimitState(laneKey);
	if (!force && (state.minutelyRemaining === undefined || state.minutelyRemaining > 0)) return 0;
	if (state.minutelyReset === undefined) return force ? MAX_MINUTE_WAIT_MS : 0;
	const wait = state.minutelyReset - serverNow(state);
	if (wait <= 0) return force ? RESET_MARGIN_MS : 0;
	return Math.min(wait + RESET_MARGIN_MS, MAX_MINUTE_WAIT_MS);
}

/** Sleep (on the transport clock) until the minute budget is available again. */
export async function waitForMinuteBudget(laneKey: string, force = false): Promise<number> {
	const wait = minuteWaitMs(laneKey, force);
	if (wait > 0) {
		await getClock().sleep(wait);
		const state = getRateLimitState(laneKey);
		// The new window's count is unknown until the next response tells it.
		state.minutelyRemaining = undefined;
	}
	return wait;
}

export interface DailyBudgetRefusal {
	remaining: number;
	reserve: number;
	resetsAt: string;
}

/** Whether the daily budget is down to the reserve (and has not reset since it was seen). */
export function dailyBudgetRefusal(laneKey: string, { ignoreReserve = false } = {}): DailyBudgetRefusal | undefined {
	const state = getRateLimitState(laneKey);
	if (state.dailyRemaining === undefined) return undefined;
	if (state.dailyReset !== undefined && serverNow(state) >= state.dailyReset) {
		state.dailyRemaining = undefined;
		return undefined;
	}
	const reserve = ignoreReserve ? 0 : settings.dailyReserve;
	if (state.dailyRemaining > reserve) return undefined;
	return {
		remaining: state.dailyRemaining,
		reserve,
		resetsAt: state.dailyReset !== undefined ? new Date(state.dailyReset).toISOString() : 'an unknown time',
	};
}

/** Whether a 429 came from the daily limit (the minute headers say calls are left, the daily do not). */
export function isDailyLimitHit(laneKey: string): boolean {
	const state = getRateLimitState(laneKey);
	return state.dailyRemaining !== undefined && state.dailyRemaining <= 0 && (state.minutelyRemaining ?? 1) > 0;
}
