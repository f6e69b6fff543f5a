/**
 * Both simulators on one frozen clock, the transports on that clock, an n8n engine harness with both
 * credentials, and the checks every reliability case shares: which orders ended where, how many invoices
 * each work order got in Exact, and that no secret leaked into anything a run produced.
 */
import type { IDataObject } from 'n8n-workflow';
import { useClock } from '../../nodes/shared/clock';
import { configureExactLimits, resetRateLimitStates, resetTokenTracking } from '../../nodes/ExactOnline/transport';
import { configureOutSmartTransport } from '../../nodes/OutSmart/transport';
import { exactCredentials, outSmartCredentials, WorkflowHarness, type RunResult } from '../harness';
import { DEMO_DIVISION, startExactSimulator, type ExactSimulator, type ExactSimulatorOptions } from '../simulators/exact';
import { DEMO_WORKSTATUS, startOutSmartSimulator, type OutSmartSimulator } from '../simulators/outsmart';
import { exportWorkflow, NODE, type ExportWorkflowOptions } from './exportWorkflow';
import { findSecrets } from '../security/secretScan';

export interface ExportBed {
	exact: ExactSimulator;
	outSmart: OutSmartSimulator;
	harness: WorkflowHarness;
	/** Called on every transport wait, after the clocks moved (e.g. to let a token expire mid-run). */
	onSleep?: (ms: number) => void;
	/** Every secret the two credentials hold, now and after any refresh. */
	secrets(): string[];
	/** Runs the export chain once and checks that nothing in the result carries a secret. */
	runExport(options?: ExportWorkflowOptions & { input?: IDataObject[] }): Promise<RunResult>;
	/** The orders the seed left waiting for invoicing, by number. */
	readyOrders: string[];
	/** Orders the export can never build (seeded GLA and payment-condition problems). */
	problemOrders: string[];
	close(): Promise<void>;
}

export interface ExportBedOptions {
	exact?: ExactSimulatorOptions;
	workorderCount?: number;
}

export const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
export const ERROR = DEMO_WORKSTATUS.error99.code;
export const READY = DEMO_WORKSTATUS.readyForInvoicing.code;

export async function startExportBed(options: ExportBedOptions = {}): Promise<ExportBed> {
	const exact = await startExactSimulator({
		timeScale: 0,
		minuteLimit: 100_000,
		dailyLimit: 1_000_000,
		errorLimitPerHour: 1000,
		...options.exact,
	});
	const outSmart = await startOutSmartSimulator({ port: 0, timeScale: 0, workorderCount: options.workorderCount ?? 40 });
	// One simulated time for both services and the transports: waits advance it instead of sleeping.
	const hooks: { onSleep?: (ms: number) => void } = {};
	useClock({
		now: () => exact.clock.now(),
		sleep: async (ms: number) => {
			exact.clock.advance(ms);
			outSmart.clock.advance(ms);
			hooks.onSleep?.(ms);
		},
	});
	resetRateLimitStates();
	resetTokenTracking();
	configureExactLimits();
	configureOutSmartTransport({ timeoutMs: 5_000, retryDelaysMs: [10, 20, 40] });
	const harness = new WorkflowHarness({
		exactOnlineOAuth2Api: exactCredentials(exact.info, (await exact.connect()) as unknown as IDataObject),
		outSmartApi: outSmartCredentials(outSmart.info),
	});
	const readyOrders = outSmart.seed.workordersByStatus.Compleet.filter(
		(no) => (outSmart.getWorkorder(no)?.WorkStatus as string | undefined) === READY,
	);
	const problemOrders = readyOrders.filter((no) => cannotBuild(outSmart, no));
	const seenSecrets = new Set<string>([exact.info.clientSecret, exact.info.webhookSecret, outSmart.info.token, outSmart.info.softwareToken]);
	const secrets = (): string[] => {
		const tokens = harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as IDataObject | undefined;
		for (const key of ['access_token', 'refresh_token']) {
			if (typeof tokens?.[key] === 'string') seenSecrets.add(tokens[key] as string);
		}
		for (const update of harness.credentialsHelper.tokenUpdates) {
			for (const key of ['access_token', 'refresh_token']) {
				if (typeof update.oauthTokenData[key] === 'string') seenSecrets.add(update.oauthTokenData[key] as string);
			}
		}
		return [...seenSecrets];
	};
	secrets();
	const bed: ExportBed = {
		exact,
		outSmart,
		harness,
		secrets,
		readyOrders,
		problemOrders,
		runExport: async (runOptions = {}) => {
			const result = await harness.run(exportWorkflow(runOptions), runOptions.input ? { input: runOptions.input, startNode: NODE.build } : {});
			const leaks = findSecrets(result, secrets());
			if (leaks.length > 0) throw new Error(`A secret leaked into the run result at ${leaks.join(', ')}`);
			return result;
		},
		close: async () => {
			useClock();
			configureExactLimits();
			configureOutSmartTransport();
			await exact.close();
			await outSmart.close();
		},
	};
	Object.defineProperty(bed, 'onSleep', { get: () => hooks.onSleep, set: (hook?: (ms: number) => void) => (hooks.onSleep = hook) });
	return bed;
}

/** Moves both simulated clocks (the transports read the Exact one). */
export function advanceClocks(bed: ExportBed, ms: number): void {
	bed.exact.clock.advance(ms);
	bed.outSmart.clock.advance(ms);
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

/** The reasons a run gave for the orders it could not export, by work-order number. */
export function failureReasons(result: RunResult): Map<string, string> {
	const reasons = new Map<string, string>();
	for (const item of result.output(NODE.build, 1)) {
		const details = item.details as IDataObject | undefined;
		reasons.set(String((details?.workorder as IDataObject | undefined)?.workorderNo), String(item.error));
	}
	const built = result.items(NODE.build, 0);
	for (const item of result.items(NODE.create, 1)) {
		const paired = item.pairedItem as { item: number } | undefined;
		const source = built[paired?.item ?? -1];
		const workorderNo = String(((source?.json.workorder ?? {}) as IDataObject).workorderNo);
		reasons.set(workorderNo, String(item.json.error));
	}
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
