// A small client for n8n's own REST API (/rest), the one its editor uses: owner set-up, login with the
// session cookie, workflows, manual runs, activation and executions.
import { createRequire } from 'node:module';
import path from 'node:path';
import { n8nInstallDir } from './paths.mjs';
import { waitFor } from './wait.mjs';

// Execution data comes back serialised with `flatted` (it may contain cycles); use n8n's own copy.
const { parse: parseFlatted } = createRequire(path.join(n8nInstallDir, 'package.json'))('flatted');

/** The login the sandbox creates; printed on screen, never a real account. */
export const DEMO_OWNER = {
	email: 'demo@exact-outsmart.example',
	password: 'Sandbox-Demo-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

/** n8n binds a session to the browser that logged in; a fixed id plays that browser. */
const BROWSER_ID = 'exact-outsmart-sandbox';

export class N8nRestClient {
	/** @param {string} baseUrl e.g. http://127.0.0.1:5678 */
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		/** @type {string | undefined} */
		this.cookie = undefined;
	}

	/**
	 * @param {string} method
	 * @param {string} route  below /rest, e.g. `/workflows`
	 * @param {unknown} [body]
	 * @returns {Promise<any>} the `data` of n8n's `{ data }` answer
	 */
	async request(method, route, body) {
		/** @type {Record<string, string>} */
		const headers = { 'browser-id': BROWSER_ID, accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n ${method} /rest${route}: ${response.status} ${text.slice(0, 500)}`);
		const parsed = text ? JSON.parse(text) : {};
		return parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed;
	}

	/** Creates the owner on a new instance, or logs in when it exists already. */
	async setUpOwnerOrLogIn(owner = DEMO_OWNER) {
		const settings = await this.request('GET', '/settings');
		if (settings?.userManagement?.showSetupOnFirstLoad) {
			await this.request('POST', '/owner/setup', owner);
		}
		await this.request('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}

	/** @returns {Promise<Array<{ id: string, name: string, active: boolean }>>} */
	async listWorkflows() {
		return await this.request('GET', '/workflows');
	}

	/** @param {Record<string, any>} workflow */
	async createWorkflow(workflow) {
		return await this.request('POST', '/workflows', workflow);
	}

	/** @param {string} id */
	async getWorkflow(id) {
		return await this.request('GET', `/workflows/${id}`);
	}

	/** Activates (publishes) the current version so its triggers run in production mode. */
	async activateWorkflow(id) {
		const workflow = await this.getWorkflow(id);
		return await this.request('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId });
	}

	async deactivateWorkflow(id) {
		return await this.request('POST', `/workflows/${id}/deactivate`, {});
	}

	/**
	 * Runs a workflow as the editor's "Execute workflow" button does, from the named trigger.
	 * @param {string} id
	 * @param {string} triggerName
	 * @returns {Promise<string>} the execution id
	 */
	async runWorkflow(id, triggerName) {
		const result = await this.request('POST', `/workflows/${id}/run`, { triggerToStartFrom: { name: triggerName } });
		if (!result?.executionId) throw new Error(`n8n did not start workflow ${id}: ${JSON.stringify(result)}`);
		return String(result.executionId);
	}

	/**
	 * An execution with its run data parsed: `{ id, status, finished, mode, data: IRunExecutionData }`.
	 * @param {string} executionId
	 */
	async getExecution(executionId) {
		const execution = await this.request('GET', `/executions/${executionId}`);
		if (execution && typeof execution.data === 'string') execution.data = parseFlatted(execution.data);
		return execution;
	}

	/** Waits until the execution is no longer new/running/waiting, and returns it. */
	async waitForExecution(executionId, timeoutMs = 120_000) {
		return await waitFor(
			`execution ${executionId} to finish`,
			async () => {
				const execution = await this.getExecution(executionId).catch(() => undefined);
				return execution && !['new', 'running', 'waiting', 'unknown'].includes(execution.status) ? execution : undefined;
			},
			{ timeoutMs, intervalMs: 300 },
		);
	}

	/**
	 * Executions of one workflow, newest first (without run data).
	 * @param {string} workflowId
	 * @returns {Promise<Array<{ id: string, status: string, mode: string, startedAt: string }>>}
	 */
	async listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const result = await this.request('GET', `/executions?filter=${filter}&limit=100`);
		return result.results ?? result;
	}

	/** The node types n8n loaded (needs a session in n8n 2.x). */
	async nodeTypeNames() {
		const response = await fetch(`${this.baseUrl}/types/nodes.json`, {
			headers: { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) },
		});
		if (!response.ok) throw new Error(`n8n /types/nodes.json: ${response.status}`);
		/** @type {Array<{ name: string }>} */
		const types = await response.json();
		return types.map((type) => type.name);
	}
}
