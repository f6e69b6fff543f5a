/**
 * The running Exact Online simulator: one node:http server on 127.0.0.1 that serves OAuth, the REST API,
 * attachment downloads and the control API, applies injected faults and logs every call.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEMO_COMPANY_NAME, DEMO_DIVISION } from '../demo/company';
import { DEFAULT_START_TIME, SimulatedClock } from '../shared/clock';
import { handleControl } from './controlApi';
import { exactFaultBook, OBJECT_MOVED_HTML, type FaultRule } from './faults';
import { ApiError, readBody, restErrorBody, send } from './httpUtils';
import { OAuthServer, type TokenResponse, type TokenStats } from './oauth';
import { OAuthPages } from './oauthPages';
import { RateLimiter, type RateLimitState } from './rateLimits';
import { RestApi, type SimResponse } from './restApi';
import { RightsModel, type RightsDenial } from './rights';
import { markInvoicePaid, processSalesInvoice } from './salesInvoices';
import { findEntityBySet } from './schema';
import { SECOND_DIVISION, seedStore } from './seed';
import { ExactStore, type Row } from './store';
import { WebhookDispatcher, type WebhookDelivery } from './webhooks';

export interface ExactSimulatorOptions {
	port?: number;
	timeScale?: number;
	startTime?: number;
	relationCount?: number;
	itemCount?: number;
	minuteLimit?: number;
	dailyLimit?: number;
	mandatoryFilters?: boolean;
	errorLimitPerHour?: number;
	/** Registered callback of the app; n8n's OAuth callback on its default port unless given. */
	redirectUri?: string;
	clientId?: string;
	clientSecret?: string;
	webhookSecret?: string;
	/** Divisions the demo user grants the app on consent (default: the demo company and the service company). */
	grantedDivisions?: number[];
}

export interface ExactSimulatorInfo {
	baseUrl: string;
	authorizeUrl: string;
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	webhookSecret: string;
	division: number;
	controlUrl: string;
}

export interface CallRecord {
	method: string;
	path: string;
	status: number;
	at: number;
	/** The query string as sent (decoded), when there was one. */
	query?: string;
}

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
export const DEMO_CLIENT_ID = '5c1c1f3e-8e0a-4e57-9d0f-3c2b8a6f4d21';
export const DEMO_CLIENT_SECRET = 'sim-exact-client-secret-Vdb2026';
export const DEMO_WEBHOOK_SECRET = 'sim-exact-webhook-secret-Vdb2026';

export class ExactSimulator {
	readonly clock: SimulatedClock;
	readonly store: ExactStore;
	readonly oauth: OAuthServer;
	readonly limiter: RateLimiter;
	readonly webhooks: WebhookDispatcher;
	info!: ExactSimulatorInfo;
	mandatoryFilters: boolean;
	/** Next-page links without scheme and host (a client must resolve them against the API's base URL). */
	relativeNextLinks = false;
	/** Real milliseconds every API call waits before it is answered (0: none). */
	latencyMs = 0;
	/** users/UserHasRights answers; deny endpoints or modules with denyRights(). */
	readonly rights = new RightsModel();
	private readonly faultInjector = exactFaultBook();
	private readonly callLog: CallRecord[] = [];
	private readonly afterCallActions: Array<{ path: RegExp; action: () => void }> = [];
	private readonly holds: Array<{ method?: string; path: RegExp; arrived: () => void; released: Promise<void> }> = [];
	private readonly rest: RestApi;
	private readonly oauthPages: OAuthPages;
	private readonly sockets = new Set<Socket>();
	private readonly server: Server;
	private readonly grantedDivisions: number[];

