import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IWorkflowBase } from 'n8n-workflow';

import { exactCredentials, outSmartCredentials, WorkflowHarness } from './index';

/**
 * A deliberately tiny stand-in for both services, so this test proves the harness itself: n8n-core signs
 * OAuth2 requests, refreshes on a 401 with client id/secret in the body, persists the rotated refresh
 * token, and applies the OutSmart credential's query-parameter tokens.
 */
function startFakeServer() {
	const state = { accessToken: 'access-1', refreshToken: 'refresh-1', refreshBodies: [] as string[] };
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			const send = (status: number, payload: unknown) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(payload));
			};
			if (url.pathname === '/api/oauth2/token') {
				state.refreshBodies.push(body);
				const form = new URLSearchParams(body);
				if (form.get('refresh_token') !== state.refreshToken) {
					return send(401, { error: 'unauthorized_client', error_description: 'Old refresh token used.' });
				}
				const generation = Number(state.refreshToken.split('-')[1]) + 1;
				state.accessToken = `access-${generation}`;
				state.refreshToken = `refresh-${generation}`;
				return send(200, {
					access_token: state.accessToken,
					token_type: 'bearer',
					expires_in: '600',
					refresh_token: state.refreshToken,
				});
			}
			if (url.pathname === '/api/v1/current/Me') {
				if (req.headers.authorization !== `Bearer ${state.accessToken}`) return send(401, {});
				return send(200, { d: { results: [{ FullName: 'Demo User' }] } });
			}
			if (url.pathname === '/openapi/8/workstatusses/') {
				const ok = url.searchParams.get('token') === 'customer-token' && url.searchParams.get('software_token') === 'software-token';
				return send(200, ok ? { code: 200, messages: [], response: [{ name: 'Gereed' }] } : { code: 1004, messages: ['Unauthorized'], response: null });
			}
			send(404, {});
		});
	});
	return new Promise<{ server: http.Server; baseUrl: string; state: typeof state }>((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({ server, baseUrl: `http://127.0.0.1:${port}`, state });
		});
	});
}

function httpNode(name: string, url: string, credentialType: string, position: [number, number]) {
	return {
		id: name,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: { url, authentication: 'predefinedCredentialType', nodeCredentialType: credentialType, options: {} },
		credentials: { [credentialType]: { id: '', name: 'from template' } },
	};
}

describe('in-process n8n engine harness', () => {
	let fake: Awaited<ReturnType<typeof startFakeServer>>;
	beforeAll(async () => (fake = await startFakeServer()));
	afterAll(async () => await new Promise((done) => fake.server.close(done)));

	it('runs a workflow with both credentials and lets n8n-core refresh a rotating OAuth2 token', async () => {
		// The stored access token is already stale on the server: the first call draws a 401.
		fake.state.accessToken = 'access-2';
		fake.state.refreshToken = 'refresh-2';
		const harness = new WorkflowHarness({
			exactOnlineOAuth2Api: exactCredentials(
				{ baseUrl: fake.baseUrl, clientId: 'client-id', clientSecret: 'client-secret' },
				{ access_token: 'access-1', refresh_token: 'refresh-2', token_type: 'bearer', expires_in: '600' },
			),
			outSmartApi: outSmartCredentials({
				baseUrl: `${fake.baseUrl}/openapi/8`,
				token: 'customer-token',
				softwareToken: 'software-token',
			}),
		});
		const workflow = {
			id: 'harness-proof',
			name: 'Harness proof',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				httpNode('Exact Me', `${fake.baseUrl}/api/v1/current/Me`, 'exactOnlineOAuth2Api', [200, 0]),
				httpNode('OutSmart statuses', `${fake.baseUrl}/openapi/8/workstatusses/`, 'outSmartApi', [400, 0]),
			],
			connections: {
				Start: { main: [[{ node: 'Exact Me', type: 'main', index: 0 }]] },
				'Exact Me': { main: [[{ node: 'OutSmart statuses', type: 'main', index: 0 }]] },
			},
		} as unknown as IWorkflowBase;

		const result = await harness.run(workflow);

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output('Exact Me')[0]).toEqual({ d: { results: [{ FullName: 'Demo User' }] } });
		expect(result.output('OutSmart statuses')[0]).toMatchObject({ code: 200, response: [{ name: 'Gereed' }] });
		// One refresh, with the client credentials in the form body as Exact requires.
		expect(fake.state.refreshBodies).toHaveLength(1);
		const form = new URLSearchParams(fake.state.refreshBodies[0]);
		expect(form.get('grant_type')).toBe('refresh_token');
		expect(form.get('client_id')).toBe('client-id');
		expect(form.get('client_secret')).toBe('client-secret');
		// The rotated pair was persisted, so the next run signs with it and does not refresh again.
		expect(harness.credential('exactOnlineOAuth2Api')?.oauthTokenData).toMatchObject({
			access_token: 'access-3',
			refresh_token: 'refresh-3',
		});
		const second = await harness.run(workflow);
		expect(second.status).toBe('success');
		expect(fake.state.refreshBodies).toHaveLength(1);
	});
});
