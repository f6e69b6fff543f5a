import { measurePeakMemory } from '../support/memory';
import { DIVISION, startStack, type ExactCallCounts } from '../support/stack';
import { NODE, oursImportWorkflow, OUTSMART_BATCH } from '../support/workflows';
import { errorText } from './fullImport';

export interface IncrementalResult {
	items: number;
	changed: number;
	/** Whether the run also read Exact's deletions feed (the import templates leave it off). */
	deletions: boolean;
	status: string;
	error?: string;
	rowsRead: number;
	exact: ExactCallCounts;
	outSmartWrites: number;
	simulatedMs: number;
	realMs: number;
	target: { exactCalls: number; outSmartWrites: number };
}

/**
 * A full import, then runs from its cursor: once with nothing changed, then once per change count. With
 * `deletions` the run also reads sync/Deleted (one more call); the import templates leave that off.
 */
export async function runIncremental(items: number, changeCounts: number[], deletions = true): Promise<IncrementalResult[]> {
	const stack = await startStack({ itemCount: items });
	try {
		const full = await stack.harness.run(oursImportWorkflow());
		if (full.status !== 'success') throw new Error(`The full import before the incremental runs failed: ${errorText(full)}`);
		let cursor = String(full.output(NODE.read)[0]?._nextTimestamp ?? '');
		const keys = stack.exact.store.list(DIVISION, 'Items').map((row) => String(row.ID));
		const results: IncrementalResult[] = [];
		let changedSoFar = 0;
		for (const changed of [0, ...changeCounts]) {
			for (let index = 0; index < changed; index++) {
				const key = keys[(changedSoFar + index) % keys.length];
				stack.exact.updateEntity(DIVISION, 'Items', key, { Description: `Gewijzigd artikel ${changedSoFar + index}` });
			}
			changedSoFar += changed;
			stack.resetCounters();
			const started = Date.now();
			const { result: run } = await measurePeakMemory(() => stack.harness.run(oursImportWorkflow(cursor, deletions)));
			const read = run.output(NODE.read);
			if (read.length > 0) cursor = String(read[0]._nextTimestamp ?? cursor);
			results.push({
				items,
				changed,
				deletions,
				status: run.status,
				error: errorText(run),
				rowsRead: read.length,
				exact: stack.exactCalls(),
				outSmartWrites: stack.outSmartCalls({ method: 'POST' }),
				simulatedMs: stack.elapsedMs(),
				realMs: Date.now() - started,
				target: { exactCalls: 1, outSmartWrites: Math.ceil(changed / OUTSMART_BATCH) },
			});
		}
		return results;
	} finally {
		await stack.close();
	}
}