	constructor(private readonly options: ExactSimulatorOptions = {}) {
		this.clock = new SimulatedClock(options.startTime ?? DEFAULT_START_TIME, options.timeScale ?? 1);
		this.store = new ExactStore(this.clock);
		seedStore(this.store, { relationCount: options.relationCount, itemCount: options.itemCount });
		this.mandatoryFilters = options.mandatoryFilters ?? true;
		this.grantedDivisions = options.grantedDivisions ?? [DEMO_DIVISION, SECOND_DIVISION];
		const clientId = options.clientId ?? DEMO_CLIENT_ID;
		this.oauth = new OAuthServer(this.clock, {
			clientId,
			clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET,
			redirectUris: new Set([options.redirectUri ?? DEFAULT_REDIRECT_URI]),
		});
		this.limiter = new RateLimiter(this.clock, {
			minuteLimit: options.minuteLimit ?? 60,
			dailyLimit: options.dailyLimit ?? 5000,
			errorLimitPerHour: options.errorLimitPerHour ?? 10,
		});
		const webhookSecret = options.webhookSecret ?? DEMO_WEBHOOK_SECRET;
		this.webhooks = new WebhookDispatcher(this.store, this.clock, { clientId, webhookSecret: () => webhookSecret, baseUrl: () => this.info.baseUrl });
		this.rest = new RestApi({
			store: this.store,
			clock: this.clock,
			oauth: this.oauth,
			limiter: this.limiter,
			webhooks: this.webhooks,
			baseUrl: () => this.info.baseUrl,
			mandatoryFilters: () => this.mandatoryFilters,
			relativeNextLinks: () => this.relativeNextLinks,
			rights: this.rights,
			demoDivision: DEMO_DIVISION,
		});
		this.oauthPages = new OAuthPages(this.oauth, () => [...this.grantedDivisions], DEMO_COMPANY_NAME);
		this.server = createServer((request, response) => {
			this.onRequest(request, response).catch((error: Error) => send(response, 500, restErrorBody(error.message), { 'Content-Type': 'application/json' }));
		});
		// ours: idle keep-alive connections stay open for two minutes. Node's default of 5 s let a loaded
		// machine's client send on a pooled connection just as the server closed it ("the connection to the
		// server was closed unexpectedly"), a failure of the test machine, not of the code under test.
		this.server.keepAliveTimeout = 120_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	async listen(port = 0): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => resolve());
		});
		const address = this.server.address() as AddressInfo;
		const baseUrl = `http://127.0.0.1:${address.port}`;
		this.info = {
			baseUrl,
			authorizeUrl: `${baseUrl}/api/oauth2/auth`,
			tokenUrl: `${baseUrl}/api/oauth2/token`,
			clientId: this.oauth.app.clientId,
			clientSecret: this.oauth.app.clientSecret,
			redirectUri: [...this.oauth.app.redirectUris][0],
			webhookSecret: this.options.webhookSecret ?? DEMO_WEBHOOK_SECRET,
			division: DEMO_DIVISION,
			controlUrl: `${baseUrl}/_control`,
		};
		return this;
	}

	async close(): Promise<void> {
		await this.flushWebhooks();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', this.info.baseUrl);
		const method = (request.method ?? 'GET').toUpperCase();
		let body: Buffer;
		try {
			body = await readBody(request);
		} catch (error) {
			const status = error instanceof ApiError ? error.status : 400;
			send(response, status, '');
			return;
		}
		if (url.pathname === '/_control' || url.pathname.startsWith('/_control/')) {
			let result: SimResponse;
			try {
				result = await handleControl(this, method, url, body);
			} catch (error) {
				const status = error instanceof ApiError ? error.status : 400;
				result = { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) };
			}
			send(response, result.status, result.body, result.headers);
			return;
		}
		// ours: a test facility, not Exact behaviour — real-time latency before each API answer (POST
		// /_control/settings {latencyMs}), to widen the window between two processes' look-up and write.
		if (this.latencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs));
		await this.waitIfHeld(method, url.pathname);
		const record: CallRecord = { method, path: url.pathname, status: 0, at: this.clock.now(), ...(url.search ? { query: decodeURIComponent(url.search.slice(1)) } : {}) };
		this.callLog.push(record);
		const fault = this.faultInjector.take(method, url.pathname);
		if (fault?.fault === 'timeout') return;
		let result: SimResponse;
		if (fault?.fault === 'status') {
			result = { status: fault.status!, headers: { 'Content-Type': 'application/json; charset=utf-8', ...(fault.headers ?? {}) }, body: fault.body ?? '' };
		} else if (fault?.fault === 'html401') {
			result = { status: 401, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: OBJECT_MOVED_HTML };
		} else if (fault?.fault === 'malformedJson') {
			result = { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"d":{"results":[{"__metadata":{"uri":"' };
		} else {
			result = this.route(method, url, request, body);
		}
		if (fault?.fault === 'dropAfterWrite') {
			record.status = 0;
			request.socket.destroy();
			return;
		}
		record.status = result.status;
		this.runAfterCallActions(url.pathname);
		send(response, result.status, result.body, {
			Date: new Date(this.clock.now()).toUTCString(),
			'X-Content-Type-Options': 'nosniff',
			'Referrer-Policy': 'strict-origin-when-cross-origin',
			...result.headers,
		});
	}

	private route(method: string, url: URL, request: IncomingMessage, body: Buffer): SimResponse {
		const path = url.pathname;
		if (path === '/api/oauth2/auth') return this.oauthPages.authorize(method, url, body);
		if (path === '/api/oauth2/token') return this.oauthPages.token(method, String(request.headers['content-type'] ?? ''), body);
		if (path.startsWith('/api/v1/')) return this.rest.handle(method, url, request.headers, body);
		if (path.toLowerCase() === '/docs/sysattachment.aspx') return this.download(url, String(request.headers.authorization ?? ''));
		return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body>404 - Not Found</body></html>' };
	}

	/** The attachment Url plus &Download=1 returns the file's bytes to a bearer of a valid token. */
	private download(url: URL, authorization: string): SimResponse {
		const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
		const grant = bearer ? this.oauth.verifyAccessToken(bearer) : undefined;
		if (!grant) return { status: 401, headers: { 'Content-Type': 'text/html' }, body: OBJECT_MOVED_HTML };
		const division = Number(url.searchParams.get('_Division_'));
		if (!grant.divisions.includes(division)) return { status: 403, headers: {}, body: '' };
		const attachment = this.store.get(division, 'DocumentAttachments', url.searchParams.get('ID') ?? '');
		if (!attachment) return { status: 404, headers: {}, body: '' };
		if (url.searchParams.get('Download') !== '1') {
			return { status: 200, headers: { 'Content-Type': 'text/html' }, body: `<html><body>${String(attachment.FileName)}</body></html>` };
		}
		return {
			status: 200,
			headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${String(attachment.FileName)}"` },
			body: Buffer.from(String(attachment.Attachment), 'base64'),
		};
	}

	/** Runs the authorize-code and token exchange in-process, as a user clicking "Toestaan" would. */
	async connect(options: { redirectUri?: string } = {}): Promise<TokenResponse> {
		const redirectUri = options.redirectUri ?? this.info.redirectUri;
		this.registerRedirectUri(redirectUri);
		const authorizeUrl = new URL(this.info.authorizeUrl);
		authorizeUrl.search = new URLSearchParams({ client_id: this.oauth.app.clientId, redirect_uri: redirectUri, response_type: 'code', auto_consent: 'demo', state: randomBytes(8).toString('hex') }).toString();
		const consent = this.oauthPages.authorize('GET', authorizeUrl, Buffer.alloc(0));
		const code = new URL(String(consent.headers.Location)).searchParams.get('code');
		if (!code) throw new Error('The simulator did not issue an authorization code');
		const outcome = this.oauth.handleTokenRequest({
			grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: this.oauth.app.clientId, client_secret: this.oauth.app.clientSecret,
		});
		if (outcome.status !== 200) throw new Error(`Token exchange failed: ${JSON.stringify(outcome.body)}`);
		return outcome.body as TokenResponse;
	}

	registerRedirectUri(uri: string): void {
		new URL(uri);
		this.oauth.app.redirectUris.add(uri);
	}

	redirectUris(): string[] {
		return [...this.oauth.app.redirectUris];
	}

	injectFault(rule: FaultRule): void {
		this.faultInjector.add(rule);
	}

	/**
	 * Runs `action` once, right after the next API call whose path matches has been answered (before the answer
	 * is sent): a change made "between two reads" of a client, e.g. between a sync feed and sync/Deleted.
	 */
	afterNextCall(path: RegExp | string, action: () => void): void {
		this.afterCallActions.push({ path: typeof path === 'string' ? new RegExp(path) : path, action });
	}

	/**
	 * ours: a test facility, not Exact behaviour — the next API call that matches waits, before Exact handles it,
	 * until `release()`: one client's call held while another client runs, so that two processes interleave
	 * the same way on every run. `arrived` resolves when the call has reached the simulator.
	 */
	holdNextCall(match: { method?: string; path: RegExp | string }): { arrived: Promise<void>; release: () => void } {
		let arrived!: () => void;
		let release!: () => void;
		const arrival = new Promise<void>((resolve) => (arrived = resolve));
		const released = new Promise<void>((resolve) => (release = resolve));
		this.holds.push({ method: match.method?.toUpperCase(), path: typeof match.path === 'string' ? new RegExp(match.path) : match.path, arrived, released });
		return { arrived: arrival, release };
	}

	private async waitIfHeld(method: string, pathname: string): Promise<void> {
		const index = this.holds.findIndex((hold) => (!hold.method || hold.method === method) && hold.path.test(pathname));
		if (index < 0) return;
		const [hold] = this.holds.splice(index, 1);
		hold.arrived();
		await hold.released;
	}

	private runAfterCallActions(pathname: string): void {
		const index = this.afterCallActions.findIndex((entry) => entry.path.test(pathname));
		if (index < 0) return;
		const [entry] = this.afterCallActions.splice(index, 1);
		entry.action();
	}

	/** The division moved to another database: Timestamps are regenerated and DivisionMoveDate set (store.moveDivision). */
	moveDivision(division: number = DEMO_DIVISION): void {
		this.store.moveDivision(division);
	}

	clearFaults(): void {
		this.faultInjector.clear();
	}

	faults(): FaultRule[] {
		return this.faultInjector.list();
	}

	calls(): CallRecord[] {
		return this.callLog.map((call) => ({ ...call }));
	}

	/** Counts logged calls; path matches as a substring of the path without query. */
	callCount(filter: { method?: string; path?: string } = {}): number {
		return this.callLog.filter((call) => (!filter.method || call.method === filter.method.toUpperCase()) && (!filter.path || call.path.includes(filter.path))).length;
	}

	resetCalls(): void {
		this.callLog.length = 0;
	}

	expireRefreshTokens(): void {
		this.oauth.expireRefreshTokens();
	}

	tokenStats(): TokenStats {
		return { ...this.oauth.stats };
	}

	rateLimitState(division: number = DEMO_DIVISION): RateLimitState {
		return this.limiter.state(division);
	}

	resetRateLimits(): void {
		this.limiter.reset();
	}

	/** Make users/UserHasRights answer false for these endpoints or module prefixes ('project/'); [] allows all again. */
	denyRights(denials: RightsDenial[]): void {
		this.rights.deny(denials);
	}

	setMandatoryFilters(enabled: boolean): void {
		this.mandatoryFilters = enabled;
	}

	/** Creates (or replaces the fields of) a record as if someone changed it in Exact: bumps Timestamp, fires webhooks. */
	setEntity(division: number, entitySet: string, row: Row): Row {
		const definition = findEntityBySet(entitySet);
		if (!definition) throw new ApiError(400, `Unknown entity set ${entitySet}`);
		const key = row[definition.key];
		if (key !== undefined && this.store.get(division, entitySet, String(key))) return this.store.update(division, entitySet, String(key), row)!;
		const withKey = key === undefined && definition.keyType === 'Guid' ? { ...row, [definition.key]: globalThis.crypto.randomUUID() } : row;
		return this.store.insert(division, entitySet, withKey);
	}

	updateEntity(division: number, entitySet: string, key: string, changes: Row): Row {
		const updated = this.store.update(division, entitySet, key, changes);
		if (!updated) throw new ApiError(404, `No ${entitySet} ${key} in division ${division}`);
		return updated;
	}

	deleteEntity(division: number, entitySet: string, key: string): boolean {
		return this.store.remove(division, entitySet, key);
	}

	/** Processes an invoice as salesinvoice/PrintedSalesInvoices does: number, booking, receivable. */
	processInvoice(invoiceId: string, division: number = DEMO_DIVISION, options: { sendEmail?: boolean } = {}): Row {
		return processSalesInvoice(this.store, division, invoiceId, options);
	}

	markInvoicePaid(invoiceId: string, division: number = DEMO_DIVISION): Row {
		return markInvoicePaid(this.store, this.clock, division, invoiceId);
	}

	webhookDeliveries(): WebhookDelivery[] {
		return this.webhooks.deliveries.map((delivery) => ({ ...delivery }));
	}

	flushWebhooks(): Promise<void> {
		return this.webhooks.flush();
	}
}

export async function startExactSimulator(options: ExactSimulatorOptions = {}): Promise<ExactSimulator> {
	return new ExactSimulator(options).listen(options.port ?? 0);
}
