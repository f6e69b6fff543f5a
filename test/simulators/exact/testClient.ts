/** A tiny client the simulator's own tests use: real HTTP with Node's fetch, the headers Exact wants. */
import type { ExactSimulator } from './simulator';

export interface ApiResult {
	status: number;
	headers: Headers;
	text: string;
	json: () => any;
}

export async function callApi(
	simulator: ExactSimulator,
	accessToken: string | undefined,
	pathOrUrl: string,
	init: { method?: string; body?: unknown; accept?: string | null } = {},
): Promise<ApiResult> {
	const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${simulator.info.baseUrl}/api/v1/${pathOrUrl}`;
	const headers: Record<string, string> = {};
	if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
	if (init.accept !== null) headers.Accept = init.accept ?? 'application/json';
	if (init.body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

export async function postForm(url: string, form: Record<string, string>): Promise<{ status: number; body: any }> {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Some rejections have no JSON body; the raw text is what the test sees then.
	}
	return { status: response.status, body };
}

/** Follows the authorize redirect like a browser that consents, and returns the code and state. */
export async function authorize(simulator: ExactSimulator, redirectUri = simulator.info.redirectUri, state = 'xyz'): Promise<{ code: string; state: string | null; location: string }> {
	const url = new URL(simulator.info.authorizeUrl);
	url.search = new URLSearchParams({ client_id: simulator.info.clientId, redirect_uri: redirectUri, response_type: 'code', state, auto_consent: 'demo' }).toString();
	const response = await fetch(url, { redirect: 'manual' });
	const location = response.headers.get('location') ?? '';
	const target = new URL(location);
	return { code: target.searchParams.get('code') ?? '', state: target.searchParams.get('state'), location };
}

export function exchangeCode(simulator: ExactSimulator, code: string, redirectUri = simulator.info.redirectUri): Promise<{ status: number; body: any }> {
	return postForm(simulator.info.tokenUrl, {
		grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: simulator.info.clientId, client_secret: simulator.info.clientSecret,
	});
}

export function refresh(simulator: ExactSimulator, refreshToken: string): Promise<{ status: number; body: any }> {
	return postForm(simulator.info.tokenUrl, {
		grant_type: 'refresh_token', refresh_token: refreshToken, client_id: simulator.info.clientId, client_secret: simulator.info.clientSecret,
	});
}
