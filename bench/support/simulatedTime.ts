import path from 'node:path';
import { useClock } from '../../nodes/shared/clock';

/** The clock a benchmark runs on: the Exact simulator's, which only moves when something waits or is charged. */
export interface BenchClock {
	now(): number;
	advance(ms: number): void;
}

type SleepModule = { sleep: (ms: number, signal?: AbortSignal) => Promise<void> };

function n8nSleepModule(): SleepModule {
	const corePath = path.dirname(require.resolve('n8n-core'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve('@n8n/utils/sleep', { paths: [corePath] })) as SleepModule;
}

/**
 * Puts every wait on the simulated clock: our transports' (through `useClock`) and n8n-core's own sleep, which
 * the HTTP Request node's pagination interval uses. Returns a function that restores real time.
 */
export function runOnSimulatedTime(clock: BenchClock): () => void {
	const sleep = async (ms: number) => {
		if (Number.isFinite(ms) && ms > 0) clock.advance(ms);
	};
	useClock({ now: () => clock.now(), sleep });
	const sleepModule = n8nSleepModule();
	const originalSleep = sleepModule.sleep;
	sleepModule.sleep = sleep;
	return () => {
		useClock();
		sleepModule.sleep = originalSleep;
	};
}
