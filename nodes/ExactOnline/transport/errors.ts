import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { withFailureKind } from '../../shared/failureDetails';
import { FailureKind } from '../../shared/failureKinds';

export const RECONNECT_MESSAGE = 'Exact Online refused the refresh token: open the credential and reconnect';

/** What a user can check for each `Reason` header Exact sends with a 403. */
const FORBIDDEN_REASONS: Record<string, string> = {
	NoDivisionAccess:
		'The connected Exact user has no access to this division, or the division was not granted to the app when connecting. Check the division, or reconnect the credential and tick the division on Exact\'s consent screen.',
	DivisionBlocked: 'This division is blocked in Exact Online. Check the administration\'s status with the Exact administrator.',
	LicenseExpired: 'The Exact Online licence of this company has expired. Renew the licence in Exact Online.',
	BlockedCustomer: 'The Exact Online customer (licence holder) is blocked. Contact Exact or the licence owner.',
	BlockedUser: 'The connected Exact Online user is blocked. Unblock the user in Exact, or connect the credential with another user.',
	InactiveUser: 'The connected Exact Online user is inactive. Activate the user in Exact, or connect the credential with another user.',
};

export function forbiddenAdvice(reason: string | undefined): string {
	if (reason && FORBIDDEN_REASONS[reason]) return FORBIDDEN_REASONS[reason];
	return 'The connected Exact user lacks the right for this endpoint, or the company\'s licence does not include the module it belongs to. Run the "Check Access" operation for the division to see which endpoints are missing.';
}

/** Texts from Exact's token endpoint (and n8n's own wrapper) that mean the token chain is gone. */
const RECONNECT_PATTERNS = [
	/old refresh token used/i,
	/refresh token expired/i,
	/the refresh token expired at/i,
	/invalid_grant/i,
	/obsolete/i,
	/chainid/i,
	/needs to be reconnected/i,
	/unauthorized_client/i,
	/oauth credentials not connected/i,
];

function collectText(error: unknown, depth = 0): string {
	if (depth > 4 || error === null || error === undefined) return '';
	if (typeof error === 'string') return error;
	if (typeof error !== 'object') return String(error);
	const record = error as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of ['message', 'description', 'error', 'error_description', 'body', 'code']) {
		const value = record[key];
		if (typeof value === 'string') parts.push(value);
		else if (value && typeof value === 'object') parts.push(collectText(value, depth + 1));
	}
	if (record.cause) parts.push(collectText(record.cause, depth + 1));
	return parts.join(' ');
}

export function isReconnectError(error: unknown): boolean {
	const text = collectText(error);
	return RECONNECT_PATTERNS.some((pattern) => pattern.test(text));
}

export function reconnectError(node: INode, itemIndex?: number, detail?: string): NodeOperationError {
	const error = new NodeOperationError(node, RECONNECT_MESSAGE, {
		itemIndex,
		description:
			'The refresh token has expired (unused for 30 days), was already used, or the same Exact user connected this app elsewhere, which ends the earlier token chain. Open the Exact Online credential, click Reconnect and sign in again.' +
			(detail ? ` Exact said: ${detail}` : ''),
	});
	return withFailureKind(error, FailureKind.exactReconnect);
}

/** The error text inside Exact's OData error body, whatever its shape. */
export function exactErrorText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('{')) {
			try {
				return exactErrorText(JSON.parse(trimmed));
			} catch {
				return trimmed.slice(0, 300);
			}
		}
		// 401s come as HTML "Object moved" pages: never show markup.
		return trimmed.startsWith('<') ? undefined : trimmed.slice(0, 300);
	}
	if (typeof body === 'object') {
		const error = (body as { error?: { message?: { value?: string } | string } }).error;
		if (error && typeof error === 'object') {
			const message = error.message;
			if (typeof message === 'string') return message;
			if (message && typeof message.value === 'string') return message.value;
		}
	}
	return undefined;
}

export interface HttpFailure {
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export function exactApiError(
	node: INode,
	failure: HttpFailure,
	context: { method: string; path: string; itemIndex?: number },
): NodeApiError {
	const text = exactErrorText(failure.body);
	const where = `${context.method} ${context.path}`;
	let message: string;
	let description: string | undefined = text;
	switch (failure.status) {
		case 400:
			message = `Exact Online rejected the request (${where}): ${text ?? 'bad request'}`;
			break;
		case 401:
			message = `Exact Online did not accept the access token (${where})`;
			description = 'The token was refused even after a refresh. Reconnect the Exact Online credential if this repeats.';
			break;
		case 403: {
			const reasonHeader = Object.entries(failure.headers).find(([key]) => key.toLowerCase() === 'reason')?.[1];
			const reason = reasonHeader === undefined ? undefined : String(reasonHeader);
			message = `Exact Online refused access${reason ? ` (${reason})` : ''} to ${where}: ${forbiddenAdvice(reason)}`;
			description = text;
			break;
		}
		case 404:
			message = `Exact Online found nothing at ${where}: check the ID and the division`;
			break;
		default:
			message = `Exact Online answered ${failure.status} to ${where}${text ? `: ${text}` : ''}`;
	}
	const error = new NodeApiError(node, { status: failure.status, message: text ?? message } as JsonObject, {
		message,
		description,
		httpCode: String(failure.status),
		itemIndex: context.itemIndex,
	});
	return withFailureKind(error, failure.status < 500 ? FailureKind.exactRefused : FailureKind.exactUnavailable);
}
