/** Starts the OutSmart simulator and an n8n engine harness pointed at it, with a clock that never really waits. */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
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
