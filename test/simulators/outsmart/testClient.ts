/** Test helper: calls the simulator over real HTTP with Node's fetch. */
import type { Envelope } from './envelope';
import type { OutSmartSimulator } from './index';

export interface ApiCallOptions {
	method?: string;
	query?: Record<string, string> | Array<[string, string]>;
	body?: unknown;
	rawBody?: string;
	headers?: Record<string, string>;
	/** Leave out token / software_token, or replace them. */
	token?: string | null;
	softwareToken?: string | null;
}

export function apiUrl(simulator: OutSmartSimulator, endpoint: string, options: ApiCallOptions = {}): string {
	const params = new URLSearchParams();
	const token = options.token === undefined ? simulator.info.token : options.token;
	const softwareToken = options.softwareToken === undefined ? simulator.info.softwareToken : options.softwareToken;
	if (token !== null) params.append('token', token);
	if (softwareToken !== null) params.append('software_token', softwareToken);
	const query = Array.isArray(options.query) ? options.query : Object.entries(options.query ?? {});
	for (const [name, value] of query) params.append(name, value);
	return `${simulator.info.baseUrl}/${endpoint}?${params.toString()}`;
}

export async function callApi(simulator: OutSmartSimulator, endpoint: string, options: ApiCallOptions = {}): Promise<{ status: number; envelope: Envelope }> {
	const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const response = await fetch(apiUrl(simulator, endpoint, options), {
		method: options.method ?? (body === undefined ? 'GET' : 'POST'),
		headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers },
		body,
	});
	return { status: response.status, envelope: (await response.json()) as Envelope };
}

/** The `response` of a successful call; fails the test with the envelope when the code is not 200. */
export async function okResponse<T = unknown>(simulator: OutSmartSimulator, endpoint: string, options: ApiCallOptions = {}): Promise<T> {
	const { status, envelope } = await callApi(simulator, endpoint, options);
	if (status !== 200 || envelope.code !== 200) throw new Error(`Expected code 200 from ${endpoint}, got HTTP ${status} ${JSON.stringify(envelope)}`);
	return envelope.response as T;
}

export async function control(simulator: OutSmartSimulator, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${simulator.info.controlUrl}/${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}
