// Gathers what the run left behind, from n8n's execution records and the simulators' control APIs.
import { callControl } from '../../scripts/sandbox/simulators.mjs';

const UNFINISHED = new Set(['new', 'running', 'waiting', 'unknown']);
const MAX_PAGES = 40;
const PAGE_SIZE = 100;

/**
 * Every execution of the given workflows (summaries, newest first), paged with n8n's `lastId`.
 * @param {import('../../scripts/sandbox/n8n-rest.mjs').N8nRestClient} rest
 * @param {string[]} workflowIds
 * @returns {Promise<Array<{ id: string, workflowId: string, status: string, mode: string, startedAt?: string, stoppedAt?: string }>>}
 */
export async function allExecutions(rest, workflowIds) {
	const found = [];
	for (const workflowId of workflowIds) {
		let lastId;
		for (let page = 0; page < MAX_PAGES; page++) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const result = await rest.request('GET', `/executions?filter=${filter}&limit=${PAGE_SIZE}${lastId ? `&lastId=${lastId}` : ''}`);
			const rows = result.results ?? result;
			found.push(...rows.map((row) => ({ ...row, id: String(row.id), workflowId: String(row.workflowId ?? workflowId) })));
			if (rows.length < PAGE_SIZE) break;
			lastId = rows[rows.length - 1].id;
		}
	}
	return found;
}

/** @param {{ status: string }} execution */
export const isUnfinished = (execution) => UNFINISHED.has(execution.status);

/**
 * The error texts of one execution: the run's own error and every node error.
 * @param {Record<string, any>} execution  with parsed data
 * @returns {string[]}
 */
export function executionErrors(execution) {
	const resultData = execution.data?.resultData ?? {};
	const nodeErrors = Object.entries(resultData.runData ?? {}).flatMap(([name, runs]) =>
		runs.filter((run) => run.error).map((run) => `${name}: ${run.error.message}${run.error.description ? ` (${run.error.description})` : ''}`),
	);
	return [...(resultData.error ? [String(resultData.error.message)] : []), ...nodeErrors];
}

/**
 * Per-order failure reasons that an export execution reported (its "Failure Reason" node).
 * @param {Record<string, any>} execution
 * @returns {Array<{ workorderNo: string, reason: string }>}
 */
export function failureReasons(execution) {
	const runs = execution.data?.resultData?.runData?.['Failure Reason'] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => ({ workorderNo: String(item.json.workorderNo), reason: String(item.json.reason ?? '') })));
}

/** Work orders the export's polling trigger carried in one execution, by the number they are shown under (WorkorderNo, else OrderNr). */
export function triggeredOrders(execution, triggerName) {
	const runs = execution.data?.resultData?.runData?.[triggerName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => String(item.json.WorkorderNo || item.json.OrderNr)));
}

/** A text is about rate limits when it names HTTP 429 or Exact's limit wording. */
export const mentionsRateLimit = (text) => /\b429\b|rate.?limit|too many requests|kept refusing/i.test(text);

/**
 * Exact's side: invoices by YourRef, 429 answers, token statistics.
 * @param {Record<string, any>} exactInfo
 */
export async function exactFacts(exactInfo) {
	const invoices = await callControl(exactInfo.controlUrl, 'GET', `entities/${exactInfo.division}/SalesInvoices`);
	/** @type {Map<string, number>} */
	const invoicesByYourRef = new Map();
	for (const invoice of invoices) {
		const yourRef = String(invoice.YourRef ?? '');
		invoicesByYourRef.set(yourRef, (invoicesByYourRef.get(yourRef) ?? 0) + 1);
	}
	const calls = await callControl(exactInfo.controlUrl, 'GET', 'calls');
	const tokenStats = await callControl(exactInfo.controlUrl, 'GET', 'oauth/stats');
	return {
		invoiceCount: invoices.length,
		invoicesByYourRef,
		calls: calls.length,
		tooManyRequests: calls.filter((call) => call.status === 429).length,
		unauthorized: calls.filter((call) => call.status === 401).length,
		tokenStats,
	};
}
