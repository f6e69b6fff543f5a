// Helpers for the end-to-end suite: fixtures, manual runs judged by n8n's own execution result,
// production triggers, and the simulators' control APIs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentialsByType } from '../../scripts/sandbox/credentials.mjs';
import { callControl } from '../../scripts/sandbox/simulators.mjs';
import { linkCredentials, toNewWorkflow } from '../../scripts/sandbox/templates.mjs';
import { waitFor } from '../../scripts/sandbox/wait.mjs';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Creates a fixture workflow in n8n, with `{{division}}` (and any other `{{name}}` in `values`) filled
 * in and credentials linked.
 * @param {import('../../scripts/sandbox/stack.mjs').Stack} stack
 * @param {string} file  under test/e2e/fixtures
 * @param {(workflow: Record<string, any>) => Record<string, any>} [adjust]
 * @param {Record<string, string>} [values]
 */
export async function createFixtureWorkflow(stack, file, adjust = (workflow) => workflow, values = {}) {
	let text = fs.readFileSync(path.join(fixturesDir, file), 'utf8').replaceAll('{{division}}', String(stack.exact.division));
	for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{{${name}}}`, JSON.stringify(String(value)).slice(1, -1));
	return await stack.rest.createWorkflow(adjust(toNewWorkflow(linkCredentials(JSON.parse(text), credentialsByType()))));
}

/** The node a manual run starts from: the manual trigger if there is one, else the first trigger. */
export function startNodeOf(workflow) {
	const trigger =
		workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger') ??
		workflow.nodes.find((node) => /trigger$/i.test(node.type));
	assert.ok(trigger, `workflow "${workflow.name}" has no trigger node to start from`);
	return trigger.name;
}

/**
 * Runs a workflow as the editor does and returns the finished execution. Judges it by n8n's execution
 * record (status and error), never by a process exit code.
 * @param {import('../../scripts/sandbox/stack.mjs').Stack} stack
 * @param {string} workflowId
 */
export async function runWorkflowToSuccess(stack, workflowId) {
	const workflow = await stack.rest.getWorkflow(workflowId);
	const executionId = await stack.rest.runWorkflow(workflowId, startNodeOf(workflow));
	const execution = await stack.rest.waitForExecution(executionId);
	assertExecutionSucceeded(execution, workflow.name);
	return execution;
}

/** @param {Record<string, any>} execution @param {string} label */
export function assertExecutionSucceeded(execution, label) {
	const runData = execution.data?.resultData?.runData ?? {};
	const nodeErrors = Object.entries(runData)
		.flatMap(([name, runs]) => runs.filter((run) => run.error).map((run) => `${name}: ${run.error.message}`));
	const error = execution.data?.resultData?.error;
	assert.equal(execution.status, 'success', `"${label}" ended ${execution.status}: ${error?.message ?? ''} ${nodeErrors.join('; ')}`);
	assert.equal(error, undefined, `"${label}" reported an error: ${error?.message}`);
}

/** One line per executed node with its item counts, for failure messages. */
export function describeRun(execution) {
	return Object.entries(execution.data?.resultData?.runData ?? {})
		.map(([name, runs]) => `${name}: ${runs.map((run) => (run.error ? `error ${run.error.message}` : JSON.stringify(run.data?.main?.map((output) => output?.length ?? 0)))).join(' ')}`)
		.join('\n');
}

/** Items a node output on its first run (main output 0). */
export function outputOf(execution, nodeName) {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	assert.ok(runs, `node "${nodeName}" did not run`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * Sets every polling node's schedule to one run a minute at a chosen second, so the next production
 * poll comes within about `leadSeconds` (n8n refuses polls more often than once a minute).
 * @param {Record<string, any>} workflow  as returned by n8n
 * @param {number} leadSeconds
 */
export function pollSoon(workflow, leadSeconds) {
	const second = (new Date().getSeconds() + leadSeconds) % 60;
	for (const node of workflow.nodes) {
		if (node.parameters?.pollTimes) node.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] };
	}
	return workflow;
}

/**
 * Waits for a finished execution of the workflow that a production trigger started (mode trigger or
 * webhook) and that `matches`; returns it with its data. Executions already looked at go into `seenIds`.
 * @param {import('../../scripts/sandbox/stack.mjs').Stack} stack
 * @param {string} workflowId
 * @param {Set<string>} seenIds
 * @param {number} timeoutMs
 * @param {(execution: Record<string, any>) => boolean} matches
 */
export async function waitForProductionExecution(stack, workflowId, seenIds, timeoutMs, matches) {
	return await waitFor(
		'a production execution',
		async () => {
			const executions = await stack.rest.listExecutions(workflowId);
			for (const summary of executions) {
				const id = String(summary.id);
				if (seenIds.has(id) || !['trigger', 'webhook'].includes(summary.mode) || ['new', 'running'].includes(summary.status)) continue;
				seenIds.add(id);
				const execution = await stack.rest.getExecution(id);
				if (matches(execution)) return execution;
			}
			return undefined;
		},
		{ timeoutMs, intervalMs: 500 },
	);
}

/** @param {import('../../scripts/sandbox/stack.mjs').Stack} stack */
export const outsmartControl = (stack, method, route, body) => callControl(stack.outsmart.controlUrl, method, route, body);
/** @param {import('../../scripts/sandbox/stack.mjs').Stack} stack */
export const exactControl = (stack, method, route, body) => callControl(stack.exact.controlUrl, method, route, body);
