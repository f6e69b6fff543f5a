import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;
const START = Date.UTC(2026, 10, 2, 7, 0, 30);

describe('Exact simulator rate limits and error limit', () => {
	let simulator: ExactSimulator;
	let token: string;
	const me = () => callApi(simulator, token, `${D}/system/Divisions?$select=Code`);

	afterEach(async () => {
		await simulator.close();
	});

	it('sends daily and minutely headers with epoch-ms resets and a Date header from the simulated clock', async () => {
		simulator = await startExactSimulator({ timeScale: 0, startTime: START, relationCount: 10, itemCount: 10 });
		token = (await simulator.connect()).access_token;
		const first = await me();
		expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
		expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
		expect(first.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 10, 3)));
		expect(first.headers.get('x-ratelimit-minutely-limit')).toBe('60');
		expect(first.headers.get('x-ratelimit-minutely-remaining')).toBe('59');
		expect(first.headers.get('x-ratelimit-minutely-reset')).toBe(String(Date.UTC(2026, 10, 2, 7, 1, 0)));
		expect(new Date(first.headers.get('date')!).getTime()).toBe(START);
		expect((await me()).headers.get('x-ratelimit-minutely-remaining')).toBe('58');
		expect(simulator.rateLimitState(D)).toMatchObject({ minuteRemaining: 58, dailyRemaining: 4998 });
	});

	it('answers 429 with only the minutely headers when the minute budget is used, until the next minute', async () => {
		simulator = await startExactSimulator({ timeScale: 0, startTime: START, relationCount: 10, itemCount: 10 });
		token = (await simulator.connect()).access_token;
		for (let call = 0; call < 60; call++) expect((await me()).status).toBe(200);
		const limited = await me();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-minutely-remaining')).toBe('0');
		expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
		const reset = Number(limited.headers.get('x-ratelimit-minutely-reset'));
		simulator.clock.advance(reset - simulator.clock.now());
		expect((await me()).status).toBe(200);
	});

	it('answers 429 when the daily budget is used and recovers after UTC midnight', async () => {
		simulator = await startExactSimulator({ timeScale: 0, startTime: START, relationCount: 10, itemCount: 10, dailyLimit: 3 });
		token = (await simulator.connect()).access_token;
		for (let call = 0; call < 3; call++) expect((await me()).status).toBe(200);
		const limited = await me();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(limited.headers.get('x-ratelimit-minutely-remaining')).not.toBe('0');
		simulator.clock.set(Number(limited.headers.get('x-ratelimit-reset')));
		token = (await simulator.connect()).access_token;
		expect((await me()).status).toBe(200);
	});

	it('blocks an endpoint for an hour after more than 10 errors within an hour, other endpoints stay open', async () => {
		simulator = await startExactSimulator({ timeScale: 0, startTime: START, relationCount: 10, itemCount: 10, minuteLimit: 1000 });
		token = (await simulator.connect()).access_token;
		const badAccounts = () => callApi(simulator, token, `${D}/crm/Accounts?$select=ID`);
		for (let error = 0; error < 11; error++) expect((await badAccounts()).status).toBe(400);
		const blocked = await callApi(simulator, token, `${D}/crm/Accounts?$select=ID&$filter=Status eq 'C'`);
		expect(blocked.status).toBe(429);
		expect((await me()).status).toBe(200);
		simulator.clock.advance(3600_000);
		token = (await simulator.connect()).access_token;
		expect((await callApi(simulator, token, `${D}/crm/Accounts?$select=ID&$filter=Status eq 'C'`)).status).toBe(200);
	});

	it('counts ten errors as still allowed', async () => {
		simulator = await startExactSimulator({ timeScale: 0, startTime: START, relationCount: 10, itemCount: 10 });
		token = (await simulator.connect()).access_token;
		for (let error = 0; error < 10; error++) expect((await callApi(simulator, token, `${D}/crm/Accounts?$select=ID`)).status).toBe(400);
		expect((await callApi(simulator, token, `${D}/crm/Accounts?$select=ID&$filter=Status eq 'C'`)).status).toBe(200);
	});
});
