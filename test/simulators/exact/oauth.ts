/**
 * Exact Online's OAuth2 as documented: one-time codes (180 s), 600 s access tokens, refresh tokens that rotate
 * on every use, "Old refresh token used." for a superseded one, 30-day refresh expiry, the 570-second rule,
 * 200 token calls per user per day, and one chain per user+app (a new authorization kills the old chain).
 */
import { randomBytes } from 'node:crypto';
import type { SimulatedClock } from '../shared/clock';
import { formatUsDateTime } from './httpUtils';

export const ACCESS_TOKEN_LIFETIME_MS = 600_000;
export const CODE_LIFETIME_MS = 180_000;
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 3600_000;
export const MIN_REFRESH_INTERVAL_MS = 570_000;
export const TOKEN_CALLS_PER_DAY = 200;

export interface OAuthApp {
	clientId: string;
	clientSecret: string;
	redirectUris: Set<string>;
}

export interface TokenResponse {
	access_token: string;
	refresh_token: string;
	token_type: string;
	expires_in: string;
}

export interface TokenOutcome {
	status: number;
	body: TokenResponse | { error: string; error_description?: string };
}

export interface AccessGrant {
	userId: string;
	clientId: string;
	divisions: number[];
	expiresAt: number;
}

export interface TokenStats {
	tokenCalls: number;
	codeExchanges: number;
	refreshes: number;
	oldRefreshTokenUsed: number;
	rejectedTokenCalls: number;
	unauthorized401: number;
}

interface Chain {
	id: number;
	userId: string;
	clientId: string;
	divisions: number[];
	lastIssuedAt: number;
	currentRefreshToken: string;
	revoked: boolean;
}

interface RefreshTokenEntry {
	chain: Chain;
	issuedAt: number;
}

interface CodeEntry {
	userId: string;
	clientId: string;
	redirectUri: string;
	divisions: number[];
	expiresAt: number;
	used: boolean;
}

function token(prefix: string, bytes: number): string {
	return prefix + randomBytes(bytes).toString('base64url');
}

export class OAuthServer {
	private readonly codes = new Map<string, CodeEntry>();
	private readonly refreshTokens = new Map<string, RefreshTokenEntry>();
	private readonly accessTokens = new Map<string, AccessGrant & { chain: Chain }>();
	private readonly chains = new Map<string, Chain>();
	private readonly tokenCallsPerDay = new Map<string, number>();
	private nextChainId = 1;
	readonly stats: TokenStats = { tokenCalls: 0, codeExchanges: 0, refreshes: 0, oldRefreshTokenUsed: 0, rejectedTokenCalls: 0, unauthorized401: 0 };

	constructor(
		private readonly clock: SimulatedClock,
		readonly app: OAuthApp,
	) {}

	isRegisteredRedirect(uri: string): boolean {
		return this.app.redirectUris.has(uri);
	}

	/** The user consented: a one-time code bound to client and redirect URI. */
	issueCode(userId: string, clientId: string, redirectUri: string, divisions: number[]): string {
		const code = token('stampNL001.', 300);
		this.codes.set(code, { userId, clientId, redirectUri, divisions, expiresAt: this.clock.now() + CODE_LIFETIME_MS, used: false });
		return code;
	}

	handleTokenRequest(form: Record<string, string>): TokenOutcome {
		this.stats.tokenCalls++;
		const outcome = this.evaluateTokenRequest(form);
		if (outcome.status !== 200) this.stats.rejectedTokenCalls++;
		return outcome;
	}

	private countDailyCall(userId: string): boolean {
		const day = new Date(this.clock.now()).toISOString().slice(0, 10);
		const key = `${userId}|${this.app.clientId}|${day}`;
		const count = (this.tokenCallsPerDay.get(key) ?? 0) + 1;
		this.tokenCallsPerDay.set(key, count);
		return count <= TOKEN_CALLS_PER_DAY;
	}

	private evaluateTokenRequest(form: Record<string, string>): TokenOutcome {
		const invalidRequest: TokenOutcome = { status: 400, body: { error: 'invalid_request' } };
		if (form.client_id !== this.app.clientId || form.client_secret !== this.app.clientSecret) {
			return { status: 400, body: { error: 'invalid_client' } };
		}
		if (form.grant_type === 'authorization_code') return this.exchangeCode(form, invalidRequest);
		if (form.grant_type === 'refresh_token') return this.refresh(form);
		return { status: 400, body: { error: 'unsupported_grant_type' } };
	}

