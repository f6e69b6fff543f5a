import { startOutSmartSimulator, type OutSmartSimulator } from './index';
import { apiUrl, callApi } from './testClient';

describe('OutSmart simulator: injected faults', () => {
	let simulator: OutSmartSimulator;
	beforeEach(async () => {
		simulator = await startOutSmartSimulator({ relationCount: 20, itemCount: 30, workorderCount: 6 });
	});
	afterEach(() => simulator.close());

	const newRelation = (debtorNumber: string) => ({ debtor_number: debtorNumber, name: `Relatie ${debtorNumber}`, street: 'Kerkstraat', postal_code: '3511 AA', city: 'Utrecht' });

	it('answers HTTP 500 once by default, then normally again', async () => {
		simulator.injectFault({ match: { path: '/openapi/8/employees' }, fault: 'status', status: 500 });
		const failed = await fetch(apiUrl(simulator, 'employees'));
		expect(failed.status).toBe(500);
		expect((await callApi(simulator, 'employees')).envelope.code).toBe(200);
		expect(simulator.calls({ endpoint: 'employees' }).map((call) => call.fault)).toEqual(['status', undefined]);
	});

	it('answers HTTP 502 `times` times, only for the matching method, with the given body and headers', async () => {
		simulator.injectFault({ match: { method: 'GET', path: 'GetWorkorders' }, fault: 'status', status: 502, body: 'Bad gateway', headers: { 'Retry-After': '1' }, times: 2 });
		const post = await callApi(simulator, 'relations', { body: [newRelation('70001')] });
		expect(post.envelope.code).toBe(200);
		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await fetch(apiUrl(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false' } }));
			expect([response.status, response.headers.get('retry-after'), await response.text()]).toEqual([502, '1', 'Bad gateway']);
		}
		expect((await callApi(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false' } })).status).toBe(200);
	});

	it('matches the path as a regular expression too', async () => {
		simulator.injectFault({ match: { path: '^/openapi/8/Get(Workorder|Workorders)$' }, fault: 'status', status: 503, times: 5 });
		expect((await fetch(apiUrl(simulator, 'GetWorkorder', { query: { workorder_no: 'x' } }))).status).toBe(503);
		expect((await fetch(apiUrl(simulator, 'employees'))).status).toBe(200);
		simulator.clearFaults();
		expect(simulator.faults()).toEqual([]);
		expect((await fetch(apiUrl(simulator, 'GetWorkorder', { query: { workorder_no: 'x' } }))).status).toBe(200);
	});

	it('answers an error envelope with HTTP 200', async () => {
		simulator.injectFault({ match: { path: 'materials' }, fault: 'envelope', code: 1007, messages: ['General uncaught error'] });
		const { status, envelope } = await callApi(simulator, 'materials');
		expect([status, envelope]).toEqual([200, { code: 1007, messages: ['General uncaught error'], response: null }]);
	});

	it('answers malformed JSON and an HTML 401 page', async () => {
		simulator.injectFault({ match: { path: 'employees' }, fault: 'malformedJson' });
		simulator.injectFault({ match: { path: 'hourtypes' }, fault: 'html401' });
		const malformed = await fetch(apiUrl(simulator, 'employees'));
		expect(malformed.status).toBe(200);
		await expect(malformed.json()).rejects.toThrow();
		const html = await fetch(apiUrl(simulator, 'hourtypes'));
		expect(html.status).toBe(401);
		expect(html.headers.get('content-type')).toContain('text/html');
	});

	it('never answers a timed-out request until the client gives up, and still closes cleanly', async () => {
		simulator.injectFault({ match: { path: 'GetWorkorders' }, fault: 'timeout' });
		const started = Date.now();
		await expect(fetch(apiUrl(simulator, 'GetWorkorders', { query: { status: 'Alle' } }), { signal: AbortSignal.timeout(150) })).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		// The timed-out read did not run, so nothing moved to Afgehandeld.
		expect(simulator.state().workorders.Compleet).toBe(simulator.seed.workordersByStatus.Compleet.length);
		// On a loaded machine the client may give up before its request even arrived, leaving the fault
		// unused for the next request: clear it, so the next read is answered either way.
		simulator.clearFaults();
		expect((await callApi(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false' } })).status).toBe(200);
	});

	it('keeps a hanging request open until close(), which ends it', async () => {
		simulator.injectFault({ match: { path: 'employees' }, fault: 'timeout' });
		const pending = fetch(apiUrl(simulator, 'employees')).then(
			() => 'answered',
			() => 'dropped',
		);
		await new Promise((resolve) => setTimeout(resolve, 30));
		await simulator.close();
		expect(await pending).toBe('dropped');
		simulator = await startOutSmartSimulator({ relationCount: 5, itemCount: 10, workorderCount: 1 });
	});

	it('performs a dropped write and then destroys the connection without answering', async () => {
		simulator.injectFault({ match: { method: 'POST', path: 'PostWorkorders' }, fault: 'dropAfterWrite' });
		const order = simulator.addWorkorder({ WorkorderNo: 'TEMPLATE' });
		const fields = Object.fromEntries(Object.entries(order).filter(([, value]) => typeof value === 'string'));
		await expect(fetch(apiUrl(simulator, 'PostWorkorders'), { method: 'POST', body: JSON.stringify([{ ...fields, WorkorderNo: 'DROPPED-1' }]) })).rejects.toThrow();
		expect(simulator.store.findWorkorder('DROPPED-1')?.status).toBe('Klaargezet');
		expect(simulator.calls({ endpoint: 'PostWorkorders' })[0]).toMatchObject({ fault: 'dropAfterWrite', code: 200 });
	});

	it('rejects a batch when named records fail, storing nothing', async () => {
		simulator.injectFault({ match: { path: 'relations' }, fault: 'rejectRecords', recordIndexes: [1] });
		const before = simulator.store.relations.length;
		const { envelope } = await callApi(simulator, 'relations', { body: [newRelation('70010'), newRelation('70011'), newRelation('70012')] });
		expect(envelope).toEqual({ code: 1300, messages: ['Insert failed (record 1)'], response: null });
		expect(simulator.store.relations).toHaveLength(before);
		expect((await callApi(simulator, 'relations', { body: [newRelation('70010')] })).envelope).toEqual({ code: 200, messages: [], response: 1 });
	});

	it('refuses malformed fault rules', () => {
		expect(() => simulator.injectFault({ match: {}, fault: 'explode' as never })).toThrow(/Unknown fault/);
		expect(() => simulator.injectFault({ match: {}, fault: 'status', times: 0 })).toThrow(/times/);
	});
});
