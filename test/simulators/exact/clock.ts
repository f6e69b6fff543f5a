/**
 * The simulator's own clock. Every time-based rule reads it, so tests can move time instead of waiting.
 * It advances with real time multiplied by timeScale (0 = frozen, only advance() moves it).
 */
export class SimulatedClock {
	private baseSimulated: number;
	private baseReal: number;

	constructor(
		startTime: number,
		private readonly timeScale: number,
	) {
		this.baseSimulated = startTime;
		this.baseReal = Date.now();
	}

	now(): number {
		const elapsedReal = Date.now() - this.baseReal;
		return Math.floor(this.baseSimulated + elapsedReal * this.timeScale);
	}

	advance(ms: number): number {
		if (!Number.isFinite(ms) || ms < 0) throw new Error('The clock only moves forward by a finite number of milliseconds');
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

export const DEFAULT_START_TIME = Date.UTC(2026, 10, 2, 7, 0, 0);