	private tooManyCalls(): TokenOutcome {
		return { status: 429, body: { error: 'too_many_requests', error_description: `More than ${TOKEN_CALLS_PER_DAY} token requests for this user and app today.` } };
	}

	private exchangeCode(form: Record<string, string>, invalidRequest: TokenOutcome): TokenOutcome {
		const entry = this.codes.get(form.code ?? '');
		if (!entry) return invalidRequest;
		if (!this.countDailyCall(entry.userId)) return this.tooManyCalls();
		if (entry.used || entry.expiresAt <= this.clock.now() || entry.redirectUri !== form.redirect_uri || entry.clientId !== form.client_id) {
			entry.used = true;
			return invalidRequest;
		}
		entry.used = true;
		const chainKey = `${entry.userId}|${entry.clientId}`;
		const previous = this.chains.get(chainKey);
		if (previous) previous.revoked = true;
		const chain: Chain = { id: this.nextChainId++, userId: entry.userId, clientId: entry.clientId, divisions: entry.divisions, lastIssuedAt: 0, currentRefreshToken: '', revoked: false };
		this.chains.set(chainKey, chain);
		this.stats.codeExchanges++;
		return { status: 200, body: this.issueTokens(chain) };
	}

	private refresh(form: Record<string, string>): TokenOutcome {
		const entry = this.refreshTokens.get(form.refresh_token ?? '');
		if (!entry) {
			return { status: 400, body: { error: 'invalid_grant', error_description: 'Token is not allowed, because of invalid or empty chainId' } };
		}
		const { chain } = entry;
		if (!this.countDailyCall(chain.userId)) return this.tooManyCalls();
		const now = this.clock.now();
		if (chain.revoked) {
			return { status: 400, body: { error: 'invalid_grant', error_description: 'Obsoleted refresh token used.' } };
		}
		if (chain.currentRefreshToken !== form.refresh_token) {
			this.stats.oldRefreshTokenUsed++;
			return { status: 401, body: { error: 'unauthorized_client', error_description: 'Old refresh token used.' } };
		}
		const expiresAt = entry.issuedAt + REFRESH_TOKEN_LIFETIME_MS;
		if (expiresAt <= now) {
			return { status: 400, body: { error: 'invalid_request', error_description: `The refresh token expired at ${formatUsDateTime(expiresAt)} and it is now ${formatUsDateTime(now)}.` } };
		}
		if (now - chain.lastIssuedAt < MIN_REFRESH_INTERVAL_MS) {
			return { status: 401, body: { error: 'invalid_request', error_description: 'Access Token not expired' } };
		}
		this.stats.refreshes++;
		return { status: 200, body: this.issueTokens(chain) };
	}

	private issueTokens(chain: Chain): TokenResponse {
		const now = this.clock.now();
		const accessToken = token('AAEAA', 420);
		const refreshToken = token('Gcp7!IAAAA', 240);
		chain.lastIssuedAt = now;
		chain.currentRefreshToken = refreshToken;
		this.refreshTokens.set(refreshToken, { chain, issuedAt: now });
		this.accessTokens.set(accessToken, { userId: chain.userId, clientId: chain.clientId, divisions: chain.divisions, expiresAt: now + ACCESS_TOKEN_LIFETIME_MS, chain });
		return { access_token: accessToken, token_type: 'bearer', expires_in: '600', refresh_token: refreshToken };
	}

	/** The grant behind a Bearer token, or undefined when it is unknown, expired or its chain was replaced. */
	verifyAccessToken(accessToken: string): AccessGrant | undefined {
		const grant = this.accessTokens.get(accessToken);
		if (!grant || grant.expiresAt <= this.clock.now() || grant.chain.revoked) return undefined;
		return grant;
	}

	/** Makes every live refresh token older than 30 days, as if the chain had been left unused. */
	expireRefreshTokens(): void {
		const past = this.clock.now() - REFRESH_TOKEN_LIFETIME_MS - 1000;
		for (const entry of this.refreshTokens.values()) entry.issuedAt = Math.min(entry.issuedAt, past);
	}
}
