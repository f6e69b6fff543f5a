import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withFailureKind } from '../../shared/failureDetails';
import { FailureKind } from '../../shared/failureKinds';
import { getClock } from '../../shared/clock';
import { redactSecrets } from '../../shared/redact';
import { explainOutSmartCode } from './errors';
import { filtersToQuery, type OutSmartFilter } from './filters';

export type OutSmartContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export const OUTSMART_CREDENTIAL = 'outSmartApi';

export interface OutSmartRequest {
	method: 'GET' | 'POST';
	/** The endpoint under the base URL: 'GetWorkorders', 'relations', 'documents/' … */
	endpoint: string;
	qs?: IDataObject;
	body?: unknown;
	filters?: OutSmartFilter[];
	itemIndex?: number;
	/**
	 * Whether a transient failure (5xx, timeout, dropped connection) may be retried. Defaults to true for
	 * reads only: a write whose outcome is unknown is never sent again blindly. GET endpoints that change
	 * data (UpdateWorkorder, DeleteEntity, GetWorkorder with update_status=true) pass false.
	 */
	retryTransient?: boolean;
}

export interface OutSmartTransportSettings {
	/** Per-request timeout. GetWorkorders on a large account is slow; real clients allow minutes. */
	timeoutMs: number;
	/** Waits before each retry of a read; the number of entries bounds the retries. */
	retryDelaysMs: number[];
}

const defaultSettings: OutSmartTransportSettings = { timeoutMs: 300_000, retryDelaysMs: [1_000, 5_000, 15_000] };
let settings: OutSmartTransportSettings = { ...defaultSettings };

/** For tests and benchmarks: shorter timeouts (pass nothing to restore the defaults). */
export function configureOutSmartTransport(overrides?: Partial<OutSmartTransportSettings>): void {
	settings = { ...defaultSettings, ...(overrides ?? {}) };
}

interface OutSmartEnvelope {
	code: number;
	messages: string[];
	response: unknown;
}

function isEnvelope(value: unknown): value is OutSmartEnvelope {
	return typeof value === 'object' && value !== null && 'code' in value && typeof (value as { code: unknown }).code === 'number';
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

function statusOf(error: unknown): number | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const response = (error as { response?: { status?: unknown } }).response;
	if (response && typeof response.status === 'number') return response.status;
	const httpCode = Number((error as { httpCode?: unknown }).httpCode);
	return Number.isFinite(httpCode) && httpCode > 0 ? httpCode : undefined;
}

const TRANSIENT_CODES = new Set(['ECONNABORTED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function errorCodeOf(error: unknown, depth = 0): string | undefined {
	if (typeof error !== 'object' || error === null || depth > 3) return undefined;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') return code;
	return errorCodeOf((error as { cause?: unknown }).cause, depth + 1);
}

/** True for failures worth retrying on a read: server errors, timeouts and dropped connections. */
export function isTransientFailure(error: unknown): boolean {
	const status = statusOf(error);
	if (status !== undefined) return status >= 500 || status === 429;
	const code = errorCodeOf(error);
	if (code !== undefined && TRANSIENT_CODES.has(code)) return true;
	const message = error instanceof Error ? error.message : '';
	return /timeout|socket hang up|terminated/i.test(message);
}

async function secretsOf(context: OutSmartContext): Promise<string[]> {
	try {
		const credentials = await context.getCredentials(OUTSMART_CREDENTIAL);
		return [credentials.token, credentials.softwareToken].filter((value): value is string => typeof value === 'string');
	} catch {
		return [];
	}
}

/** The base URL of the credential without trailing slashes. */
export async function outSmartBaseUrl(context: OutSmartContext): Promise<string> {
	const credentials = await context.getCredentials(OUTSMART_CREDENTIAL);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+/i.test(baseUrl)) {
		throw new NodeApiError(context.getNode(), { message: 'Invalid Base URL' } as JsonObject, {
			message: 'The OutSmart credential has no valid Base URL',
			description: 'Open the OutSmart credential and set "Base URL" to e.g. https://app.out-smart.com/openapi/8',
		});
	}
	if (/^http:/i.test(baseUrl) && OUTSMART_PUBLIC_HOST.test(new URL(baseUrl).hostname)) {
		throw new NodeApiError(context.getNode(), { message: 'Insecure Base URL' } as JsonObject, {
			message: 'The OutSmart credential\'s Base URL must use https for a real OutSmart host',
			description: `OutSmart only answers over https (and tokens must never travel unencrypted): change the Base URL to ${baseUrl.replace(/^http:/i, 'https:')}`,
		});
	}
	return baseUrl;
}

/** OutSmart's own hosts: these are reached over https only; http is for test environments. */
const OUTSMART_PUBLIC_HOST = /(^|\.)(out-smart\.com|werkbonapp\.nl|outsmart\.nl)$/i;

