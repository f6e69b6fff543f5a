/** The HTTP control API under /_control/: the handle's operations as JSON, for the sandbox and out-of-process tests. */
import type { OutSmartSimulator } from './index';
import type { FaultRule } from './types';

export interface ControlResult {
	status: number;
	body: unknown;
}

type ControlRoute = (simulator: OutSmartSimulator, match: string[], params: URLSearchParams, body: unknown) => unknown;

function callFilter(params: URLSearchParams): { method?: string; path?: string; endpoint?: string } {
	return { method: params.get('method') ?? undefined, path: params.get('path') ?? undefined, endpoint: params.get('endpoint') ?? undefined };
}

function objectBody(body: unknown): Record<string, unknown> {
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

const ROUTES: Array<[string, RegExp, ControlRoute]> = [
	['GET', /^info$/, (simulator) => simulator.info],
	['GET', /^seed$/, (simulator) => simulator.seed],
	['GET', /^state$/, (simulator) => simulator.state()],
	['GET', /^clock$/, (simulator) => ({ now: simulator.clock.now() })],
	['POST', /^clock\/advance$/, (simulator, _match, _params, body) => {
		simulator.clock.advance(Number(objectBody(body).ms));
		return { now: simulator.clock.now() };
	}],
	['GET', /^calls$/, (simulator, _match, params) => simulator.calls(callFilter(params))],
	['GET', /^calls\/count$/, (simulator, _match, params) => ({ count: simulator.callCount(callFilter(params)) })],
	['GET', /^calls\/counters$/, (simulator) => simulator.callCounters()],
	['DELETE', /^calls$/, (simulator) => {
		simulator.resetCalls();
		return { ok: true };
	}],
	['GET', /^faults$/, (simulator) => simulator.faults()],
	['POST', /^faults$/, (simulator, _match, _params, body) => {
		simulator.injectFault(body as FaultRule);
		return { ok: true };
	}],
	['DELETE', /^faults$/, (simulator) => {
		simulator.clearFaults();
		return { ok: true };
	}],
	['GET', /^workorders$/, (simulator, _match, params) => {
		const status = params.get('status');
		return simulator.store.workorders.filter((workorder) => !status || workorder.status === status).map((workorder) => simulator.getWorkorder(workorder.id));
	}],
	['POST', /^workorders$/, (simulator, _match, _params, body) => simulator.addWorkorder(objectBody(body))],
	['GET', /^workorders\/([^/]+)$/, (simulator, match) => simulator.getWorkorder(match[1]) ?? null],
	['POST', /^workorders\/([^/]+)\/complete$/, (simulator, match, _params, body) => simulator.completeWorkorder(match[1], objectBody(body))],
	['POST', /^workorders\/([^/]+)\/status$/, (simulator, match, _params, body) => simulator.setStatus(match[1], String(objectBody(body).status ?? ''))],
	['POST', /^workorders\/([^/]+)\/workstatus$/, (simulator, match, _params, body) => simulator.setWorkstatus(match[1], String(objectBody(body).workstatus ?? ''))],
	['GET', /^master\/([a-z_]+)$/, (simulator, match) => simulator.store.master(match[1]).all()],
];

/** Answers one control request; unknown routes are 404, failed operations 400 with the reason. */
export function handleControlRequest(simulator: OutSmartSimulator, method: string, subPath: string, params: URLSearchParams, rawBody: string): ControlResult {
	for (const [routeMethod, pattern, route] of ROUTES) {
		const match = pattern.exec(subPath);
		if (!match || routeMethod !== method) continue;
		try {
			const body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
			const result = route(simulator, [...match].map(decodeURIComponent), params, body);
			return result === null ? { status: 404, body: { error: `Not found: ${subPath}` } } : { status: 200, body: result };
		} catch (error) {
			return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
		}
	}
	return { status: 404, body: { error: `No control route: ${method} /_control/${subPath}` } };
}
