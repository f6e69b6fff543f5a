import { sleep } from 'n8n-workflow';

/**
 * Time as the transports see it. Waiting for a rate-limit window is the only place the nodes wait, and
 * tests and benchmarks replace this clock with a simulated one so an hour of Exact traffic runs in
 * seconds. Production code never changes it.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await sleep(ms),
};

let activeClock: Clock = realClock;

export function getClock(): Clock {
	return activeClock;
}

/** For tests and benchmarks only: run the transports on another clock (pass nothing to restore the real one). */
export function useClock(clock?: Clock): void {
	activeClock = clock ?? realClock;
}