/** Turns an HTTP-level failure into an error a user can act on, with the tokens removed. */
async function httpFailure(context: OutSmartContext, error: unknown, request: OutSmartRequest, attempts: number): Promise<NodeApiError> {
	const secrets = await secretsOf(context);
	const status = statusOf(error);
	const raw = error instanceof Error ? error.message : String(error);
	const transient = isTransientFailure(error);
	let description: string;
	if (status === 401 || status === 403) {
		description = 'OutSmart refused access: check the tokens and the Base URL in the OutSmart credential.';
	} else if (transient && request.method === 'GET' && request.retryTransient !== false) {
		description = `OutSmart did not answer properly after ${attempts} attempt(s). It may be down or slow; the run can be retried later.`;
	} else if (transient) {
		description =
			'The outcome of this change is unknown (OutSmart did not answer properly) and it was not sent again. Check the record in OutSmart before retrying.';
	} else {
		description = 'OutSmart could not be reached or answered with an unexpected HTTP status.';
	}
	const failure = new NodeApiError(
		context.getNode(),
		{ message: redactSecrets(raw, secrets), httpCode: status !== undefined ? String(status) : null } as JsonObject,
		{
			message: redactSecrets(`OutSmart ${request.endpoint}: ${status !== undefined ? `HTTP ${status}` : raw}`, secrets),
			description,
			itemIndex: request.itemIndex,
			httpCode: status !== undefined ? String(status) : undefined,
		},
	);
	const refused = status !== undefined && status >= 400 && status < 500;
	return withFailureKind(failure, refused ? FailureKind.outSmartRefused : FailureKind.outSmartUnavailable);
}

/** The error for an envelope whose code is not 200. */
export function envelopeError(context: OutSmartContext, envelope: OutSmartEnvelope, endpoint: string, itemIndex?: number): NodeApiError {
	const messages = Array.isArray(envelope.messages) ? envelope.messages.map(String) : [];
	const error = new NodeApiError(
		context.getNode(),
		{ code: envelope.code, messages } as unknown as JsonObject,
		{
			message: `OutSmart ${endpoint} failed with code ${envelope.code}${messages.length ? `: ${messages.join('; ')}` : ''}`,
			description: explainOutSmartCode(envelope.code, messages, endpoint),
			itemIndex,
		},
	);
	withFailureKind(error, FailureKind.outSmartRefused);
	(error as NodeApiError & { outSmartCode?: number; outSmartMessages?: string[] }).outSmartCode = envelope.code;
	(error as NodeApiError & { outSmartCode?: number; outSmartMessages?: string[] }).outSmartMessages = messages;
	return error;
}

/** OutSmart's result code carried by an error from this transport, if any. */
export function outSmartCodeOf(error: unknown): number | undefined {
	const code = (error as { outSmartCode?: unknown } | undefined)?.outSmartCode;
	return typeof code === 'number' ? code : undefined;
}

/**
 * One OutSmart call: signs it with the credential's tokens, unwraps the `{code, messages, response}`
 * envelope and returns `response`. A code other than 200 becomes a NodeApiError with OutSmart's code,
 * messages and a plain explanation. Reads are retried on transient failures with a bounded backoff.
 */
export async function outSmartRequest(this: OutSmartContext, request: OutSmartRequest): Promise<unknown> {
	const baseUrl = await outSmartBaseUrl(this);
	const endpoint = request.endpoint.replace(/^\/+/, '');
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}/${endpoint}`,
		qs: { ...(request.qs ?? {}), ...filtersToQuery(request.filters) },
		arrayFormat: 'brackets',
		headers: { Accept: 'application/json' },
		json: true,
		timeout: settings.timeoutMs,
	};
	if (request.body !== undefined) options.body = request.body as IDataObject;

	const mayRetry = request.retryTransient ?? request.method === 'GET';
	const maxAttempts = mayRetry ? settings.retryDelaysMs.length + 1 : 1;
	let body: unknown;
	for (let attempt = 1; ; attempt++) {
		try {
			body = await this.helpers.httpRequestWithAuthentication.call(this, OUTSMART_CREDENTIAL, options);
			break;
		} catch (error) {
			if (attempt >= maxAttempts || !isTransientFailure(error)) throw await httpFailure(this, error, request, attempt);
			await getClock().sleep(settings.retryDelaysMs[attempt - 1]);
		}
	}

	const parsed = parseBody(body);
	if (!isEnvelope(parsed)) {
		const secrets = await secretsOf(this);
		const preview = redactSecrets(typeof parsed === 'string' ? parsed.slice(0, 200) : JSON.stringify(parsed ?? null).slice(0, 200), secrets);
		throw new NodeApiError(this.getNode(), { message: preview } as JsonObject, {
			message: `OutSmart ${endpoint} answered without the expected {code, messages, response} envelope`,
			description: `Check the Base URL in the OutSmart credential (it must point at the OpenAPI, e.g. https://app.out-smart.com/openapi/8). The answer began with: ${preview}`,
			itemIndex: request.itemIndex,
		});
	}
	if (parsed.code !== 200) throw envelopeError(this, parsed, endpoint, request.itemIndex);
	return parsed.response;
}
