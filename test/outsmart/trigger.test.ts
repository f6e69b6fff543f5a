import type { IDataObject } from 'n8n-workflow';

import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { queryOf, startTestBed, triggerWorkflow, type OutSmartTestBed } from './simulatorSetup';

let bed: OutSmartTestBed;

beforeEach(async () => {
	bed = await startTestBed();
});

afterEach(async () => {
	await bed.close();
});

const watchCompleet = triggerWorkflow({ mainStatus: 'Compleet', workStatuses: [] });

function emittedNumbers(polled: { polled: Array<Array<{ json: IDataObject }>> | null }): string[] {
	return (polled.polled?.[0] ?? []).map((item) => String(item.json.WorkorderNo));
}

function openOrder(): string {
	return String(bed.sim.addWorkorder({ status: 'Opgehaald' }).WorkorderNo);
}

/** The status log has second resolution; move the simulated clock so each change gets its own entry. */
function tick(): void {
	bed.sim.clock.advance(2_000);
}

function expectNothingProcessedByReads(): void {
	for (const call of bed.sim.calls()) {
		if (call.endpoint === 'GetWorkorders' || call.endpoint === 'GetWorkorder') expect(queryOf(call).get('update_status')).toBe('false');
		expect(['GetWorkorders', 'workstatusses']).toContain(call.endpoint);
	}
}

