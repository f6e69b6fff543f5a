import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { EXPORT_NODE, EXPORT_TEMPLATE, loadTemplate } from '../../test/harness/templates';
import { DEMO_WORKSTATUS } from '../../test/simulators/outsmart';
import { measurePeakMemory, type MemoryPeak } from '../support/memory';
import { minimumDrainMs } from '../support/pacing';
import { EXACT_LIMITS, LATENCY_MS, startStack, type BenchStack, type ExactCallCounts } from '../support/stack';
import { errorText } from './fullImport';

export type ExportMode = 'materialsAndHours' | 'materialsOnly' | 'pdfOnly';

export interface ExportResult {
	mode: ExportMode;
	orders: number;
	status: string;
	error?: string;
	exported: number;
	invoicesInExact: number;
	documentsInExact: number;
	exact: ExactCallCounts;
	outSmartCalls: number;
	/** Simulated time from the first to the last Exact call, and what a perfectly paced client would need. */
	exactDrainMs: number;
	minimumDrainMs: number;
	simulatedMs: number;
	realMs: number;
	memory: MemoryPeak;
}

/** The shipped export template with its one export trigger in this mode. */
export function exportWorkflow(mode: ExportMode): IWorkflowBase {
	const workflow = loadTemplate(EXPORT_TEMPLATE);
	const build = workflow.nodes.find((entry) => entry.name === EXPORT_NODE.build)!;
	const [trigger] = (build.parameters.exportTriggers as { trigger: IDataObject[] }).trigger;
	Object.assign(trigger, { name: `Export ${mode}`, mode });
	return workflow;
}

/** K finished orders for customers and materials that export cleanly (the seed's deliberate problems left out). */
export function addOrders(stack: BenchStack, count: number): string[] {
	const seed = stack.outSmart.seed;
	const mismatched = new Set(seed.paymentConditionMismatches.map((entry) => entry.debtorNumber));
	const customers = stack.outSmart.store
		.master('relations')
		.all()
		.filter((relation) => relation.active === '1' && relation.debtor_type === 'customer' && !mismatched.has(String(relation.debtor_number)));
	const badMaterials = new Set([...seed.materialsWithoutGla, seed.materialWithUnknownGla.code]);
	const hourTypes = new Set(stack.outSmart.store.master('hourtypes').all().map((hourType) => String(hourType.code)));
	const materials = stack.outSmart.store
		.master('materials')
		.all()
		.filter((material) => !badMaterials.has(String(material.code)) && !hourTypes.has(String(material.code)) && String(material.freefield1 ?? '') !== '');
	const labour = [...hourTypes][0];
	const numbers: string[] = [];
	for (let index = 0; index < count; index++) {
		const workorderNo = `WO-B${String(index + 1).padStart(5, '0')}`;
		stack.outSmart.addWorkorder({
			WorkorderNo: workorderNo,
			status: 'Compleet',
			WorkStatus: DEMO_WORKSTATUS.readyForInvoicing.code,
			CustomerDebtorNr: String(customers[index % customers.length].debtor_number),
			Materials: [
				{ MaterialCode: String(materials[index % materials.length].code), MaterialNr: 2 },
				{ MaterialCode: String(materials[(index * 7 + 3) % materials.length].code), MaterialNr: 1 },
			],
			Workperiods: [{ HourType: labour, BeginTime: '08:00', EndTime: '10:30' }],
		});
		numbers.push(workorderNo);
	}
	return numbers;
}

export async function runExport(mode: ExportMode, orders: number): Promise<ExportResult> {
	const stack = await startStack({ itemCount: 400, outSmartItemCount: 400 });
	try {
		const numbers = addOrders(stack, orders);
		stack.resetCounters();
		const started = Date.now();
		const { result: run, memory } = await measurePeakMemory(() => stack.harness.run(exportWorkflow(mode), { startNode: EXPORT_NODE.trigger }));
		const realMs = Date.now() - started;
		const apiCalls = stack.exact.calls().filter((call) => call.path.startsWith('/api/v1/'));
		const first = apiCalls[0]?.at ?? 0;
		const last = apiCalls[apiCalls.length - 1]?.at ?? 0;
		const exactDrainMs = apiCalls.length > 0 ? last - first + LATENCY_MS.exact : 0;
		const exported = numbers.filter(
			(workorderNo) => String((stack.outSmart.getWorkorder(workorderNo) as IDataObject | undefined)?.WorkStatus ?? '') === DEMO_WORKSTATUS.exportSucceeded.code,
		).length;
		const references = new Set(numbers);
		return {
			mode,
			orders,
			status: run.status,
			error: errorText(run),
			exported,
			invoicesInExact: stack.exact.store.list(3185420, 'SalesInvoices').filter((row) => references.has(String(row.YourRef))).length,
			documentsInExact: stack.exact.store.list(3185420, 'Documents').length,
			exact: stack.exactCalls(),
			outSmartCalls: stack.outSmartCalls(),
			exactDrainMs,
			// The first call's arrival already includes its latency; the perfect client starts when it was sent.
			minimumDrainMs: minimumDrainMs(apiCalls.length, first - LATENCY_MS.exact, EXACT_LIMITS.minuteLimit, LATENCY_MS.exact),
			simulatedMs: stack.elapsedMs(),
			realMs,
			memory,
		};
	} finally {
		await stack.close();
	}
}
