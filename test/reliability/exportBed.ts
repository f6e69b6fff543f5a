/**
 * The shipped export template (workflows/export-work-orders.json) on the one test bed: both simulators on
 * one frozen clock, the transports on that clock, an n8n engine harness with both credentials, and the
 * checks every reliability case shares: which orders ended where, how many invoices each work order got in
 * Exact, and that no secret leaked into anything a run produced.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import type { RunResult, WorkflowHarness } from '../harness';
import { startTestBed, type TestBed } from '../harness/testBed';
import { DEMO_DIVISION, type ExactSimulator, type ExactSimulatorOptions } from '../simulators/exact';
import { DEMO_WORKSTATUS, type OutSmartSimulator } from '../simulators/outsmart';
import { EXPORT_NODE, EXPORT_TEMPLATE, loadTemplate } from '../harness/templates';
import { findSecrets } from '../security/secretScan';

export const NODE = EXPORT_NODE;

export interface ExportRunOptions {
	/** Orders handed on by the trigger instead of read (a re-run of an execution with its original data). */
	input?: IDataObject[];
	/** The process dies once Exact confirmed, before the success status is set. */
	stopAfterCreate?: boolean;
	/** Parameters of Build Sales Invoice that replace the shipped ones. */
	buildOverrides?: IDataObject;
}

/** The shipped template, with the changes a case asks for. */
export function exportTemplate(options: ExportRunOptions = {}): IWorkflowBase {
	const workflow = loadTemplate(EXPORT_TEMPLATE);
	const build = workflow.nodes.find((node) => node.name === NODE.build)!;
	build.parameters = { ...build.parameters, ...options.buildOverrides } as typeof build.parameters;
	if (options.stopAfterCreate) delete workflow.connections[NODE.exported];
	return workflow;
}

export interface ExportBed extends TestBed {
	/** Every secret the two credentials hold, now and after any refresh. */
	secrets(): string[];
	/**
	 * Runs the template once, as "Execute workflow" does (the trigger reads every order waiting in its
	 * status), or on given orders, and checks that nothing in the result carries a secret.
	 */
	runExport(options?: ExportRunOptions): Promise<RunResult>;
	/** The orders the seed left waiting for invoicing, by number. */
	readyOrders: string[];
	/** Orders the export can never build (seeded GLA and payment-condition problems). */
	problemOrders: string[];
}

export interface ExportBedOptions {
	exact?: ExactSimulatorOptions;
	workorderCount?: number;
}

export const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
/** The template's error status (its export trigger's). */
export const ERROR = DEMO_WORKSTATUS.exportFailed.code;
export const READY = DEMO_WORKSTATUS.readyForInvoicing.code;

export async function startExportBed(options: ExportBedOptions = {}): Promise<ExportBed> {
	const bed = await startTestBed({
		exact: { minuteLimit: 100_000, dailyLimit: 1_000_000, errorLimitPerHour: 1000, ...options.exact },
		outSmart: { workorderCount: options.workorderCount ?? 40 },
	});
	const { exact, outSmart, harness } = bed;
	const readyOrders = outSmart.seed.workordersByStatus.Compleet.filter(
		(no) => (outSmart.getWorkorder(no)?.WorkStatus as string | undefined) === READY,
	);
	const problemOrders = readyOrders.filter((no) => cannotBuild(outSmart, no));
	const secrets = secretsOf(harness, [exact.info.clientSecret, exact.info.webhookSecret, outSmart.info.token, outSmart.info.softwareToken]);
	const runExport = async (runOptions: ExportRunOptions = {}) => {
		const workflow = exportTemplate(runOptions);
		const result = runOptions.input
			? await harness.run(workflow, { mode: 'trigger', startNode: NODE.trigger, input: runOptions.input })
			: await harness.run(workflow, { startNode: NODE.trigger });
		const leaks = findSecrets(result, secrets());
		if (leaks.length > 0) throw new Error(`A secret leaked into the run result at ${leaks.join(', ')}`);
		return result;
	};
	return Object.defineProperties(bed, {
		secrets: { value: secrets },
		runExport: { value: runExport },
		readyOrders: { value: readyOrders },
		problemOrders: { value: problemOrders },
	}) as ExportBed;
}

/** Every secret the credentials held so far: the given ones, the Exact tokens now and after each refresh. */
function secretsOf(harness: WorkflowHarness, initial: string[]): () => string[] {
	const seen = new Set<string>(initial);
	const secrets = (): string[] => {
		const tokens = harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as IDataObject | undefined;
		for (const key of ['access_token', 'refresh_token']) {
			if (typeof tokens?.[key] === 'string') seen.add(tokens[key] as string);
		}
		for (const update of harness.credentialsHelper.tokenUpdates) {
			for (const key of ['access_token', 'refresh_token']) {
				if (typeof update.oauthTokenData[key] === 'string') seen.add(update.oauthTokenData[key] as string);
			}
		}
		return [...seen];
	};
	secrets();
	return secrets;
}

/**
 * The run went through every order it read: it ended in success, or, as the template ends a run in which an
 * order failed (so n8n's error workflow fires), in its failure report naming each order that failed.
 */
export function expectCompleted(result: RunResult): void {
	const failed = result.output(NODE.failed).map((item) => String(item.workorderNo));
	if (failed.length === 0) {
		expect(result.status).toBe('success');
		return;
	}
	expect(result.status).toBe('error');
	expect(result.executedNodes).toContain('Stop: Orders Not Exported');
	expect(result.error?.message).toMatch(/^Work orders not exported: /);
	for (const no of failed) expect(result.error?.message).toContain(`${no} (`);
}