describe('OutSmart Trigger on the engine against the simulator', () => {
	it('ignores orders already Compleet on activation, then fires once per order that completes', async () => {
		const staticData: IDataObject = {};
		const compleetBefore = bed.sim.state().workorders.Compleet;
		const afgehandeldBefore = bed.sim.state().workorders.Afgehandeld;
		expect(compleetBefore).toBeGreaterThan(0);
		const first = await bed.harness.poll(watchCompleet, { staticData });
		expect(first.polled).toBeNull();

		const number = openOrder();
		tick();
		bed.sim.completeWorkorder(number);
		const second = await bed.harness.poll(watchCompleet, { staticData });
		expect(emittedNumbers(second)).toEqual([number]);
		expect(second.run?.status).toBe('success');
		const [item] = second.run!.output('Next');
		expect(item).toMatchObject({ WorkorderNo: number, status: 'Compleet', triggerStatus: { status: 'Compleet', workStatus: '' } });
		expect(Array.isArray(item.Materials)).toBe(true);

		const third = await bed.harness.poll(watchCompleet, { staticData });
		expect(third.polled).toBeNull();

		// A restart: n8n hands the saved static data to a new instance of the trigger.
		const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const afterRestart = await bed.harness.poll(watchCompleet, { staticData: restored });
		expect(afterRestart.polled).toBeNull();

		// Nothing was processed by any of it: every read passed update_status=false.
		expect(bed.sim.state().workorders.Compleet).toBe(compleetBefore + 1);
		expect(bed.sim.state().workorders.Afgehandeld).toBe(afgehandeldBefore);
		expect(bed.sim.store.findWorkorder(number)!.status).toBe('Compleet');
		expectNothingProcessedByReads();
	});

	it('fires again when an order leaves the status and comes back, whether or not a poll saw it gone', async () => {
		const staticData: IDataObject = {};
		await bed.harness.poll(watchCompleet, { staticData });
		const number = openOrder();
		tick();
		bed.sim.completeWorkorder(number);
		expect(emittedNumbers(await bed.harness.poll(watchCompleet, { staticData }))).toEqual([number]);
		const order = bed.sim.store.findWorkorder(number)!;

		// Reopened and completed again between two polls.
		tick();
		bed.sim.store.setStatus(order, 'Opgehaald', 'planner');
		tick();
		bed.sim.completeWorkorder(number);
		expect(emittedNumbers(await bed.harness.poll(watchCompleet, { staticData }))).toEqual([number]);

		// Reopened with a poll in between: forgotten, so bounded memory, and fires on return.
		tick();
		bed.sim.store.setStatus(order, 'Opgehaald', 'planner');
		expect((await bed.harness.poll(watchCompleet, { staticData })).polled).toBeNull();
		const memory = staticData['node:OutSmart Trigger'] as { emitted: IDataObject };
		expect(Object.keys(memory.emitted)).not.toContain(order.id);
		tick();
		bed.sim.completeWorkorder(number);
		expect(emittedNumbers(await bed.harness.poll(watchCompleet, { staticData }))).toEqual([number]);
	});

	it('serves several export triggers at once and says which work status made each order qualify', async () => {
		const ready = DEMO_WORKSTATUS.readyForInvoicing.code;
		const failed = DEMO_WORKSTATUS.exportFailed.code;
		const workflow = triggerWorkflow({ mainStatus: 'Alle', workStatuses: [ready, failed] });
		const staticData: IDataObject = {};
		expect((await bed.harness.poll(workflow, { staticData })).polled).toBeNull();

		const first = openOrder();
		const second = openOrder();
		tick();
		bed.sim.completeWorkorder(first, { workstatus: ready });
		bed.sim.completeWorkorder(second, { workstatus: failed });
		bed.sim.completeWorkorder(openOrder(), { workstatus: DEMO_WORKSTATUS.paid.code });
		const polled = await bed.harness.poll(workflow, { staticData });
		const byNumber = Object.fromEntries((polled.polled?.[0] ?? []).map((item) => [item.json.WorkorderNo, item.json.triggerStatus]));
		expect(byNumber).toEqual({
			[first]: { status: 'Compleet', workStatus: ready },
			[second]: { status: 'Compleet', workStatus: failed },
		});
		const workstatusQueries = bed.sim.calls({ endpoint: 'GetWorkorders' }).map((call) => queryOf(call).get('workstatus'));
		expect(workstatusQueries).toEqual(expect.arrayContaining([ready, failed]));

		// Moving from one watched status to another is a new reason to fire.
		tick();
		bed.sim.setWorkstatus(second, ready);
		const moved = await bed.harness.poll(workflow, { staticData });
		expect((moved.polled?.[0] ?? []).map((item) => item.json.triggerStatus)).toEqual([{ status: 'Compleet', workStatus: ready }]);
		expectNothingProcessedByReads();
	});

	it('emits the backlog on first activation only when asked to', async () => {
		const compleet = bed.sim.store.workorders.filter((order) => order.status === 'Compleet').map((order) => order.WorkorderNo).sort();
		const staticData: IDataObject = {};
		const polled = await bed.harness.poll(triggerWorkflow({ mainStatus: 'Compleet', firstActivation: 'emitExisting' }), { staticData });
		expect(emittedNumbers(polled).sort()).toEqual(compleet);
		expect((await bed.harness.poll(triggerWorkflow({ mainStatus: 'Compleet', firstActivation: 'emitExisting' }), { staticData })).polled).toBeNull();
	});

	it('returns every waiting order in manual mode ("Execute workflow") without touching its memory', async () => {
		const compleet = bed.sim.store.workorders.filter((order) => order.status === 'Compleet').map((order) => order.WorkorderNo).sort();
		expect(compleet.length).toBeGreaterThan(1);
		const staticData: IDataObject = {};
		const manual = await bed.harness.poll(watchCompleet, { staticData, mode: 'manual' });
		expect(emittedNumbers(manual).sort()).toEqual(compleet);
		for (const item of manual.polled?.[0] ?? []) {
			expect(item.json.status).toBe('Compleet');
			expect(item.json.triggerStatus).toEqual({ status: 'Compleet', workStatus: expect.any(String) });
		}
		expect(staticData).toEqual({});
		// So activating afterwards still follows the first-activation rule.
		expect((await bed.harness.poll(watchCompleet, { staticData })).polled).toBeNull();
	});

	it('logs a failed poll after initialisation and returns nothing, but fails visibly before it', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'envelope', code: 1004, messages: ['Client token unauthorized'] });
		await expect(bed.harness.poll(watchCompleet, { staticData: {} })).rejects.toThrow(/1004/);

		const staticData: IDataObject = {};
		await bed.harness.poll(watchCompleet, { staticData });
		const remembered = JSON.stringify(staticData);
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'status', status: 500, times: 10 });
		const failed = await bed.harness.poll(watchCompleet, { staticData });
		expect(failed.polled).toBeNull();
		expect(JSON.stringify(staticData)).toBe(remembered);
		bed.sim.clearFaults();

		// Nothing was lost: an order that completed during the outage fires at the next good poll.
		const number = openOrder();
		tick();
		bed.sim.completeWorkorder(number);
		expect(emittedNumbers(await bed.harness.poll(watchCompleet, { staticData }))).toEqual([number]);
	});

	it('refuses a watch without any status', async () => {
		await expect(bed.harness.poll(triggerWorkflow({ mainStatus: 'Alle', workStatuses: [] }), { staticData: {} })).rejects.toThrow(/Choose a status/);
	});

	it('watches exactly the statuses of the export triggers: one read per pair, each order once with the status it reached', async () => {
		const ready = DEMO_WORKSTATUS.readyForInvoicing.code;
		const succeeded = DEMO_WORKSTATUS.exportSucceeded.code;
		const failed = DEMO_WORKSTATUS.exportFailed.code;
		const inProgress = DEMO_WORKSTATUS.inProgress.code;
		const exportTriggers = [
			{ name: 'Bij ophalen', status: 'Opgehaald', workstatus: ready, successStatus: succeeded, errorStatus: failed },
			{ name: 'Alles compleet', status: 'Compleet', workstatus: '', successStatus: succeeded, errorStatus: failed },
			{ name: 'Factuur', status: 'Compleet', workstatus: ready, successStatus: succeeded, errorStatus: failed },
		];
		const workflow = triggerWorkflow({ watch: 'exportTriggers', exportTriggersToWatch: exportTriggers });
		const staticData: IDataObject = {};
		bed.sim.resetCalls();
		expect((await bed.harness.poll(workflow, { staticData })).polled).toBeNull();
		const reads = bed.sim.calls({ endpoint: 'GetWorkorders' }).map((call) => [queryOf(call).get('status'), queryOf(call).get('workstatus')]);
		expect(reads.sort()).toEqual([
			['Compleet', null],
			['Opgehaald', ready],
		]);

		const fetched = openOrder();
		const completed = openOrder();
		const completedReady = openOrder();
		const completedExported = openOrder();
		tick();
		bed.sim.setWorkstatus(fetched, ready);
		bed.sim.completeWorkorder(completed, { workstatus: inProgress });
		bed.sim.completeWorkorder(completedReady, { workstatus: ready });
		bed.sim.completeWorkorder(completedExported, { workstatus: succeeded });
		const polled = await bed.harness.poll(workflow, { staticData });
		const byNumber = Object.fromEntries((polled.polled?.[0] ?? []).map((item) => [item.json.WorkorderNo, item.json.triggerStatus]));
		expect(byNumber).toEqual({
			[fetched]: { status: 'Opgehaald', workStatus: ready },
			[completed]: { status: 'Compleet', workStatus: inProgress },
			[completedReady]: { status: 'Compleet', workStatus: ready },
		});
		expect((await bed.harness.poll(workflow, { staticData })).polled).toBeNull();

		// Build Sales Invoice's whole parameter, or its JSON text, reads the same.
		const asParameter = triggerWorkflow({ watch: 'exportTriggers', exportTriggersToWatch: JSON.stringify({ trigger: exportTriggers }) });
		expect((await bed.harness.poll(asParameter, { staticData })).polled).toBeNull();
		expectNothingProcessedByReads();
	});

	it('refuses an export triggers list it cannot watch, naming the field and the fix', async () => {
		const refused = async (exportTriggers: unknown) =>
			await bed.harness.poll(triggerWorkflow({ watch: 'exportTriggers', exportTriggersToWatch: exportTriggers } as IDataObject), { staticData: {} }).then(
				() => undefined,
				(error: Error & { description?: string }) => ({ message: error.message, description: error.description }),
			);
		expect(await refused([])).toEqual({
			message: '"Export Triggers to Watch": The export triggers list is empty: add at least one export trigger in Build Sales Invoice',
			description: "The field should hold the export triggers of the export, e.g. the expression {{ $('Build Sales Invoice').params.exportTriggers.trigger }}",
		});
		expect((await refused([{ name: 'Factuur', status: '', workstatus: '' }]))?.message).toBe(
			"\"Export Triggers to Watch\": Export trigger 'Factuur' has neither a main status nor a work status: choose at least one of them for it in Build Sales Invoice",
		);
		expect(await refused('Compleet')).toEqual({
			message: '"Export Triggers to Watch" is not a list of export triggers',
			description: "Set it to the export triggers of the export, e.g. the expression {{ $('Build Sales Invoice').params.exportTriggers.trigger }}",
		});
	});
});
