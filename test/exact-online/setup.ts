import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { WorkflowHarness } from '../harness';
import { startTestBed as startBed } from '../harness/testBed';
import type { ExactSimulator, ExactSimulatorOptions } from '../simulators/exact';

export interface ExactTestBed {
	sim: ExactSimulator;
	harness: WorkflowHarness;
	division: { __rl: true; mode: 'id'; value: string };
	/** Runs the Exact Online node once on the given items. */
	run(parameters: IDataObject, input?: IDataObject[] | INodeExecutionData[], options?: { continueOnFail?: boolean }): ReturnType<WorkflowHarness['runNode']>;
	close(): Promise<void>;
}

/**
 * The one test bed with the Exact side only: a frozen-clock simulator, the transport on the simulator's
 * clock (so rate-limit waits and hours of token life pass in milliseconds), and an n8n engine harness with a
 * connected credential.
 */
export async function startTestBed(options: ExactSimulatorOptions = {}): Promise<ExactTestBed> {
	const bed = await startBed({ exact: options, outSmart: false });
	const { exact: sim, harness } = bed;
	const division = { __rl: true as const, mode: 'id' as const, value: String(sim.info.division) };
	return {
		sim,
		harness,
		division,
		run: async (parameters, input = [{}], runOptions = {}) =>
			await harness.runNode({ type: 'exactOnline', parameters: { division, ...parameters }, continueOnFail: runOptions.continueOnFail }, input),
		close: bed.close,
	};
}
