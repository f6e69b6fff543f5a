/** The /openapi/8 front controller: endpoint resolution, token checks, dispatch, and the envelope. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiContext } from './context';
import { deleteEntity } from './deleteEntity';
import { EnvelopeError, fail, ok, ResultCode, type Envelope } from './envelope';
import { isMasterDataEndpoint, listMasterData, upsertMasterData } from './masterDataEndpoints';
import { getWorkorder, getWorkorders, postWorkorders, updateWorkorder, updateWorkorderMaterials } from './workorderEndpoints';

export const API_PREFIX = '/openapi/8';

type Handler = (context: ApiContext) => unknown;

const WORKORDER_ROUTES: Record<string, Handler> = {
	'POST PostWorkorders': postWorkorders,
	'GET GetWorkorders': getWorkorders,
	'GET GetWorkorder': getWorkorder,
	'GET UpdateWorkorder': updateWorkorder,
	'POST UpdateWorkorder': updateWorkorderMaterials,
	'GET DeleteEntity': deleteEntity,
};
const WORKORDER_ENDPOINTS = new Set(Object.keys(WORKORDER_ROUTES).map((route) => route.split(' ')[1]));

/** The endpoint name of a path under /openapi/8 ('' when none), tolerating a trailing slash. */
export function endpointOf(pathname: string): string {
	return pathname.slice(API_PREFIX.length).replace(/^\/+|\/+$/g, '');
}

function handlerFor(method: string, endpoint: string): Handler | undefined {
	const workorderHandler = WORKORDER_ROUTES[`${method} ${endpoint}`];
	if (workorderHandler) return workorderHandler;
	if (isMasterDataEndpoint(endpoint)) {
		if (method === 'GET') return listMasterData;
		if (method === 'POST') return upsertMasterData;
	}
	return undefined;
}

export interface Credentials {
	token: string;
	softwareToken: string;
}

/** 1002 → 1003 → 1004 → 1005, in the documented order; an Authorization: Bearer header, if sent, must carry the customer token. */
function checkTokens(params: URLSearchParams, headers: IncomingHttpHeaders, credentials: Credentials): Envelope | undefined {
	const token = params.get('token');
	const softwareToken = params.get('software_token');
	if (!token) return fail(ResultCode.tokenMissing, ['Token missing']);
	if (!softwareToken) return fail(ResultCode.softwareTokenMissing, ['Software token missing']);
	const bearer = headers.authorization;
	if (token !== credentials.token || (bearer !== undefined && bearer !== `Bearer ${credentials.token}`)) {
		return fail(ResultCode.tokenUnauthorized, ['Client token unauthorized']);
	}
	if (softwareToken !== credentials.softwareToken) return fail(ResultCode.softwareTokenUnauthorized, ['Software token unauthorized']);
	return undefined;
}

export function handleApiRequest(
	request: { method: string; pathname: string; params: URLSearchParams; headers: IncomingHttpHeaders },
	context: Omit<ApiContext, 'method' | 'endpoint' | 'params'>,
	credentials: Credentials,
): Envelope {
	const endpoint = endpointOf(request.pathname);
	if (endpoint === '') return fail(ResultCode.noEndpoint, ['URL has no endpoint']);
	const authProblem = checkTokens(request.params, request.headers, credentials);
	if (authProblem) return authProblem;
	const handler = handlerFor(request.method, endpoint);
	if (!handler) {
		const known = WORKORDER_ENDPOINTS.has(endpoint) || isMasterDataEndpoint(endpoint);
		return fail(ResultCode.unknownEndpoint, [known ? `Unknown endpoint: ${request.method} ${endpoint}` : `Unknown endpoint: ${endpoint}`]);
	}
	try {
		return ok(handler({ ...context, method: request.method, endpoint, params: request.params }));
	} catch (error) {
		if (error instanceof EnvelopeError) return fail(error.code, error.messages);
		return fail(ResultCode.generalError, ['General uncaught error']);
	}
}
