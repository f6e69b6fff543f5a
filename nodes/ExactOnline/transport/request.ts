import type { IDataObject, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { getClock } from '../../shared/clock';
import { withFailureKind } from '../../shared/failureDetails';
import { FailureKind } from '../../shared/failureKinds';
import { redactSecrets } from '../../shared/redact';
import { exactBaseUrl } from './baseUrl';
import { exactApiError, exactErrorText, isReconnectError, reconnectError } from './errors';
import { inRequestLane, laneKey } from './lane';
import { withMandatoryFilter } from './mandatoryFilter';
import { unwrapEnvelope } from './normalise';
import {
	dailyBudgetRefusal,
	getExactLimitSettings,
	isDailyLimitHit,
	recordRateLimitHeaders,
	waitForMinuteBudget,
} from './rateLimit';
import { ensureFreshToken, OAUTH2_OPTIONS, refreshAfterUnauthorized } from './tokens';
import type { ExactContext, ExactPage, ExactRequest } from './types';
import { EXACT_CREDENTIAL_TYPE } from './types';

/** Hard ceiling on attempts of one request, whatever mix of waits and retries it goes through. */
const MAX_ATTEMPTS = 12;

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

function requestPath(division: number | undefined, resource: string): string {
	const cleaned = resource.replace(/^\/+/, '');
	if (division === undefined) return `/api/v1/${cleaned}`;
	return `/api/v1/${division}/${cleaned}`;
}

function dailyBudgetError(node: INode, division: number | undefined, remaining: number, reserve: number, resetsAt: string, itemIndex?: number) {
	return limitError(
		node,
		`Exact Online daily API budget for division ${division ?? 'current'} is nearly spent: ${remaining} calls left (${reserve} kept in reserve), resets at ${resetsAt}`,
		{
			itemIndex,
			description:
				'Exact allows a fixed number of calls per app and division per day. The node stopped before using the last calls so that other work can still reach Exact. Run again after the reset, or reduce how much this workflow reads (use the sync operations for incremental imports).',
		},
	);
}

function limitError(...args: ConstructorParameters<typeof NodeOperationError>): NodeOperationError {
	return withFailureKind(new NodeOperationError(...args), FailureKind.exactLimit);
}

function unknownOutcomeError(node: INode, method: string, path: string, cause: string, itemIndex?: number) {
	return unknownOutcome(
		node,
		`Exact Online did not confirm ${method} ${path} (${cause}); the outcome is unknown, so it was not repeated`,
		{
			itemIndex,
			description:
				'The request may or may not have been carried out. Check in Exact Online whether the record exists before running this item again (for sales invoices, use "Find by YourRef" or the "skip if exists" option).',
		},
	);
}

function unknownOutcome(...args: ConstructorParameters<typeof NodeOperationError>): NodeOperationError {
	return withFailureKind(new NodeOperationError(...args), FailureKind.exactUnknownOutcome);
}

function statusOf(error: unknown): number | undefined {
	const record = error as { httpCode?: string; response?: { status?: number }; cause?: { response?: { status?: number } } };
	const code = Number(record?.httpCode ?? record?.response?.status ?? record?.cause?.response?.status);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}

/** One page or entity from Exact, through the lane, pacing and retry rules. */
export async function sendExactRequest(context: ExactContext, request: ExactRequest): Promise<ExactPage> {
	const node = context.getNode();
	const credentials = await context.getCredentials(EXACT_CREDENTIAL_TYPE);
	const base = exactBaseUrl(credentials, node);
	const secrets = [credentials.clientSecret as string | undefined, credentials.clientId as string | undefined];
	// A next-page link is followed as given; a relative one is resolved against the API's base URL.
	let nextUrl: URL | undefined;
	if (request.url) {
		try {
			nextUrl = new URL(request.url, base);
		} catch {
			throw new NodeOperationError(node, `Exact Online returned a next-page link that is not a URL (${request.url}); it was not followed`, {
				itemIndex: request.itemIndex,
			});
		}
	}
	const path = nextUrl ? nextUrl.pathname : requestPath(request.division, request.resource);
	if (nextUrl && nextUrl.origin !== new URL(base).origin) {
		throw new NodeOperationError(node, `Exact Online returned a next-page link to another host (${nextUrl.origin}); it was not followed`, {
			itemIndex: request.itemIndex,
		});
	}
	const url = nextUrl ? nextUrl.toString() : `${base}${path}`;
	const method = request.method;
	const isRead = method === 'GET';
	const qs = isRead && !request.url ? withMandatoryFilter(request.resource, request.division, request.qs) : request.qs;
	const key = laneKey(context, request.division);
	const limits = getExactLimitSettings();
	const headers: IDataObject = { Accept: 'application/json' };
	if (!isRead) {
		headers['Content-Type'] = 'application/json';
		headers.Prefer = 'return=representation';
	}

	return await inRequestLane(context, request.division, async () => {
		let rateLimitWaits = 0;
		let readRetries = 0;
		let refreshedAfter401 = false;
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const refusal = dailyBudgetRefusal(key, { ignoreReserve: request.useDailyReserve === true });
			if (refusal) {
				throw dailyBudgetError(node, request.division, refusal.remaining, refusal.reserve, refusal.resetsAt, request.itemIndex);
			}
			await waitForMinuteBudget(key);
			const token = await ensureFreshToken(context, request.itemIndex);
			const options: IHttpRequestOptions = {
				method,
				url,
				headers,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: limits.requestTimeoutMs,
			};
			if (!request.url && qs && Object.keys(qs).length > 0) options.qs = qs;
			if (request.body !== undefined && !isRead) options.body = request.body;

			let response: FullResponse;
			try {
				response = (await context.helpers.httpRequestWithAuthentication.call(context, EXACT_CREDENTIAL_TYPE, options, {
					oauth2: OAUTH2_OPTIONS,
				})) as FullResponse;
			} catch (error) {
				if (isReconnectError(error)) throw reconnectError(node, request.itemIndex);
				const status = statusOf(error);
				const reason = redactSecrets((error as Error).message ?? String(error), secrets);
				if (isRead && readRetries < limits.maxReadRetries && (status === undefined || status >= 500)) {
					await getClock().sleep(limits.readRetryBaseMs * 2 ** readRetries);
					readRetries++;
					continue;
				}
				if (!isRead) throw unknownOutcomeError(node, method, path, reason, request.itemIndex);
				throw withFailureKind(
					new NodeApiError(node, { message: reason } as JsonObject, {
						message: `Exact Online could not be reached for ${method} ${path}: ${reason}`,
						itemIndex: request.itemIndex,
					}),
					FailureKind.exactUnavailable,
				);
			}

			recordRateLimitHeaders(key, response.headers);
			const status = response.statusCode;
			if (status >= 200 && status < 300) {
				return unwrapEnvelope(response.body, { keepMetadata: request.keepMetadata });
			}
			if (status === 401 && !refreshedAfter401) {
				// 401 means Exact did not process the call, so repeating it (even a write) is safe.
				refreshedAfter401 = true;
				await refreshAfterUnauthorized(context, token, request.itemIndex);
				continue;
			}
			if (status === 429) {
				if (isDailyLimitHit(key)) {
					const refusalAtLimit = dailyBudgetRefusal(key, { ignoreReserve: true });
					throw dailyBudgetError(node, request.division, 0, 0, refusalAtLimit?.resetsAt ?? 'an unknown time', request.itemIndex);
				}
				if (rateLimitWaits >= limits.maxRateLimitRetries) break;
				rateLimitWaits++;
				// A 429 was not processed either: wait for the next minute window and try again.
				await waitForMinuteBudget(key, true);
				continue;
			}
			if (status >= 500 && isRead && readRetries < limits.maxReadRetries) {
				await getClock().sleep(limits.readRetryBaseMs * 2 ** readRetries);
				readRetries++;
				continue;
			}
			if (status >= 500 && !isRead && exactErrorText(response.body) === undefined) {
				throw unknownOutcomeError(node, method, path, `HTTP ${status}`, request.itemIndex);
			}
			throw exactApiError(node, { status, headers: response.headers ?? {}, body: response.body }, {
				method,
				path,
				itemIndex: request.itemIndex,
			});
		}
		throw limitError(node, `Exact Online kept refusing ${method} ${path} for rate limits; try again in a few minutes`, {
			itemIndex: request.itemIndex,
		});
	});
}
