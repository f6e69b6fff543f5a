/**
 * The export template's trigger fires for exactly the statuses the export triggers name, read from Build Sales
 * Invoice's own list: an export trigger on a main status other than Compleet, and a trigger on Compleet with
 * any work status beside one on Compleet with a chosen work status, each get their orders exported.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, startStack, type Stack } from './setup';

const FILE = 'export-work-orders.json';
const TRIGGER = 'Work Order Ready for Export';
const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
const FAILED = DEMO_WORKSTATUS.exportFailed.code;
const IN_PROGRESS = DEMO_WORKSTATUS.inProgress.code;

function invoiceCount(stack: Stack, number: string): number {
	return exactRows(stack, 'SalesInvoices').filter((invoice) => invoice.YourRef === number).length;
}

function workstatusOf(stack: Stack, number: string): string {
	return String(stack.outSmart.getWorkorder(number)?.WorkStatus ?? '');
}

/** The shipped template with these export triggers and export start in Build Sales Invoice (nothing else changed). */
function templateWith(exportStart: 'manual' | 'automatic', triggers: IDataObject[]): IWorkflowBase {
	const template = loadTemplate(FILE);
	const build = template.nodes.find((node) => node.name === 'Build Sales Invoice')!;
	build.parameters.exportStart = exportStart;
	build.parameters.exportTriggers = { trigger: triggers } as never;
	return template;
}

function trigger(name: string, status: string, workstatus: string): IDataObject {
	return { name, status, workstatus, mode: 'materialsOnly', successStatus: SUCCESS, errorStatus: FAILED };
}

describe('Template: export work orders, trigger statuses from the export triggers', () => {
	let stack: Stack;
	let lines: { customer: string; materials: IDataObject[] };
	let sequence = 0;

	/** Adds an order with valid materials of a known customer in this main status and work status. */
	function addOrder(status: string, workStatus: string): string {
		const number = `WO-2810${++sequence}`;
		stack.outSmart.addWorkorder({ WorkorderNo: number, status, ...(workStatus ? { WorkStatus: workStatus } : {}), CustomerDebtorNr: lines.customer, Materials: lines.materials } as never);
		return number;
	}

	beforeEach(async () => {
		stack = await startStack({ workorderCount: 40 });
		const source = (await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Afgehandeld', update_status: 'false' } }))[0];
		lines = {
			customer: String(source.CustomerDebtorNr),
			materials: (source.Materials as IDataObject[]).map((line) => ({ MaterialCode: line.MaterialCode, MaterialNr: line.MaterialNr })),
		};
	});

	afterEach(async () => {
		await stack.close();
	});

	test('a manual export trigger on main status Opgehaald with a work status gets its orders exported', async () => {
		const template = templateWith('manual', [trigger('Factuur bij ophalen', 'Opgehaald', READY)]);
		// Finished by the technician, then reopened by the planner (Opgehaald again) and put in the trigger's status.
		const picked = addOrder('Compleet', '');
		stack.outSmart.setStatus(picked, 'Opgehaald');
		stack.outSmart.setWorkstatus(picked, READY);
		// Fetched by the device, not finished: picked up too, and refused by the export with the reason.
		const unfinished = addOrder('Opgehaald', READY);
		const other = addOrder('Opgehaald', IN_PROGRESS);
		const compleetReady = addOrder('Compleet', READY);
		stack.outSmart.resetCalls();

		const { run } = await stack.harness.poll(template, { triggerNode: TRIGGER, staticData: {} });

		expect({ invoices: invoiceCount(stack, picked), status: workstatusOf(stack, picked) }).toEqual({ invoices: 1, status: SUCCESS });
		expect(run!.output('Build Sales Invoice').find((item) => (item.workorder as IDataObject)?.workorderNo === picked)?.trigger).toMatchObject({ name: 'Factuur bij ophalen' });
		expect({ invoices: invoiceCount(stack, unfinished), status: workstatusOf(stack, unfinished) }).toEqual({ invoices: 0, status: FAILED });
		expect(run!.error?.message).toMatch(new RegExp(`${unfinished} .*is not finished`));
		// Only the trigger's own status is read; orders in other statuses are left alone.
		const reads = stack.outSmart.calls().filter((call) => call.endpoint === 'GetWorkorders').map((call) => new URLSearchParams(call.query));
		expect(reads.map((query) => [query.get('status'), query.get('workstatus')])).toEqual([['Opgehaald', READY]]);
		for (const number of [other, compleetReady]) expect(invoiceCount(stack, number)).toBe(0);
		expect([workstatusOf(stack, other), workstatusOf(stack, compleetReady)]).toEqual([IN_PROGRESS, READY]);
	});

	test('a trigger on Compleet with any work status beside one on Compleet with a work status: both get their orders exported', async () => {
		const template = templateWith('automatic', [
			{ ...trigger('Alles compleet', 'Compleet', ''), mode: 'materialsAndHours' },
			trigger('Gereed, alleen materiaal', 'Compleet', READY),
		]);
		const anyStatus = addOrder('Compleet', IN_PROGRESS);
		const noStatus = addOrder('Compleet', '');
		const ready = addOrder('Compleet', READY);
		const alreadyExported = addOrder('Compleet', SUCCESS);
		const staticData: IDataObject = {};

		const { run } = await stack.harness.poll(template, { triggerNode: TRIGGER, staticData });

		const built = new Map(run!.output('Build Sales Invoice').map((item) => [String((item.workorder as IDataObject)?.workorderNo), item]));
		for (const number of [anyStatus, noStatus, ready]) {
			expect({ number, invoices: invoiceCount(stack, number), status: workstatusOf(stack, number) }).toEqual({ number, invoices: 1, status: SUCCESS });
		}
		// Each order went by its own export trigger: the one naming its work status wins.
		expect((built.get(ready)?.trigger as IDataObject)?.name).toBe('Gereed, alleen materiaal');
		expect((built.get(anyStatus)?.trigger as IDataObject)?.name).toBe('Alles compleet');
		// An order already in a success status is not waiting for export: it is not picked up.
		expect(built.has(alreadyExported)).toBe(false);
		expect(invoiceCount(stack, alreadyExported)).toBe(0);

		// The exported orders stay Compleet, now in their success status: later polls (also after the re-emit
		// interval) leave them alone.
		stack.clock.advance(2 * 60 * 60 * 1000);
		stack.outSmart.resetCalls();
		const again = await stack.harness.poll(template, { triggerNode: TRIGGER, staticData });
		const pickedAgain = (again.polled?.[0] ?? []).map((item) => String(item.json.WorkorderNo));
		for (const number of [anyStatus, noStatus, ready]) expect(pickedAgain).not.toContain(number);
		for (const number of [anyStatus, noStatus, ready]) expect(invoiceCount(stack, number)).toBe(1);
	});
});
