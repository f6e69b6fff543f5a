/** Starts the OutSmart simulator and an n8n engine harness pointed at it, with a clock that never really waits. */
import { useClock } from '../../nodes/shared/clock';
import { configureOutSmartTransport } from '../../nodes/OutSmart/transport';
import { WorkflowHarness, outSmartCredentials } from '../harness';
import { startOutSmartSimulator, type OutSmartSimulator } from '../simulators/outsmart';

export interface OutSmartTestBed {
	sim: OutSmartSimulator;
	harness: WorkflowHarness;
	/** Every wait the transport asked for (retry backoff), in ms. */
	sleeps: number[];
	close(): Promise<void>;
}

export async function startTestBed(options: { workorderCount?: number } = {}): Promise<OutSmartTestBed> {
	const sim = await startOutSmartSimulator({ port: 0, workorderCount: options.workorderCount });
	const sleeps: number[] = [];
	useClock({ now: () => sim.clock.now(), sleep: async (ms) => void sleeps.push(ms) });
	configureOutSmartTransport({ timeoutMs: 5_000, retryDelaysMs: [10, 20, 40] });
	const harness = new WorkflowHarness({ outSmartApi: outSmartCredentials(sim.info) });
	return {
		sim,
		harness,
		sleeps,
		close: async () => {
			useClock();
			configureOutSmartTransport();
			await sim.close();
		},
	};
}

/** Query parameters of a recorded call. */
export function queryOf(call: { query: string }): URLSearchParams {
	return new URLSearchParams(call.query);
}
