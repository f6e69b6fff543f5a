import { startExactSimulator, type ExactSimulator } from './index';
import { authorize, callApi, exchangeCode, postForm, refresh } from './testClient';

const MINUTE = 60_000;

describe('Exact simulator OAuth2', () => {
	let simulator: ExactSimulator;

	beforeEach(async () => {
		simulator = await startExactSimulator({ timeScale: 0, relationCount: 20, itemCount: 20 });
	});

	afterEach(async () => {
		await simulator.close();
	});

	it('shows a consent page to people and redirects with code and state after consent', async () => {
		const url = `${simulator.info.authorizeUrl}?client_id=${simulator.info.clientId}&redirect_uri=${encodeURIComponent(simulator.info.redirectUri)}&response_type=code&state=abc`;
		const page = await fetch(url);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<form method="post"');

		const consent = await fetch(simulator.info.authorizeUrl, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ client_id: simulator.info.clientId, redirect_uri: simulator.info.redirectUri, response_type: 'code', state: 'abc', decision: 'allow' }).toString(),
		});
		expect(consent.status).toBe(302);
		const location = new URL(consent.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(simulator.info.redirectUri);
		expect(location.searchParams.get('state')).toBe('abc');
		expect(location.searchParams.get('code')!.length).toBeGreaterThan(100);
	});

	it('refuses an unregistered redirect URI or client at the authorize endpoint', async () => {
		const wrongRedirect = await fetch(`${simulator.info.authorizeUrl}?client_id=${simulator.info.clientId}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}&response_type=code&auto_consent=demo`, { redirect: 'manual' });
		expect(wrongRedirect.status).toBe(400);
		const wrongClient = await fetch(`${simulator.info.authorizeUrl}?client_id=nope&redirect_uri=${encodeURIComponent(simulator.info.redirectUri)}&response_type=code&auto_consent=demo`, { redirect: 'manual' });
		expect(wrongClient.status).toBe(400);
	});

	it('exchanges a code once for a bearer pair with expires_in as the string "600"', async () => {
		const { code, state } = await authorize(simulator);
		expect(state).toBe('xyz');
		const first = await exchangeCode(simulator, code);
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'bearer', expires_in: '600' });
		expect(Object.keys(first.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);

		const reuse = await exchangeCode(simulator, code);
		expect(reuse.status).toBe(400);
		expect(reuse.body).toEqual({ error: 'invalid_request' });
	});

	it('refuses an expired code, a code for another redirect URI, a bad secret and a JSON body', async () => {
		const expired = await authorize(simulator);
		simulator.clock.advance(181_000);
		expect((await exchangeCode(simulator, expired.code)).status).toBe(400);

		const mismatched = await authorize(simulator);
		expect((await exchangeCode(simulator, mismatched.code, 'http://127.0.0.1:9/other')).status).toBe(400);

		const badSecret = await authorize(simulator);
		const wrongSecret = await postForm(simulator.info.tokenUrl, { grant_type: 'authorization_code', code: badSecret.code, redirect_uri: simulator.info.redirectUri, client_id: simulator.info.clientId, client_secret: 'wrong' });
		expect(wrongSecret.status).toBe(400);

		const json = await fetch(simulator.info.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grant_type: 'authorization_code', code: badSecret.code }) });
		expect(json.status).toBe(400);
	});

	it('expires access tokens after 600 s and answers 401 with an empty or HTML body', async () => {
		const tokens = await simulator.connect();
		expect((await callApi(simulator, tokens.access_token, 'current/Me')).status).toBe(200);
		simulator.clock.advance(599_000);
		expect((await callApi(simulator, tokens.access_token, 'current/Me')).status).toBe(200);
		simulator.clock.advance(1_000);
		const expired = await callApi(simulator, tokens.access_token, 'current/Me');
		expect(expired.status).toBe(401);
		expect(expired.text).toBe('');
		const missing = await callApi(simulator, undefined, 'current/Me');
		expect(missing.status).toBe(401);
		expect(missing.text).toContain('Object moved');
		expect(simulator.tokenStats().unauthorized401).toBe(2);
	});

	it('refuses a refresh within 570 s, then rotates the refresh token and rejects the old one', async () => {
		const tokens = await simulator.connect();
		simulator.clock.advance(569_000);
		const early = await refresh(simulator, tokens.refresh_token);
		expect(early.status).toBe(401);
		expect(early.body.error_description).toBe('Access Token not expired');

		simulator.clock.advance(1_000);
		const rotated = await refresh(simulator, tokens.refresh_token);
		expect(rotated.status).toBe(200);
		expect(rotated.body.refresh_token).not.toBe(tokens.refresh_token);
		expect(rotated.body.expires_in).toBe('600');

		simulator.clock.advance(10 * MINUTE);
		const old = await refresh(simulator, tokens.refresh_token);
		expect(old.status).toBe(401);
		expect(old.body).toEqual({ error: 'unauthorized_client', error_description: 'Old refresh token used.' });
		expect((await refresh(simulator, rotated.body.refresh_token)).status).toBe(200);
		expect(simulator.tokenStats()).toMatchObject({ refreshes: 2, oldRefreshTokenUsed: 1, codeExchanges: 1 });
	});

	it('refuses a refresh token unused for 30 days with the "expired at" text', async () => {
		const tokens = await simulator.connect();
		simulator.clock.advance(30 * 24 * 3600_000 + 1000);
		const expired = await refresh(simulator, tokens.refresh_token);
		expect(expired.status).toBe(400);
		expect(expired.body.error).toBe('invalid_request');
		expect(expired.body.error_description).toMatch(/^The refresh token expired at \d+\/\d+\/\d{4} \d+:\d{2}:\d{2} [AP]M and it is now .+\.$/);

		const fresh = await simulator.connect();
		simulator.clock.advance(10 * MINUTE);
		simulator.expireRefreshTokens();
		expect((await refresh(simulator, fresh.refresh_token)).body.error).toBe('invalid_request');
	});

	it('invalidates the first chain when the same user authorizes the app again', async () => {
		const first = await simulator.connect();
		const second = await simulator.connect();
		simulator.clock.advance(10 * MINUTE);
		const oldChain = await refresh(simulator, first.refresh_token);
		expect(oldChain.status).toBe(400);
		expect(oldChain.body.error).toBe('invalid_grant');
		expect((await refresh(simulator, second.refresh_token)).status).toBe(200);
	});

	it('accepts no more than 200 token calls per user per day', async () => {
		const tokens = await simulator.connect();
		for (let call = 2; call <= 200; call++) {
			expect((await refresh(simulator, tokens.refresh_token)).status).toBe(401);
		}
		simulator.clock.advance(10 * MINUTE);
		const over = await refresh(simulator, tokens.refresh_token);
		expect(over.status).toBe(429);
		simulator.clock.advance(24 * 3600_000);
		simulator.expireRefreshTokens();
		const nextDay = await simulator.connect();
		expect(nextDay.expires_in).toBe('600');
	});
});
