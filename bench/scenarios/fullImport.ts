import type { RunResult } from '../../test/harness';
import { measurePeakMemory, type MemoryPeak } from '../support/memory';
import { startStack, type BenchStack, type ExactCallCounts } from '../support/stack';
import { httpImportWorkflow, NODE, oursImportWorkflow, OUTSMART_BATCH, peerImportWorkflow } from '../support/workflows';

export type ImportApproach = 'ours' | 'peer' | 'http';

export interface ImportResult {
	approach: ImportApproach;
	items: number;
	status: string;
	error?: string;
	/** Rows Exact handed over, and materials OutSmart holds afterwards that came from the run. */
	rowsRead: number;
	materialsWritten: number;
	exact: ExactCallCounts;
	outSmartCalls: number;
	simulatedMs: number;
	realMs: number;
	memory: MemoryPeak;
	/** The sync cursor a next incremental run starts from (ours only). */
	nextTimestamp?: string;
	target?: { exactCalls: number; outSmartCalls: number };
}

function workflowFor(approach: ImportApproach, stack: BenchStack, items: number) {
	if (approach === 'ours') return oursImportWorkflow();
	if (approach === 'peer') return peerImportWorkflow(items);
	return httpImportWorkflow(stack.exactOrigin);
}

function rowsRead(approach: ImportApproach, run: RunResult): number {
	if (approach === 'http') return run.items(NODE.split).length;
	return run.items(NODE.read).length;
}

export function errorText(run: RunResult): string | undefined {
	if (run.status === 'success') return undefined;
	const error = run.error;
	if (!error) return `run ended with status ${run.status}`;
	return `${error.node?.name ? `${error.node.name}: ` : ''}${error.message}`.slice(0, 200);
}

/** One full import of `items` Exact items into OutSmart materials, on a fresh pair of simulators. */
export async function runFullImport(approach: ImportApproach, items: number): Promise<ImportResult> {
	const stack = await startStack({ itemCount: items });
	try {
		const materialsBefore = stack.outSmart.store.master('materials').all().length;
		const started = Date.now();
		const { result: run, memory } = await measurePeakMemory(() => stack.harness.run(workflowFor(approach, stack, items)));
		const realMs = Date.now() - started;
		const written = run.output(NODE.write).filter((item) => item.written === true).length;
		const first = run.output(NODE.read)[0];
		return {
			approach,
			items,
			status: run.status,
			error: errorText(run),
			rowsRead: rowsRead(approach, run),
			materialsWritten: Math.max(written, stack.outSmart.store.master('materials').all().length - materialsBefore),
			exact: stack.exactCalls(),
			outSmartCalls: stack.outSmartCalls(),
			simulatedMs: stack.elapsedMs(),
			realMs,
			memory,
			nextTimestamp: approach === 'ours' && first ? String(first._nextTimestamp ?? '') : undefined,
			// Feed pages, sync/Deleted, and system/Divisions once (the move date a cursor remembers).
			target: { exactCalls: Math.ceil(items / 1000) + 3, outSmartCalls: Math.ceil(items / OUTSMART_BATCH) },
		};
	} finally {
		await stack.close();
	}
}
