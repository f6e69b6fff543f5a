/** The OutSmart simulator and an n8n engine harness pointed at it, with a clock that never really waits. */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import type { WorkflowHarness } from '../harness';
import { startTestBed as startBed, useStarted } from '../harness/testBed';
import type { OutSmartSimulator } from '../simulators/outsmart';

export interface OutSmartTestBed {
	sim: OutSmartSimulator;
	harness: WorkflowHarness;
	/** Every wait the transport asked for (retry backoff), in ms. */
	sleeps: number[];
	close(): Promise<void>;
}

/** The one test bed with the OutSmart side only, its clock frozen; transport waits are recorded, not slept. */
export async function startTestBed(options: { workorderCount?: number } = {}): Promise<OutSmartTestBed> {
	const bed = await startBed({ exact: false, outSmart: { workorderCount: options.workorderCount }, waits: 'record' });
	return { sim: bed.outSmart, harness: bed.harness, sleeps: bed.sleeps, close: bed.close };
}

/**
 * The bed of one test file: started before its tests and closed after them, with faults, recorded calls and
 * recorded waits cleared before each test. Read it like the bed itself (`bed.sim`, `bed.harness`).
 */
export function useTestBed(options: { workorderCount?: number } = {}): OutSmartTestBed {
	return useStarted(
		async () => await startTestBed(options),
		(bed) => {
			bed.sim.clearFaults();
			bed.sim.resetCalls();
			bed.sleeps.length = 0;
		},
	);
}

/** Query parameters of a recorded call. */
export function queryOf(call: { query: string }): URLSearchParams {
	return new URLSearchParams(call.query);
}

/** A workflow of the OutSmart Trigger (with these parameters) followed by one node, for polling tests. */
export function triggerWorkflow(parameters: IDataObject): IWorkflowBase {
	return {
		id: 'outsmart-trigger-test',
		name: 'OutSmart trigger test',
		active: true,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'trigger',
				name: 'OutSmart Trigger',
				type: 'n8n-nodes-exact-outsmart.outSmartTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { event: 'workorderReachedStatus', ...parameters } as IWorkflowBase['nodes'][number]['parameters'],
			},
			{ id: 'next', name: 'Next', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
		],
		connections: { 'OutSmart Trigger': { main: [[{ node: 'Next', type: 'main', index: 0 }]] } },
	};
}
