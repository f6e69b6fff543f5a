import type { IDataObject } from 'n8n-workflow';
import { getClock } from '../../shared/clock';
import { isReconnectError, reconnectError } from './errors';
import { credentialKey, inCredentialLane } from './lane';
import type { ExactContext } from './types';
import { EXACT_CREDENTIAL_TYPE } from './types';
import { toNodeError } from '../../shared/nodeError';

/**
 * Exact refuses a new access token within 570 s of the previous one and counts every 401 toward a
 * 10-errors-per-hour block, while n8n refreshes only after a 401. So the transport refreshes ahead of
 * time through n8n's own refresh (which serialises per credential, re-reads the stored token and
 * persists the rotated pair): 570 s after it first saw a token, never earlier. A token whose age is
 * unknown (first seen after a restart) is used until Exact answers 401 once, then refreshed.
 */
export const REFRESH_AFTER_MS = 570_000;

export const OAUTH2_OPTIONS = { includeCredentialsOnRefreshOnBody: true };

const firstSeen = new Map<string, { accessToken: string; seenAt: number }>();

/** Forget token ages (tests). */
export function resetTokenTracking(): void {
	firstSeen.clear();
}

async function storedAccessToken(context: ExactContext): Promise<string | undefined> {
	const credentials = await context.getCredentials(EXACT_CREDENTIAL_TYPE);
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	const token = tokenData?.access_token;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

function note(key: string, accessToken: string): { accessToken: string; seenAt: number } {
	const known = firstSeen.get(key);
	if (known?.accessToken === accessToken) return known;
	const entry = { accessToken, seenAt: getClock().now() };
	firstSeen.set(key, entry);
	return entry;
}

async function refresh(context: ExactContext, itemIndex?: number): Promise<void> {
	let data: IDataObject;
	try {
		data = (await context.helpers.refreshOAuth2Token.call(context, EXACT_CREDENTIAL_TYPE, OAUTH2_OPTIONS)) as IDataObject;
	} catch (error) {
		if (isReconnectError(error)) throw reconnectError(context.getNode(), itemIndex);
		throw toNodeError(context.getNode(), error, itemIndex);
	}
	if (typeof data?.access_token === 'string') note(credentialKey(context), data.access_token);
}

/** Makes sure the stored token is not within 30 s of expiry; returns the token requests will use. */
export async function ensureFreshToken(context: ExactContext, itemIndex?: number): Promise<string> {
	const key = credentialKey(context);
	const token = await storedAccessToken(context);
	if (!token) throw reconnectError(context.getNode(), itemIndex, 'the credential holds no access token');
	const seen = note(key, token);
	if (getClock().now() - seen.seenAt < REFRESH_AFTER_MS) return token;
	return await inCredentialLane(context, async () => {
		// Another division's lane (or another worker) may have refreshed while this one waited.
		const current = (await storedAccessToken(context)) ?? token;
		const entry = note(key, current);
		if (getClock().now() - entry.seenAt < REFRESH_AFTER_MS) return current;
		await refresh(context, itemIndex);
		return (await storedAccessToken(context)) ?? current;
	});
}

/** After a 401 with `usedToken`: refresh once, unless someone already replaced that token. */
export async function refreshAfterUnauthorized(context: ExactContext, usedToken: string, itemIndex?: number): Promise<void> {
	await inCredentialLane(context, async () => {
		const current = await storedAccessToken(context);
		if (current && current !== usedToken) {
			note(credentialKey(context), current);
			return;
		}
		await refresh(context, itemIndex);
	});
}