/** Moves both simulated clocks (the transports read the Exact one). */
export function advanceClocks(bed: ExportBed, ms: number): void {
	bed.clock.advance(ms);
}

/**
 * The next run after the fault is gone: a person re-queues the orders the fault put in the error status
 * (those the seed did not make unexportable), the export runs again, and every order ends exported exactly
 * once while the problem orders stay flagged.
 */
export async function assertConvergesNextRun(bed: ExportBed): Promise<RunResult> {
	bed.exact.clearFaults();
	bed.outSmart.clearFaults();
	for (const no of bed.readyOrders) {
		if (!bed.problemOrders.includes(no) && workstatusOf(bed.outSmart, no) === ERROR) bed.outSmart.setWorkstatus(no, READY);
	}
	const result = await bed.runExport();
	const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
	expect(outcome.failed.sort()).toEqual([...bed.problemOrders].sort());
	expect(outcome.waiting).toEqual([]);
	for (const no of bed.problemOrders) expect(invoiceCounts(bed.exact).get(no) ?? 0).toBe(0);
	return result;
}

/** Orders a run put in the error status must carry a reason in that run's output. */
export function assertFailuresHaveReasons(bed: ExportBed, result: RunResult, failed: string[]): Map<string, string> {
	const reasons = failureReasons(result);
	for (const no of failed) {
		expect({ no, reason: reasons.get(no) }).toEqual({ no, reason: expect.stringMatching(/\w{5,}/) });
	}
	return reasons;
}

/**
 * Whether the seed made this order unexportable: a material without or with an unknown GLA, a
 * payment-condition mismatch, or an order the technician could not finish (WorkFinished 0).
 */
export function cannotBuild(outSmart: OutSmartSimulator, workorderNo: string): boolean {
	const order = outSmart.getWorkorder(workorderNo);
	if (!order) return false;
	if (order.WorkFinished === '0' || order.Archived === '1') return true;
	const facts = outSmart.seed;
	const badMaterials = new Set([...facts.materialsWithoutGla, facts.materialWithUnknownGla.code]);
	const materials = (order.Materials ?? []) as Array<{ MaterialCode?: string }>;
	if (materials.some((line) => badMaterials.has(String(line.MaterialCode)))) return true;
	const debtor = String(order.CustomerDebtorNrInvoice || order.CustomerDebtorNr || '');
	return facts.paymentConditionMismatches.some((mismatch) => mismatch.debtorNumber === debtor);
}

/** How many invoices Exact holds per YourRef. */
export function invoiceCounts(exact: ExactSimulator): Map<string, number> {
	const counts = new Map<string, number>();
	for (const invoice of exact.store.list(DEMO_DIVISION, 'SalesInvoices')) {
		const reference = String(invoice.YourRef ?? '').trim();
		counts.set(reference, (counts.get(reference) ?? 0) + 1);
	}
	return counts;
}

export function workstatusOf(outSmart: OutSmartSimulator, workorderNo: string): string {
	return String(outSmart.getWorkorder(workorderNo)?.WorkStatus ?? '');
}

/**
 * The reasons a run gave for the orders it could not export, by work-order number: the template's
 * "Export Failed" report, and Build's error output when no order could start (the run stopped before).
 */
export function failureReasons(result: RunResult): Map<string, string> {
	const reasons = new Map<string, string>();
	for (const item of result.output(NODE.build, 1)) {
		const details = item.details as IDataObject | undefined;
		reasons.set(String((details?.workorder as IDataObject | undefined)?.workorderNo), String(item.error));
	}
	for (const item of result.output(NODE.failed)) reasons.set(String(item.workorderNo), String(item.reason));
	return reasons;
}

/**
 * The promise of every fault case: each order that was waiting is either exported exactly once (one
 * invoice in Exact, success status in OutSmart) or left without any invoice and has a reason (error status,
 * or still waiting for the next run). Returns the orders per outcome for further checks.
 */
export function assertExactlyOnceOrFailed(bed: ExportBed, orders: string[]): { exported: string[]; failed: string[]; waiting: string[] } {
	const counts = invoiceCounts(bed.exact);
	const exported: string[] = [];
	const failed: string[] = [];
	const waiting: string[] = [];
	const problems: string[] = [];
	for (const no of orders) {
		const status = workstatusOf(bed.outSmart, no);
		const invoices = counts.get(no) ?? 0;
		if (invoices > 1) problems.push(`${no}: ${invoices} invoices`);
		if (status === SUCCESS) {
			if (invoices !== 1) problems.push(`${no}: marked exported with ${invoices} invoices`);
			exported.push(no);
		} else if (status === ERROR) failed.push(no);
		else if (status === READY) waiting.push(no);
		else problems.push(`${no}: unexpected work status ${status}`);
	}
	if (problems.length > 0) throw new Error(`Export promise broken:\n${problems.join('\n')}`);
	return { exported, failed, waiting };
}

/** Every error text a run produced: the workflow error, each node's error and every error item. */
export function allErrorMessages(result: RunResult): string[] {
	const messages: string[] = [];
	if (result.error?.message) messages.push(result.error.message);
	for (const [name, runs] of Object.entries(result.runData)) {
		for (const task of runs) {
			if (task.error?.message) messages.push(`${name}: ${task.error.message}`);
			for (const output of task.data?.main ?? []) {
				for (const item of output ?? []) if (typeof item.json.error === 'string') messages.push(`${name}: ${item.json.error}`);
			}
		}
	}
	return messages;
}
