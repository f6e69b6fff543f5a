/**
 * The simulated clock both simulators run on. Every time-based rule reads it, so tests move time instead of
 * waiting: it runs at `timeScale` times real time from `startTime` (0 = frozen, only advance() and set() move it).
 */

/** Both simulators' default start (2 November 2026 07:00 UTC), so the two sandboxes agree on "now". */
export const DEFAULT_START_TIME = Date.UTC(2026, 10, 2, 7, 0, 0);

export class SimulatedClock {
	private baseSimulated: number;
	private baseReal: number;

	constructor(
		startTime: number = DEFAULT_START_TIME,
		private readonly timeScale: number = 1,
	) {
		this.baseSimulated = startTime;
		this.baseReal = Date.now();
	}

	now(): number {
		return Math.floor(this.baseSimulated + (Date.now() - this.baseReal) * this.timeScale);
	}

	/** Moves forward; returns the new time. */
	advance(ms: number): number {
		if (!Number.isFinite(ms) || ms < 0) throw new Error(`Cannot advance the clock by ${ms} ms: it only moves forward`);
		this.baseSimulated = this.now() + ms;
		this.baseReal = Date.now();
		return this.baseSimulated;
	}

	set(epochMs: number): number {
		this.baseSimulated = epochMs;
		this.baseReal = Date.now();
		return epochMs;
	}

	get scale(): number {
		return this.timeScale;
	}
}
