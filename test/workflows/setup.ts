/**
 * Both simulators, an n8n engine harness with only the two credentials filled in, and the transports on
 * the Exact simulator's frozen clock: rate-limit waits and hours between polls pass without real waiting.
 */
import path from 'node:path';
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { configureExactLimits, resetRateLimitStates, resetTokenTracking } from '../../nodes/ExactOnline/transport';
import { configureOutSmartTransport } from '../../nodes/OutSmart/transport';
import { useClock } from '../../nodes/shared/clock';
import { exactCredentials, outSmartCredentials, WorkflowHarness } from '../harness';
import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from '../simulators/exact';
import { startOutSmartSimulator, type OutSmartSimulator } from '../simulators/outsmart';

export const WORKFLOWS_DIR = path.resolve(__dirname, '..', '..', 'workflows');

/** A template exactly as shipped. */
export function loadTemplate(file: string): IWorkflowBase {
	return WorkflowHarness.load(path.join(WORKFLOWS_DIR, file));
}

export interface Stack {
	exact: ExactSimulator;
	outSmart: OutSmartSimulator;
	harness: WorkflowHarness;
	close(): Promise<void>;
}

export async function startStack(options: { workorderCount?: number } = {}): Promise<Stack> {
	const exact = await startExactSimulator({ timeScale: 0 });
	const outSmart = await startOutSmartSimulator({ port: 0, timeScale: 0, workorderCount: options.workorderCount ?? 40 });
	useClock({ now: () => exact.clock.now(), sleep: async (ms: number) => void exact.clock.advance(ms) });
	resetRateLimitStates();
	resetTokenTracking();
	configureExactLimits();
	configureOutSmartTransport({ timeoutMs: 5_000, retryDelaysMs: [10, 20] });
	const harness = new WorkflowHarness({
		exactOnlineOAuth2Api: exactCredentials(exact.info, (await exact.connect()) as unknown as IDataObject),
		outSmartApi: outSmartCredentials(outSmart.info),
	});
	return {
		exact,
		outSmart,
		harness,
		close: async () => {
			useClock();
			configureExactLimits();
			configureOutSmartTransport();
			await exact.close();
			await outSmart.close();
		},
	};
}

/** Rows of an Exact entity set in the demo division, as the simulator stores them. */
export function exactRows(stack: Stack, entitySet: string): IDataObject[] {
	return stack.exact.store.list(DEMO_DIVISION, entitySet) as IDataObject[];
}

/** Records of an OutSmart master-data entity, as the simulator stores them. */
export function outSmartRecords(stack: Stack, entity: string): IDataObject[] {
	return stack.outSmart.store.master(entity as never).all() as unknown as IDataObject[];
}

/** OutSmart writes (POSTs and status updates) the simulator received. */
export function outSmartWrites(stack: Stack): number {
	return stack.outSmart.calls().filter((call) => call.method === 'POST' || call.endpoint === 'UpdateWorkorder').length;
}
