/**
 * A simulated clock, the same as the Exact simulator's: runs at `timeScale` times real time from `startTime`
 * (0 = frozen, only advance() moves it), so tests move time instead of waiting.
 */
export interface SimulatedClock {
	now(): number;
	/** Moves forward; returns the new time. */
	advance(ms: number): number;
}

/** The Exact simulator's default start, so both sandboxes agree on "now". */
export const DEFAULT_START_TIME = Date.UTC(2026, 10, 2, 7, 0, 0);

export function createClock(options: { startTime?: number; timeScale?: number } = {}): SimulatedClock {
	const timeScale = options.timeScale ?? 1;
	let baseSimulated = options.startTime ?? DEFAULT_START_TIME;
	let baseReal = Date.now();
	const now = (): number => Math.floor(baseSimulated + (Date.now() - baseReal) * timeScale);
	return {
		now,
		advance: (ms: number) => {
			if (!Number.isFinite(ms) || ms < 0) throw new Error(`Cannot advance the clock by ${ms} ms: it only moves forward`);
			baseSimulated = now() + ms;
			baseReal = Date.now();
			return baseSimulated;
		},
	};
}
