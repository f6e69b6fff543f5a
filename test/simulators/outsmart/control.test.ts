import { DEMO_WORKSTATUS, startOutSmartSimulator, type OutSmartSimulator } from './index';
import { callApi, control, okResponse } from './testClient';

type ApiWorkorder = Record<string, unknown> & {
	WorkorderNo: string;
	status: string;
	WorkStatus: string;
	WorkFinished: string;
	Materials: Array<Record<string, string>>;
	Workperiods: Array<Record<string, string>>;
	StatusChanges: Array<{ status: string; timestamp: string; user: string }>;
};

describe('OutSmart simulator: control API and the technician', () => {
	let simulator: OutSmartSimulator;
	// 2 November 2026, 09:00 in Amsterdam; frozen so timestamps are exact.
	const startTime = Date.UTC(2026, 10, 2, 8, 0, 0);
	beforeEach(async () => {
		simulator = await startOutSmartSimulator({ relationCount: 30, itemCount: 50, workorderCount: 8, startTime, timeScale: 0 });
	});
	afterEach(() => simulator.close());

	it('plays the technician in-process: Compleet, WorkFinished, lines from the catalogue, status changes at clock time', () => {
		const workorderNo = simulator.seed.workordersByStatus.Opgehaald[0];
		const material = simulator.store.materials.find((candidate) => candidate.freefield1 !== '');
		if (!material) throw new Error('seed has no material with a GLA');
		simulator.clock.advance(90 * 60 * 1000);
		const done = simulator.completeWorkorder(workorderNo, {
			materials: [{ MaterialCode: material.code, MaterialNr: 3 }],
			workperiods: [{ HourType: 'UUR-MONTEUR', BeginTime: '09:00', EndTime: '10:30', Break: '15' }],
			workstatus: 'Gereed voor facturatie',
		}) as ApiWorkorder;
		expect(done).toMatchObject({ status: 'Compleet', WorkFinished: '1', WorkStatus: DEMO_WORKSTATUS.readyForInvoicing.code });
		expect(done.Materials).toEqual([
			expect.objectContaining({ MaterialCode: material.code, MaterialNr: '3', MaterialName: material.description, MaterialPrice: material.price, MaterialFreeField1: material.freefield1 }),
		]);
		expect(done.Workperiods[0]).toMatchObject({ HourType: 'UUR-MONTEUR', TotalTime: '01:15', WorkDate: '02-11-2026' });
		expect(done.StatusChanges.slice(-2)).toEqual([
			{ status: 'Compleet', timestamp: '2026-11-02 10:30:00', user: expect.any(String) },
			{ status: DEMO_WORKSTATUS.readyForInvoicing.code, timestamp: '2026-11-02 10:30:00', user: expect.any(String) },
		]);
		expect(() => simulator.completeWorkorder('NOPE')).toThrow(/not found/);
		expect(() => simulator.setWorkstatus(workorderNo, 'Onbekend')).toThrow(/Unknown work status/);
	});

	it('adds work orders in any status quickly, filled from the relation', async () => {
		const added = simulator.addWorkorder({ WorkorderNo: 'T-1', status: 'Compleet', CustomerDebtorNr: '10003', WorkStatus: DEMO_WORKSTATUS.readyForInvoicing.code, Materials: [{ MaterialCode: simulator.store.materials[0].code, MaterialNr: 2 }] }) as ApiWorkorder;
		expect(added).toMatchObject({ WorkorderNo: 'T-1', status: 'Compleet', WorkFinished: '1', CustomerDebtorNr: '10003', CustomerDebtorNrInvoice: '10003' });
		const listed = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Compleet', workstatus: DEMO_WORKSTATUS.readyForInvoicing.code, update_status: 'false' } });
		expect(listed.map((order) => order.WorkorderNo)).toContain('T-1');
		expect((simulator.addWorkorder({ status: 'Afgehandeld' }) as ApiWorkorder).status).toBe('Afgehandeld');
		expect(() => simulator.addWorkorder({ WorkorderNo: 'T-1' })).toThrow(/already exists/);
	});

	it('offers the same operations over HTTP under /_control/', async () => {
		expect(await control(simulator, 'GET', 'info')).toEqual({ status: 200, body: simulator.info });
		const added = await control(simulator, 'POST', 'workorders', { WorkorderNo: 'H-1', status: 'Opgehaald' });
		expect(added).toMatchObject({ status: 200, body: { WorkorderNo: 'H-1', status: 'Opgehaald' } });
		const completed = await control(simulator, 'POST', 'workorders/H-1/complete', { materials: [{ MaterialCode: simulator.store.materials[1].code, MaterialNr: 1 }], workstatus: DEMO_WORKSTATUS.readyForInvoicing.code });
		expect(completed.body).toMatchObject({ status: 'Compleet', WorkFinished: '1', WorkStatus: DEMO_WORKSTATUS.readyForInvoicing.code });
		const moved = await control(simulator, 'POST', 'workorders/H-1/workstatus', { workstatus: 'Export gelukt' });
		expect(moved.body).toMatchObject({ WorkStatus: DEMO_WORKSTATUS.exportSucceeded.code });
		expect((await control(simulator, 'GET', 'workorders/H-1')).body).toMatchObject({ WorkorderNo: 'H-1', status: 'Compleet' });
		// A planner reopens it: Opgehaald again, the technician's work (WorkFinished 1) kept, a new status log entry.
		const reopened = await control(simulator, 'POST', 'workorders/H-1/status', { status: 'Opgehaald' });
		expect(reopened.body).toMatchObject({ status: 'Opgehaald', WorkFinished: '1' });
		expect(((reopened.body as ApiWorkorder).StatusChanges ?? []).at(-1)).toMatchObject({ status: 'Opgehaald', user: 'planner' });
		expect((await control(simulator, 'POST', 'workorders/H-1/status', { status: 'Gereed' })).status).toBe(400);
		await control(simulator, 'POST', 'workorders/H-1/status', { status: 'Compleet' });
		const compleet = (await control(simulator, 'GET', 'workorders?status=Compleet')).body as ApiWorkorder[];
		expect(compleet.every((order) => order.status === 'Compleet')).toBe(true);
		expect((await control(simulator, 'GET', 'workorders/NOPE')).status).toBe(404);
		expect((await control(simulator, 'POST', 'workorders/NOPE/complete', {})).status).toBe(400);
		expect((await control(simulator, 'GET', 'no-such-route')).status).toBe(404);
		const relations = (await control(simulator, 'GET', 'master/relations')).body as Array<Record<string, string>>;
		expect(relations.length).toBe(simulator.store.relations.length);
		expect((await control(simulator, 'GET', 'seed')).body).toEqual(simulator.seed);
	});

	it('counts, lists and resets calls, and manages faults and the clock over HTTP', async () => {
		await callApi(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: 'false' } });
		await callApi(simulator, 'relations');
		const count = await control(simulator, 'GET', 'calls/count?method=GET&path=GetWorkorders');
		expect(count.body).toEqual({ count: 1 });
		const calls = (await control(simulator, 'GET', 'calls')).body as Array<{ query: string }>;
		expect(calls).toHaveLength(2);
		expect(calls[0].query).toContain('update_status=false');
		expect((await control(simulator, 'GET', 'calls/counters')).body).toEqual({ 'GET /openapi/8/GetWorkorders': 1, 'GET /openapi/8/relations': 1 });
		await control(simulator, 'DELETE', 'calls');
		expect(simulator.callCount()).toBe(0);

		expect((await control(simulator, 'POST', 'faults', { match: { path: 'relations' }, fault: 'status', status: 500, times: 3 })).status).toBe(200);
		expect((await control(simulator, 'GET', 'faults')).body).toEqual([expect.objectContaining({ fault: 'status', remaining: 3 })]);
		expect((await control(simulator, 'POST', 'faults', { match: {}, fault: 'bogus' })).status).toBe(400);
		await control(simulator, 'DELETE', 'faults');
		expect((await callApi(simulator, 'relations')).status).toBe(200);

		expect((await control(simulator, 'GET', 'clock')).body).toEqual({ now: startTime });
		expect((await control(simulator, 'POST', 'clock/advance', { ms: 60_000 })).body).toEqual({ now: startTime + 60_000 });
		expect((await control(simulator, 'POST', 'clock/advance', { ms: -1 })).status).toBe(400);
		const state = (await control(simulator, 'GET', 'state')).body as { workorders: Record<string, number>; master: Record<string, number> };
		expect(Object.values(state.workorders).reduce((sum, value) => sum + value, 0)).toBe(8);
		expect(state.master.relations).toBe(simulator.store.relations.length);
	});

	it('runs the clock at timeScale and leaves it frozen at 0', async () => {
		const fast = await startOutSmartSimulator({ relationCount: 5, itemCount: 10, workorderCount: 1, startTime, timeScale: 1000 });
		try {
			await new Promise((resolve) => setTimeout(resolve, 20));
			expect(fast.clock.now() - startTime).toBeGreaterThanOrEqual(15_000);
		} finally {
			await fast.close();
		}
		expect(simulator.clock.now()).toBe(startTime);
	});
});
