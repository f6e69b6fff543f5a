/**
 * The one test bed with both simulators (an n8n engine harness with only the two credentials filled in, the
 * transports on the Exact simulator's frozen clock: rate-limit waits and hours between polls pass without
 * real waiting), and the shipped templates.
 */
import type { IDataObject } from 'n8n-workflow';
import { startTestBed, useStarted, type TestBed } from '../harness/testBed';
import { DEMO_DIVISION } from '../simulators/exact';

export { loadTemplate, WORKFLOWS_DIR } from '../harness/templates';

export type Stack = TestBed;

export async function startStack(options: { workorderCount?: number } = {}): Promise<Stack> {
	return await startTestBed({ outSmart: { workorderCount: options.workorderCount ?? 40 }, outSmartTransport: { retryDelaysMs: [10, 20] } });
}

/**
 * The stack of one `describe` block: started before its tests and closed after them. Read it like the stack
 * itself (`stack.harness`, `stack.exact`); it is there from the first hook or test on.
 */
export function useStack(options: { workorderCount?: number } = {}): Stack {
	return useStarted(async () => await startStack(options));
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
