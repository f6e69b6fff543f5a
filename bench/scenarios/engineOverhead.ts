import type { IDataObject } from 'n8n-workflow';
import { EXPORT_NODE } from '../../test/harness/templates';
import { measurePeakMemory } from '../support/memory';
import { startStack } from '../support/stack';
import { NODE, oursImportWorkflow } from '../support/workflows';
import { addOrders, exportWorkflow } from './export';

export interface OverheadResult {
	what: string;
	node: string;
	items: number;
	nodeMs: number;
	itemsPerSecond: number;
	peakHeapMb: number;
}

function nodeTime(runData: Record<string, Array<{ executionTime?: number }>>, name: string): number {
	return (runData[name] ?? []).reduce((sum, task) => sum + (task.executionTime ?? 0), 0);
}

function row(what: string, node: string, items: number, ms: number, peakHeapMb: number): OverheadResult {
	return { what, node, items, nodeMs: ms, itemsPerSecond: ms > 0 ? Math.round((items / ms) * 1000) : items * 1000, peakHeapMb };
}

/**
 * The engine and our nodes with the network taken out (zero latency, rate limits never reached): how fast items
 * go through the mapping nodes and the OutSmart batch writer, measured from n8n's own per-node execution time.
 */
export async function runEngineOverhead(count: number): Promise<OverheadResult[]> {
	const results: OverheadResult[] = [];
	const itemsStack = await startStack({ itemCount: count, latency: { exact: 0, outSmart: 0 } });
	try {
		const { result: run, memory } = await measurePeakMemory(() => itemsStack.harness.run(oursImportWorkflow()));
		if (run.status !== 'success') throw new Error(`Item import failed: ${run.error?.message}`);
		const runData = run.runData as unknown as Record<string, Array<{ executionTime?: number }>>;
		results.push(row(`${count} Exact items → materials`, 'Exact OutSmart: Map Items', run.items(NODE.read).length, nodeTime(runData, NODE.map), memory.peakHeapMb));
		results.push(row(`${count} materials → OutSmart`, 'OutSmart: Upsert (batches of 1000)', run.items(NODE.map).length, nodeTime(runData, NODE.write), memory.peakHeapMb));
	} finally {
		await itemsStack.close();
	}
	const ordersStack = await startStack({ itemCount: 400, outSmartItemCount: 400, latency: { exact: 0, outSmart: 0 } });
	try {
		const numbers = addOrders(ordersStack, count);
		const orders = numbers.map((workorderNo) => ordersStack.outSmart.getWorkorder(workorderNo) as IDataObject);
		const definition = exportWorkflow('materialsAndHours');
		// Only the mapping: start at Build with the orders, and stop there.
		definition.nodes = definition.nodes.filter((entry) => entry.name === EXPORT_NODE.build);
		definition.nodes.push({ id: 'input', name: 'Input', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} });
		definition.connections = { Input: { main: [[{ node: EXPORT_NODE.build, type: 'main', index: 0 }]] } };
		const { result: run, memory } = await measurePeakMemory(() => ordersStack.harness.run(definition, { startNode: 'Input', input: orders }));
		if (run.status !== 'success') throw new Error(`Build failed: ${run.error?.message}`);
		const runData = run.runData as unknown as Record<string, Array<{ executionTime?: number }>>;
		results.push(
			row(`${count} work orders → invoice bodies`, 'Exact OutSmart: Build Sales Invoice', run.items(EXPORT_NODE.build).length, nodeTime(runData, EXPORT_NODE.build), memory.peakHeapMb),
		);
	} finally {
		await ordersStack.close();
	}
	return results;
}
