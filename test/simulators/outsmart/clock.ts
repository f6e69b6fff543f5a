/** A simulated clock: runs at `timeScale` times real time from `startTime`, and can be moved forward by tests. */
export interface SimulatedClock {
	now(): number;
	advance(ms: number): void;
}

export function createClock(options: { startTime?: number; timeScale?: number } = {}): SimulatedClock {
	const startTime = options.startTime ?? Date.now();
	const timeScale = options.timeScale ?? 1;
	const realStart = Date.now();
	let offset = 0;
	return {
		now: () => startTime + offset + (Date.now() - realStart) * timeScale,
		advance: (ms: number) => {
			if (!Number.isFinite(ms) || ms < 0) throw new Error(`Cannot advance the clock by ${ms} ms`);
			offset += ms;
		},
	};
}
