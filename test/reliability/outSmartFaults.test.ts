/**
 * OutSmart misbehaving during exports and imports: 5xx and timeouts on reads and writes, a connection
 * dropped after a status change or a batch upsert was applied, and error envelopes on part of a batch.
 * Exports keep the exactly-once promise; imports converge on the next run.
 */
import type { RunResult } from '../harness';
import {
	assertConvergesNextRun,
	assertExactlyOnceOrFailed,
	failureReasons,
	invoiceCounts,
	READY,
	startExportBed,
	SUCCESS,
	workstatusOf,
	type ExportBed,
	expectCompleted,
} from './exportBed';
import { findSecrets } from '../security/secretScan';
import { DEMO_WORKSTATUS } from '../simulators/outsmart';

const IMPORT_RELATIONS = 'workflows/import-relations.json';

describe('export and import under OutSmart faults', () => {
	let bed: ExportBed;
	beforeEach(async () => {
		bed = await startExportBed();
	});
	afterEach(async () => await bed.close());

	const goodOrders = () => bed.readyOrders.filter((no) => !bed.problemOrders.includes(no));

	it.each([
		['a 5xx', { fault: 'status' as const, status: 502, times: 2 }],
		['a timeout', { fault: 'timeout' as const, times: 1 }],
	])('%s on the work-order read is retried and the export completes', async (_label, rule) => {
		bed.outSmart.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, ...rule });
		const result = await bed.runExport();
		expectCompleted(result);
		expect(assertExactlyOnceOrFailed(bed, bed.readyOrders).exported.sort()).toEqual(goodOrders().sort());
	});

	it('a read that keeps failing stops the run before anything is written', async () => {
		bed.outSmart.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'status', status: 503, times: 10 });
		const result = await bed.runExport();
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/OutSmart GetWorkorders: HTTP 503/);
		expect(bed.exact.callCount({ method: 'POST', path: 'SalesInvoices' })).toBe(0);
		await assertConvergesNextRun(bed);
	});

	it.each([
		['a 5xx', { fault: 'status' as const, status: 500 }],
		['a timeout', { fault: 'timeout' as const }],
	])('%s on the status change: the invoice stands, the order is flagged with the reason, and the next run marks it without a second invoice', async (_label, rule) => {
		// Only exportable orders in this run, so the fault hits a success status change.
		for (const no of bed.problemOrders) bed.outSmart.setWorkstatus(no, DEMO_WORKSTATUS.inProgress.code);
		bed.outSmart.injectFault({ match: { path: '/openapi/8/UpdateWorkorder' }, ...rule, times: 1 });
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, goodOrders());
		// The template routes a failed status change to the error status, with the reason in the run.
		expect(outcome.failed).toHaveLength(1);
		const [flagged] = outcome.failed;
		expect(invoiceCounts(bed.exact).get(flagged)).toBe(1);
		expect(failureReasons(result).get(flagged)).toMatch(/UpdateWorkorder/);
		expectCompleted(result);
		// Status changes are writes: never repeated blindly (one success change per order, one error status).
		expect(bed.outSmart.callCount({ endpoint: 'UpdateWorkorder' })).toBe(goodOrders().length + 1);
		for (const no of bed.problemOrders) bed.outSmart.setWorkstatus(no, READY);
		await assertConvergesNextRun(bed);
		expect(invoiceCounts(bed.exact).get(flagged)).toBe(1);
	});

	it('a connection dropped after the status change was applied: exported once, nothing repeated', async () => {
		bed.outSmart.injectFault({ match: { path: '/openapi/8/UpdateWorkorder' }, fault: 'dropAfterWrite', times: 1 });
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		// The unconfirmed change counts as failed: that order is flagged (its one invoice stands), the rest exported.
		const flagged = outcome.failed.filter((no) => !bed.problemOrders.includes(no));
		expect(flagged).toHaveLength(1);
		expect(invoiceCounts(bed.exact).get(flagged[0])).toBe(1);
		expect(failureReasons(result).get(flagged[0])).toMatch(/UpdateWorkorder/);
		expect([...outcome.exported, ...flagged].sort()).toEqual(goodOrders().sort());
		await assertConvergesNextRun(bed);
		for (const no of goodOrders()) expect(workstatusOf(bed.outSmart, no)).toBe(SUCCESS);
	});

	describe('relations import', () => {
		const relationPosts = () => bed.outSmart.callCount({ method: 'POST', endpoint: 'relations' });
		const runImport = async (): Promise<RunResult> => {
			const result = await bed.harness.run(IMPORT_RELATIONS);
			expect(findSecrets(result, bed.secrets())).toEqual([]);
			return result;
		};
		/** Converged: a further run finds nothing new or changed to write. */
		const expectConverged = async () => {
			bed.outSmart.clearFaults();
			await runImport();
			const before = relationPosts();
			await runImport();
			expect(relationPosts()).toBe(before);
		};

		it('without faults, a second run writes nothing (the reference for convergence)', async () => {
			await runImport();
			const before = relationPosts();
			await runImport();
			expect(relationPosts()).toBe(before);
		});

		it.each([
			['a connection dropped after the batch was applied', { fault: 'dropAfterWrite' as const }],
			['a 5xx on the batch', { fault: 'status' as const, status: 500 }],
			['a timeout on the batch', { fault: 'timeout' as const }],
			['an error envelope for part of the batch', { fault: 'rejectRecords' as const, recordIndexes: [1] }],
			['an error envelope for the whole batch', { fault: 'envelope' as const, code: 1300, messages: ['Insert failed'] }],
		])('%s: the failed records carry a reason, and the next run converges', async (_label, rule) => {
			bed.exact.updateEntity(3185420, 'Accounts', String(bed.exact.store.list(3185420, 'Accounts').find((row) => row.Status === 'C')?.ID), {
				Name: 'Nieuwe naam B.V.',
			});
			await runImport();
			bed.outSmart.injectFault({ match: { method: 'POST', path: '/openapi/8/relations' }, ...rule, times: 1 } as never);
			bed.exact.updateEntity(3185420, 'Accounts', String(bed.exact.store.list(3185420, 'Accounts').find((row) => row.Status === 'C')?.ID), {
				Name: 'Andere naam B.V.',
			});
			const faulted = await runImport();
			const written = faulted.output('Upsert Relations');
			if (rule.fault !== 'dropAfterWrite') {
				// A record OutSmart did not write is an error item: its reason and a stable kind (#19).
				expect(written.some((item) => item.written !== true && typeof item.error === 'string' && item.error.length > 5 && typeof (item.details as { kind?: unknown })?.kind === 'string')).toBe(true);
			}
			await expectConverged();
			const relation = bed.outSmart.store.master('relations').all().find((row) => row.name === 'Andere naam B.V.');
			expect(relation).toBeDefined();
		});
	});

	it('orders still waiting after every fault are READY in OutSmart, never silently acknowledged', async () => {
		bed.outSmart.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'status', status: 503, times: 10 });
		await bed.runExport();
		for (const no of bed.readyOrders) expect(workstatusOf(bed.outSmart, no)).toBe(READY);
		const reads = bed.outSmart.calls({ endpoint: 'GetWorkorders' });
		expect(reads.length).toBeGreaterThan(0);
		for (const call of reads) expect(new URLSearchParams(call.query).get('update_status')).toBe('false');
	});
});
