import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { useClock } from '../../nodes/shared/clock';
import { configureExactLimits, resetRateLimitStates, resetTokenTracking } from '../../nodes/ExactOnline/transport';
import { exactCredentials, WorkflowHarness } from '../harness';
import type { ExactSimulator, ExactSimulatorOptions } from '../simulators/exact';
import { startExactSimulator } from '../simulators/exact';

export interface ExactTestBed {
	sim: ExactSimulator;
	harness: WorkflowHarness;
	division: { __rl: true; mode: 'id'; value: string };
	/** Runs the Exact Online node once on the given items. */
	run(parameters: IDataObject, input?: IDataObject[] | INodeExecutionData[], options?: { continueOnFail?: boolean }): ReturnType<WorkflowHarness['runNode']>;
	close(): Promise<void>;
}

/**
 * A frozen-clock simulator, the transport on the simulator's clock (so rate-limit waits and hours of
 * token life pass in milliseconds), and an n8n engine harness with a connected credential.
 */
export async function startTestBed(options: ExactSimulatorOptions = {}): Promise<ExactTestBed> {
	const sim = await startExactSimulator({ timeScale: 0, ...options });
	useClock({ now: () => sim.clock.now(), sleep: async (ms: number) => void sim.clock.advance(ms) });
	resetRateLimitStates();
	resetTokenTracking();
	configureExactLimits();
	const harness = new WorkflowHarness({ exactOnlineOAuth2Api: exactCredentials(sim.info, await sim.connect()) });
	const division = { __rl: true as const, mode: 'id' as const, value: String(sim.info.division) };
	return {
		sim,
		harness,
		division,
		run: async (parameters, input = [{}], runOptions = {}) =>
			await harness.runNode({ type: 'exactOnline', parameters: { division, ...parameters }, continueOnFail: runOptions.continueOnFail }, input),
		close: async () => {
			useClock();
			configureExactLimits();
			await sim.close();
		},
	};
}
