import { deterministicGuid, DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;

describe('Exact simulator faults, call log and control API', () => {
	let simulator: ExactSimulator;
	let token: string;
	const divisions = () => callApi(simulator, token, `${D}/system/Divisions?$select=Code`);
	const control = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${simulator.info.controlUrl}/${path}`, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
		return { status: response.status, body: (await response.json()) as any };
	};

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, relationCount: 30, itemCount: 30 });
		token = (await simulator.connect()).access_token;
	});

	afterEach(() => simulator.clearFaults());

	afterAll(async () => {
		await simulator.close();
	});

	it('answers injected statuses for the given number of matching requests', async () => {
		simulator.injectFault({ match: { path: '/system/Divisions' }, fault: 'status', status: 503, body: 'Service Unavailable', times: 2 });
		expect((await divisions()).status).toBe(503);
		expect((await divisions()).status).toBe(503);
		expect((await divisions()).status).toBe(200);
		simulator.injectFault({ match: { method: 'GET', path: 'Divisions$' }, fault: 'status', status: 429, headers: { 'X-RateLimit-Minutely-Remaining': '0' } });
		const limited = await divisions();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-minutely-remaining')).toBe('0');
	});

	it('answers an HTML 401 and malformed JSON', async () => {
		simulator.injectFault({ fault: 'html401' });
		const html = await divisions();
		expect(html.status).toBe(401);
		expect(html.text).toContain('Object moved');
		simulator.injectFault({ fault: 'malformedJson' });
		const broken = await divisions();
		expect(broken.status).toBe(200);
		expect(() => broken.json()).toThrow();
	});

	it('keeps a timed-out request open until the client gives up', async () => {
		simulator.injectFault({ fault: 'timeout' });
		await expect(fetch(`${simulator.info.baseUrl}/api/v1/${D}/system/Divisions?$select=Code`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: AbortSignal.timeout(150) })).rejects.toThrow();
		expect((await divisions()).status).toBe(200);
	});

	it('performs a write and then drops the connection without answering', async () => {
		simulator.injectFault({ match: { method: 'POST', path: '/salesinvoice/SalesInvoices' }, fault: 'dropAfterWrite' });
		const customer = simulator.store.list(D, 'Accounts').find((row) => row.Status === 'C' && !row.Blocked)!;
		const body = { Journal: '70', OrderedBy: customer.ID, YourRef: 'WB-DROP-1', SalesInvoiceLines: [{ Item: deterministicGuid(D, 'item', 'UUR-MONTEUR'), Quantity: 1 }] };
		await expect(callApi(simulator, token, `${D}/salesinvoice/SalesInvoices`, { method: 'POST', body })).rejects.toThrow();
		expect(simulator.store.list(D, 'SalesInvoices').filter((row) => row.YourRef === 'WB-DROP-1')).toHaveLength(1);
	});

	it('logs calls per method and path, and resets the log', async () => {
		simulator.resetCalls();
		await divisions();
		await divisions();
		await callApi(simulator, token, 'current/Me');
		expect(simulator.callCount({ path: '/system/Divisions' })).toBe(2);
		expect(simulator.callCount({ method: 'GET' })).toBe(3);
		expect(simulator.calls()[0]).toEqual({ method: 'GET', path: `/api/v1/${D}/system/Divisions`, status: 200, at: simulator.clock.now(), query: '$select=Code' });
		simulator.resetCalls();
		expect(simulator.calls()).toEqual([]);
	});

	it('offers the same operations over HTTP under /_control/', async () => {
		expect((await control('GET', 'info')).body).toEqual(simulator.info);
		const before = (await control('GET', 'clock')).body.now;
		expect((await control('POST', 'clock/advance', { ms: 60_000 })).body.now).toBe(before + 60_000);

		expect((await control('POST', 'faults', { match: { path: '/current/Me' }, fault: 'status', status: 500 })).status).toBe(201);
		expect((await callApi(simulator, token, 'current/Me')).status).toBe(500);
		expect((await control('GET', 'calls/count?path=/current/Me')).body).toEqual({ count: expect.any(Number) });
		expect((await control('DELETE', 'calls')).body).toEqual({ count: 0 });

		const connected = await control('POST', 'oauth/connect');
		expect(connected.body).toMatchObject({ token_type: 'bearer', expires_in: '600' });
		token = connected.body.access_token;
		expect((await control('GET', 'oauth/stats')).body.codeExchanges).toBeGreaterThanOrEqual(2);
		expect((await control('GET', `rate-limits/${D}`)).body).toMatchObject({ division: D, minuteLimit: 60 });

		const itemId = deterministicGuid(D, 'item', 'UUR-MONTEUR');
		const updated = await control('PATCH', `entities/${D}/Items/${itemId}`, { Description: 'Monteur (gewijzigd)' });
		expect(updated.body).toMatchObject({ Description: 'Monteur (gewijzigd)' });
		const fromApi = await callApi(simulator, token, `${D}/logistics/Items(guid'${itemId}')?$select=Description`);
		expect(fromApi.json().d.Description).toBe('Monteur (gewijzigd)');
		expect((await control('GET', `entities/${D}/Items/${itemId}`)).body.Timestamp).toBe(simulator.store.currentTimestamp(D));
		expect((await control('GET', `entities/${D}/Items?Code=UUR-MONTEUR`)).body).toEqual([expect.objectContaining({ ID: itemId })]);
		expect((await control('GET', `entities/${D}/Items?Code=NO-SUCH-ITEM`)).body).toEqual([]);
		expect((await control('GET', 'nope')).status).toBe(404);
	});
});
