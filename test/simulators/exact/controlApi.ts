/**
 * The control API under /_control/ (JSON): lets the sandbox and scripts do over HTTP what tests do through the handle.
 */
import type { ExactSimulator } from './simulator';
import type { FaultRule } from './faults';
import type { RightsDenial } from './rights';
import type { SimResponse } from './restApi';
import { ApiError } from './httpUtils';

function ok(value: unknown, status = 200): SimResponse {
	return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value ?? null) };
}

function parseBody(body: Buffer): Record<string, unknown> {
	if (body.length === 0) return {};
	try {
		const parsed = JSON.parse(body.toString('utf8'));
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
	} catch {
		throw new ApiError(400, 'Control API bodies are JSON objects');
	}
}

export async function handleControl(simulator: ExactSimulator, method: string, url: URL, body: Buffer): Promise<SimResponse> {
	const parts = url.pathname.replace(/^\/_control\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
	const input = parseBody(body);
	const route = `${method} ${parts[0] ?? ''}${parts[1] ? `/${parts[1]}` : ''}`;
	if (method === 'GET' && parts[0] === 'rate-limits') return ok(simulator.rateLimitState(Number(parts[1] ?? simulator.info.division)));
	switch (route) {
		case 'GET info':
		case 'GET ':
			return ok(simulator.info);
		case 'GET clock':
			return ok({ now: simulator.clock.now(), iso: new Date(simulator.clock.now()).toISOString(), timeScale: simulator.clock.scale });
		case 'POST clock/advance':
			simulator.clock.advance(Number(input.ms));
			return ok({ now: simulator.clock.now(), iso: new Date(simulator.clock.now()).toISOString() });
		case 'POST clock/set':
			simulator.clock.set(Number(input.time));
			return ok({ now: simulator.clock.now(), iso: new Date(simulator.clock.now()).toISOString() });
		case 'GET faults':
			return ok(simulator.faults());
		case 'POST faults':
			simulator.injectFault(input as unknown as FaultRule);
			return ok(simulator.faults(), 201);
		case 'DELETE faults':
			simulator.clearFaults();
			return ok([]);
		case 'GET calls':
			return ok(simulator.calls());
		case 'GET calls/count':
			return ok({ count: simulator.callCount({ method: url.searchParams.get('method') ?? undefined, path: url.searchParams.get('path') ?? undefined }) });
		case 'DELETE calls':
		case 'POST calls/reset':
			simulator.resetCalls();
			return ok({ count: 0 });
		case 'POST oauth/connect':
			return ok(await simulator.connect({ redirectUri: typeof input.redirectUri === 'string' ? input.redirectUri : undefined }));
		case 'POST oauth/expire-refresh-tokens':
			simulator.expireRefreshTokens();
			return ok(simulator.tokenStats());
		case 'GET oauth/stats':
			return ok(simulator.tokenStats());
		case 'POST oauth/redirect-uris':
			simulator.registerRedirectUri(String(input.uri));
			return ok({ redirectUris: simulator.redirectUris() });
		case 'POST rate-limits/reset':
			simulator.resetRateLimits();
			return ok({ reset: true });
		case 'GET webhooks/deliveries':
			await simulator.flushWebhooks();
			return ok(simulator.webhookDeliveries());
		case 'GET rights':
			return ok(simulator.rights.denied());
		case 'POST rights':
			simulator.denyRights(Array.isArray(input.deny) ? (input.deny as RightsDenial[]) : []);
			return ok(simulator.rights.denied());
		case 'POST settings':
			if (typeof input.mandatoryFilters === 'boolean') simulator.setMandatoryFilters(input.mandatoryFilters);
			if (typeof input.latencyMs === 'number' && input.latencyMs >= 0) simulator.latencyMs = input.latencyMs;
			return ok({ mandatoryFilters: simulator.mandatoryFilters, latencyMs: simulator.latencyMs });
		default:
			break;
	}
	if (parts[0] === 'invoices' && parts[2] === 'process' && method === 'POST') {
		return ok(simulator.processInvoice(parts[1], typeof input.division === 'number' ? input.division : undefined, { sendEmail: input.sendEmail === true }));
	}
	if (parts[0] === 'invoices' && parts[2] === 'paid' && method === 'POST') {
		return ok(simulator.markInvoicePaid(parts[1], typeof input.division === 'number' ? input.division : undefined));
	}
	if (parts[0] === 'entities' && parts.length >= 3) {
		const division = Number(parts[1]);
		const entitySet = parts[2];
		const key = parts[3];
		if (method === 'GET' && key === undefined) {
			// ours: the control API (not Exact's) narrows a list by field values, e.g. ?YourRef=WO-26001.
			const wanted = [...url.searchParams.entries()];
			const rows = simulator.store.list(division, entitySet) as Array<Record<string, unknown>>;
			return ok(rows.filter((row) => wanted.every(([field, value]) => String(row[field] ?? '').trim() === value)));
		}
		if (method === 'GET') {
			const row = simulator.store.get(division, entitySet, key);
			if (!row) throw new ApiError(404, `No ${entitySet} ${key} in division ${division}`);
			return ok(row);
		}
		if (method === 'POST' && key === undefined) return ok(simulator.setEntity(division, entitySet, input), 201);
		if ((method === 'PATCH' || method === 'PUT') && key !== undefined) return ok(simulator.updateEntity(division, entitySet, key, input));
		if (method === 'DELETE' && key !== undefined) return ok({ deleted: simulator.deleteEntity(division, entitySet, key) });
	}
	throw new ApiError(404, `Unknown control route ${method} ${url.pathname}`);
}
