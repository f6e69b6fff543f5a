import type { IConnections, IDataObject, INode } from 'n8n-workflow';
import { exportBuildParameters, exportTrigger } from '../../test/fixtures/exportSettings';
import { DEMO_WORKSTATUS } from '../../test/simulators/outsmart';
import { measurePeakMemory, type MemoryPeak } from '../support/memory';
import { minimumDrainMs } from '../support/pacing';
import { DIVISION_PARAMETER, EXACT_LIMITS, LATENCY_MS, startStack, type BenchStack, type ExactCallCounts } from '../support/stack';
import { node, workflow } from '../support/workflows';
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

const N = {
	start: 'Start',
	fetch: 'Fetch Orders',
	build: 'Build Export',
	create: 'Create Invoice',
	pdf: 'Download PDF',
	document: 'Create Document',
	mark: 'Mark Exported',
} as const;


/** The export chain as the template wires it: read without acknowledging, build, create in Exact, then move the order on. */
export function exportWorkflow(mode: ExportMode) {
	const build = `$('${N.build}').item.json`;
	const nodes: INode[] = [
		node(N.start, 'n8n-nodes-base.manualTrigger', {}),
		node(N.fetch, 'outSmart', { resource: 'workOrder', operation: 'getAll', status: 'Compleet', workstatus: DEMO_WORKSTATUS.readyForInvoicing.code, returnAll: true }),
		node(N.build, 'exactOutSmart', exportBuildParameters({ division: DIVISION_PARAMETER, exportTriggers: { trigger: [exportTrigger(mode, `Export ${mode}`)] } }) as INode['parameters']),
		node(N.mark, 'outSmart', {
			resource: 'workOrder',
			operation: 'update',
			findBy: 'workorderNo',
			workorderNo: `={{ ${build}.workorder.workorderNo }}`,
			updateFields: { workstatus: `={{ ${build}.trigger.successStatus }}` },
		}),
	];
	const connections: IConnections = {
		[N.start]: { main: [[{ node: N.fetch, type: 'main', index: 0 }]] },
		[N.fetch]: { main: [[{ node: N.build, type: 'main', index: 0 }]] },
	};
	const link = (from: string, to: string) => (connections[from] = { main: [[{ node: to, type: 'main', index: 0 }]] });
	if (mode === 'pdfOnly') {
		nodes.push(
			node(N.pdf, 'outSmart', { resource: 'workOrder', operation: 'downloadPdf', findBy: 'workorderNo', workorderNo: '={{ $json.workorder.workorderNo }}', binaryPropertyName: 'data' }),
			node(N.document, 'exactOnline', {
				resource: 'document',
				operation: 'create',
				division: DIVISION_PARAMETER,
				subject: `={{ ${build}.document.Subject }}`,
				account: { __rl: true, mode: 'id', value: `={{ ${build}.document.Account }}` },
				binaryPropertyName: 'data',
				documentOptions: { fileName: `={{ ${build}.document.FileName }}` },
			}),
		);
		link(N.build, N.pdf);
		link(N.pdf, N.document);
		link(N.document, N.mark);
	} else {
		nodes.push(
			node(N.create, 'exactOnline', {
				resource: 'salesInvoice',
				operation: 'create',
				division: DIVISION_PARAMETER,
				orderedBy: { __rl: true, mode: 'id', value: '={{ $json.invoice.OrderedBy }}' },
				journal: '={{ $json.invoice.Journal }}',
				yourRef: '={{ $json.yourRef }}',
				linesInput: 'json',
				linesJson: '={{ JSON.stringify($json.invoice.SalesInvoiceLines) }}',
				invoiceOptions: { description: '={{ $json.invoice.Description }}', paymentCondition: '={{ $json.invoice.PaymentCondition ?? "" }}', skipIfExists: true },
			}),
		);
		link(N.build, N.create);
		link(N.create, N.mark);
	}
	return workflow(`Export ${mode}`, nodes, connections);
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
		const { result: run, memory } = await measurePeakMemory(() => stack.harness.run(exportWorkflow(mode)));
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
