/**
 * users/UserHasRights: whether the connected user may call an endpoint with a method in a division.
 * Everything the simulator serves is allowed unless a test denies it (an endpoint, or a whole module by
 * its prefix such as 'project/'), which is how a missing licence or role looks to an integration.
 */
import { ApiError } from './httpUtils';
import { findEntityByBulkPath, findEntityByPath, findEntityBySyncPath } from './schema';

export interface RightsDenial {
	/** 'crm/Accounts', or a module prefix ending in '/', e.g. 'project/'. Case-insensitive. */
	endpoint: string;
	/** 'GET', 'POST', 'PUT' or 'DELETE'; all methods when left out. */
	action?: string;
}

const ACTIONS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** A function-style OData parameter: a quoted string literal with '' for a quote. */
function quotedParameter(params: URLSearchParams, name: string): string {
	const raw = params.get(name);
	const match = raw === null ? null : /^'((?:[^']|'')*)'$/.exec(raw.trim());
	if (!match) throw new ApiError(400, `Bad Request - Error in query syntax. The parameter '${name}' must be a quoted string, e.g. ${name}='crm/Accounts'.`);
	return match[1].replace(/''/g, "'");
}

function knownEndpoint(endpoint: string): boolean {
	const lower = endpoint.toLowerCase();
	if (lower.startsWith('sync/')) return lower === 'sync/deleted' || findEntityBySyncPath(endpoint.slice(5)) !== undefined;
	if (lower.startsWith('bulk/')) return findEntityByBulkPath(endpoint.slice(5)) !== undefined;
	return findEntityByPath(endpoint) !== undefined;
}

export class RightsModel {
	private denials: RightsDenial[] = [];

	/** Replace the denials; an empty list allows everything again. */
	deny(denials: RightsDenial[]): void {
		this.denials = denials.map((denial) => ({ endpoint: denial.endpoint, ...(denial.action ? { action: denial.action.toUpperCase() } : {}) }));
	}

	denied(): RightsDenial[] {
		return this.denials.map((denial) => ({ ...denial }));
	}

	allows(endpoint: string, action: string): boolean {
		if (!knownEndpoint(endpoint)) return false;
		const lower = endpoint.toLowerCase();
		return !this.denials.some((denial) => {
			const rule = denial.endpoint.toLowerCase();
			const endpointMatches = rule.endsWith('/') ? lower.startsWith(rule) : lower === rule;
			return endpointMatches && (denial.action === undefined || denial.action === action);
		});
	}

	/** The answer to GET users/UserHasRights?endpoint='…'&action='…'. */
	answer(params: URLSearchParams): { d: { UserHasRights: boolean } } {
		const endpoint = quotedParameter(params, 'endpoint');
		const action = quotedParameter(params, 'action').toUpperCase();
		if (!ACTIONS.has(action)) throw new ApiError(400, `Unknown action '${action}': use GET, POST, PUT or DELETE.`);
		return { d: { UserHasRights: this.allows(endpoint, action) } };
	}
}
