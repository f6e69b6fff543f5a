import { startOutSmartSimulator, type OutSmartSimulator } from './index';
import { callApi } from './testClient';

describe('OutSmart simulator: envelope, tokens and endpoints', () => {
	let simulator: OutSmartSimulator;
	beforeAll(async () => {
		simulator = await startOutSmartSimulator({ relationCount: 20, itemCount: 30, workorderCount: 4 });
	});
	afterAll(() => simulator.close());

	it('answers a good call with HTTP 200 and the {code, messages, response} envelope', async () => {
		const { status, envelope } = await callApi(simulator, 'employees');
		expect(status).toBe(200);
		expect(envelope.code).toBe(200);
		expect(envelope.messages).toEqual([]);
		expect(Array.isArray(envelope.response)).toBe(true);
	});

	it('listens on 127.0.0.1 and reports /openapi/8 and /_control URLs', () => {
		expect(simulator.info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openapi\/8$/);
		expect(simulator.info.controlUrl).toBe(simulator.info.baseUrl.replace('/openapi/8', '/_control'));
	});

	it('checks the tokens in the documented order 1002, 1003, 1004, 1005, always with HTTP 200', async () => {
		const none = await callApi(simulator, 'employees', { token: null, softwareToken: null });
		expect([none.status, none.envelope.code, none.envelope.response]).toEqual([200, 1002, null]);
		const noSoftware = await callApi(simulator, 'employees', { softwareToken: null });
		expect(noSoftware.envelope.code).toBe(1003);
		const bothWrong = await callApi(simulator, 'employees', { token: 'wrong', softwareToken: 'wrong' });
		expect(bothWrong.envelope.code).toBe(1004);
		const badSoftware = await callApi(simulator, 'employees', { softwareToken: 'other-package' });
		expect([badSoftware.status, badSoftware.envelope.code]).toEqual([200, 1005]);
		const softwareOnly = await callApi(simulator, 'employees', { token: null });
		expect(softwareOnly.envelope.code).toBe(1002);
	});

	it('accepts an Authorization: Bearer with the customer token and refuses a different one', async () => {
		const good = await callApi(simulator, 'employees', { headers: { Authorization: `Bearer ${simulator.info.token}` } });
		expect(good.envelope.code).toBe(200);
		const bad = await callApi(simulator, 'employees', { headers: { Authorization: 'Bearer somebody-else' } });
		expect(bad.envelope.code).toBe(1004);
	});

	it('answers 1000 without an endpoint and 1001 for an unknown endpoint or method', async () => {
		const noEndpoint = await fetch(`${simulator.info.baseUrl}/?token=${simulator.info.token}&software_token=${simulator.info.softwareToken}`);
		expect(((await noEndpoint.json()) as { code: number }).code).toBe(1000);
		expect((await callApi(simulator, 'Workorderz')).envelope.code).toBe(1001);
		expect((await callApi(simulator, 'getworkorders', { query: { status: 'Alle' } })).envelope.code).toBe(1001);
		expect((await callApi(simulator, 'relations', { method: 'PUT', body: [] })).envelope.code).toBe(1001);
	});

	it('accepts a trailing slash on the endpoint', async () => {
		expect((await callApi(simulator, 'relations/')).envelope.code).toBe(200);
	});

	it('answers 1008 "Unable to fetch body" for an empty body and 1009 "Unable to parse body" for invalid JSON', async () => {
		const empty = await callApi(simulator, 'materials', { method: 'POST', rawBody: '' });
		expect(empty.envelope).toEqual({ code: 1008, messages: ['Unable to fetch body'], response: null });
		const invalid = await callApi(simulator, 'materials', { method: 'POST', rawBody: '[{"code":' });
		expect(invalid.envelope).toEqual({ code: 1009, messages: ['Unable to parse body'], response: null });
		const emptyWorkorders = await callApi(simulator, 'PostWorkorders', { method: 'POST', rawBody: '  ' });
		expect(emptyWorkorders.envelope.code).toBe(1008);
	});

	it('records every API call with its query string and envelope code', async () => {
		simulator.resetCalls();
		await callApi(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: 'false' } });
		const [call] = simulator.calls({ endpoint: 'GetWorkorders' });
		expect(call.method).toBe('GET');
		expect(call.path).toBe('/openapi/8/GetWorkorders');
		expect(new URLSearchParams(call.query).get('update_status')).toBe('false');
		expect(call.code).toBe(200);
		expect(simulator.callCount({ method: 'GET', path: '/openapi/8/GetWorkorders' })).toBe(1);
		expect(simulator.callCounters()).toEqual({ 'GET /openapi/8/GetWorkorders': 1 });
	});
});
