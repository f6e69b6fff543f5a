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
 * persists the rotated pair): 570 s after Exact issued the token, never earlier. The issue time comes
 * from what n8n stores with a refreshed token (n8n-core 2.40: `n8n_expires_at` = refresh time +
 * `expires_in`), so every process of a queue-mode setup sees the same age. A token without it (as
 * first connected) is timed from when this process first saw it, and used until Exact answers 401 once.
 */
export const REFRESH_AFTER_MS = 570_000;

export const OAUTH2_OPTIONS = { includeCredentialsOnRefreshOnBody: true };

const firstSeen = new Map<string, { accessToken: string; seenAt: number }>();

/** When Exact issued the token, from n8n's `n8n_expires_at` and `expires_in`; undefined when not stored. */
export function issuedAtOf(tokenData: IDataObject | undefined): number | undefined {
	const expiresAt = Number(tokenData?.n8n_expires_at);
	const expiresIn = Number(tokenData?.expires_in);
	if (!Number.isFinite(expiresAt) || !Number.isFinite(expiresIn) || expiresIn <= 0) return undefined;
	return expiresAt - expiresIn * 1000;
}

/** Forget token ages (tests). */
export function resetTokenTracking(): void {
	firstSeen.clear();
}

interface StoredToken {
	accessToken: string;
	issuedAt?: number;
}

async function storedToken(context: ExactContext): Promise<StoredToken | undefined> {
	const credentials = await context.getCredentials(EXACT_CREDENTIAL_TYPE);
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	const token = tokenData?.access_token;
	return typeof token === 'string' && token !== '' ? { accessToken: token, issuedAt: issuedAtOf(tokenData) } : undefined;
}

/** Since when the token counts: its issue time when n8n stored it, else when this process first saw it. */
function note(key: string, token: StoredToken): { accessToken: string; seenAt: number } {
	const known = firstSeen.get(key);
	if (token.issuedAt === undefined && known?.accessToken === token.accessToken) return known;
	const now = getClock().now();
	const entry = { accessToken: token.accessToken, seenAt: token.issuedAt === undefined ? now : Math.min(token.issuedAt, now) };
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
	if (typeof data?.access_token === 'string') note(credentialKey(context), { accessToken: data.access_token, issuedAt: issuedAtOf(data) });
}

/** Makes sure the stored token is not within 30 s of expiry; returns the token requests will use. */
export async function ensureFreshToken(context: ExactContext, itemIndex?: number): Promise<string> {
	const key = credentialKey(context);
	const token = await storedToken(context);
	if (!token) throw reconnectError(context.getNode(), itemIndex, 'the credential holds no access token');
	const seen = note(key, token);
	if (getClock().now() - seen.seenAt < REFRESH_AFTER_MS) return token.accessToken;
	return await inCredentialLane(context, async () => {
		// Another division's lane (or another worker) may have refreshed while this one waited.
		const current = (await storedToken(context)) ?? token;
		const entry = note(key, current);
		if (getClock().now() - entry.seenAt < REFRESH_AFTER_MS) return current.accessToken;
		await refresh(context, itemIndex);
		return (await storedToken(context))?.accessToken ?? current.accessToken;
	});
}

/** After a 401 with `usedToken`: refresh once, unless someone already replaced that token. */
export async function refreshAfterUnauthorized(context: ExactContext, usedToken: string, itemIndex?: number): Promise<void> {
	await inCredentialLane(context, async () => {
		const current = await storedToken(context);
		if (current && current.accessToken !== usedToken) {
			note(credentialKey(context), current);
			return;
		}
		await refresh(context, itemIndex);
	});
}
