/**
 * Exact Online misbehaving the ways the real service does, during a real export run on n8n's engine.
 * Each case: the run ends with every waiting order exported exactly once, or without an invoice and with a
 * reason; no secret reaches the output; and once the fault is gone the next run finishes the job.
 */
import type { IDataObject } from 'n8n-workflow';
import { configureExactLimits, RECONNECT_MESSAGE, resetTokenTracking } from '../../nodes/ExactOnline/transport';
import { callApi, refresh } from '../simulators/exact/testClient';
import { DEMO_DIVISION } from '../simulators/exact';
import {
	advanceClocks,
	allErrorMessages,
	assertConvergesNextRun,
	assertExactlyOnceOrFailed,
	assertFailuresHaveReasons,
	failureReasons,
	invoiceCounts,
	READY,
	startExportBed,
	workstatusOf,
	type ExportBed,
	type ExportBedOptions,
	expectCompleted,
} from './exportBed';

const INVOICES = 'salesinvoice/SalesInvoices';

describe('export under Exact Online faults', () => {
	let bed: ExportBed;
	const start = async (options: ExportBedOptions = {}) => {
		bed = await startExportBed(options);
	};
	afterEach(async () => await bed?.close());

	const goodOrders = () => bed.readyOrders.filter((no) => !bed.problemOrders.includes(no));
	const statusCount = (status: number) => bed.exact.calls().filter((call) => call.status === status).length;

	it('429 bursts within the minute are waited out: every good order exported once, no 429 reaches the user', async () => {
		await start();
		const reset = String(bed.exact.clock.now() + 40_000);
		bed.exact.injectFault({
			match: { path: INVOICES },
			fault: 'status',
			status: 429,
			times: 4,
			body: '{"error":{"code":"","message":{"lang":"","value":"Too many requests"}}}',
			headers: { 'X-RateLimit-Minutely-Limit': '60', 'X-RateLimit-Minutely-Remaining': '0', 'X-RateLimit-Minutely-Reset': reset },
		});
		const result = await bed.runExport();
		expectCompleted(result);
		expect(statusCount(429)).toBe(4);
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		expect(outcome.exported.sort()).toEqual(goodOrders().sort());
		for (const reason of failureReasons(result).values()) expect(reason).not.toMatch(/429|too many/i);
	});

	it('a tight minute limit is paced by the headers, not by 429s', async () => {
		await start({ exact: { minuteLimit: 6 } });
		const result = await bed.runExport();
		expectCompleted(result);
		expect(assertExactlyOnceOrFailed(bed, bed.readyOrders).exported.sort()).toEqual(goodOrders().sort());
		expect(statusCount(429)).toBe(0);
	});

	it('the daily limit running out mid-run leaves unfinished orders without an invoice and with a reason; the next day finishes', async () => {
		await start({ exact: { dailyLimit: 58 } });
		// One more good order, so the budget runs out mid-run (the seed's unfinished order no longer spends any).
		const source = bed.outSmart.getWorkorder(goodOrders()[0]) as IDataObject;
		bed.outSmart.addWorkorder({
			WorkorderNo: 'WO-27100',
			status: 'Compleet',
			WorkStatus: READY,
			CustomerDebtorNr: String(source.CustomerDebtorNr),
			Materials: (source.Materials as IDataObject[]).map((line) => ({ MaterialCode: line.MaterialCode, MaterialNr: line.MaterialNr, MaterialFreeField1: line.MaterialFreeField1 })),
			Workperiods: source.Workperiods,
		} as never);
		bed.readyOrders.push('WO-27100');
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		expect(outcome.exported.length).toBeLessThan(goodOrders().length);
		const newlyFailed = outcome.failed.filter((no) => !bed.problemOrders.includes(no));
		const reasons = assertFailuresHaveReasons(bed, result, newlyFailed);
		for (const no of newlyFailed) expect(reasons.get(no)).toMatch(/daily API budget/);
		if (result.status === 'error') expect(result.error?.message).toMatch(/daily API budget/);
		advanceClocks(bed, 24 * 3_600_000);
		await assertConvergesNextRun(bed);
	});

	it.each([500, 503])('%i on reads is retried; on the invoice POST the order is flagged, never sent twice', async (status) => {
		await start();
		bed.exact.injectFault({ match: { method: 'GET', path: INVOICES }, fault: 'status', status, times: 2 });
		bed.exact.injectFault({ match: { method: 'POST', path: INVOICES }, fault: 'status', status, times: 1 });
		const result = await bed.runExport();
		expectCompleted(result);
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		const newlyFailed = outcome.failed.filter((no) => !bed.problemOrders.includes(no));
		expect(newlyFailed).toHaveLength(1);
		expect(assertFailuresHaveReasons(bed, result, newlyFailed).get(newlyFailed[0])).toMatch(/outcome is unknown/);
		expect(bed.exact.callCount({ method: 'POST', path: INVOICES })).toBe(goodOrders().length);
		await assertConvergesNextRun(bed);
	});

	it('a connection dropped after the invoice was stored: flagged as unknown outcome, never a second invoice', async () => {
		await start();
		bed.exact.injectFault({ match: { method: 'POST', path: INVOICES }, fault: 'dropAfterWrite', times: 1 });
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		const [dropped] = outcome.failed.filter((no) => !bed.problemOrders.includes(no));
		expect(invoiceCounts(bed.exact).get(dropped)).toBe(1);
		expect(failureReasons(result).get(dropped)).toMatch(/did not confirm POST .*outcome is unknown/);
		// A person re-queues it: the existing invoice is found by YourRef and the order is marked, not re-invoiced.
		await assertConvergesNextRun(bed);
		expect(invoiceCounts(bed.exact).get(dropped)).toBe(1);
	});

	// The transport's 120 s request timeout cannot be shortened (OutSmart's can, with configureOutSmartTransport):
	// this case needs `requestTimeoutMs` in ExactLimitSettings, used for IHttpRequestOptions.timeout in request.ts.
	it('timeouts: a read that never answers is retried, a POST that never answers is flagged and not repeated', async () => {
		await start();
		configureExactLimits({ requestTimeoutMs: 5_000 } as unknown as Parameters<typeof configureExactLimits>[0]);
		bed.exact.injectFault({ match: { method: 'GET', path: INVOICES }, fault: 'timeout', times: 1 });
		bed.exact.injectFault({ match: { method: 'POST', path: INVOICES }, fault: 'timeout', times: 1 });
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		const newlyFailed = outcome.failed.filter((no) => !bed.problemOrders.includes(no));
		expect(newlyFailed).toHaveLength(1);
		expect(failureReasons(result).get(newlyFailed[0])).toMatch(/outcome is unknown/);
		await assertConvergesNextRun(bed);
	});

	it('malformed JSON and the HTML 401 page on reads are survived', async () => {
		await start();
		bed.exact.injectFault({ match: { method: 'GET', path: INVOICES }, fault: 'malformedJson', times: 1 });
		bed.exact.injectFault({ match: { method: 'GET', path: 'logistics/Items' }, fault: 'html401', times: 1 });
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		for (const reason of failureReasons(result).values()) expect(reason).not.toMatch(/<html|Object moved/i);
		if (result.status === 'error') expect(result.error?.message).not.toMatch(/<html|Object moved/i);
		expect(outcome.exported.length + outcome.failed.length + outcome.waiting.length).toBe(bed.readyOrders.length);
		await assertConvergesNextRun(bed);
	});

	it('an endpoint blocked by the 10-errors-per-hour rule: orders wait or are flagged with a reason, and converge after the hour', async () => {
		await start({ exact: { errorLimitPerHour: 10 } });
		const token = String((bed.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as { access_token: string }).access_token);
		for (let attempt = 0; attempt < 11; attempt++) {
			await callApi(bed.exact, token, `${DEMO_DIVISION}/${INVOICES}?$select=InvoiceID&$filter=NoSuchField eq 1`);
		}
		const result = await bed.runExport();
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		expect(outcome.exported).toEqual([]);
		const newlyFailed = outcome.failed.filter((no) => !bed.problemOrders.includes(no));
		const reasons = assertFailuresHaveReasons(bed, result, newlyFailed);
		for (const no of newlyFailed) expect(reasons.get(no)).toMatch(/rate limit|blocked|try again/i);
		advanceClocks(bed, 3_600_000);
		await assertConvergesNextRun(bed);
	});

	it('an access token that expires mid-run is refreshed once, without "Old refresh token used"', async () => {
		await start();
		let expired = false;
		bed.onSleep = () => {
			if (!expired) {
				expired = true;
				advanceClocks(bed, 11 * 60_000);
			}
		};
		// The first invoice lookup fails once; its retry wait is where the token's ten minutes run out.
		bed.exact.injectFault({ match: { method: 'GET', path: INVOICES }, fault: 'status', status: 503, times: 1 });
		const refreshesBefore = bed.exact.tokenStats().refreshes;
		const result = await bed.runExport();
		expectCompleted(result);
		expect(expired).toBe(true);
		expect(assertExactlyOnceOrFailed(bed, bed.readyOrders).exported.sort()).toEqual(goodOrders().sort());
		expect(bed.exact.tokenStats().refreshes - refreshesBefore).toBe(1);
		expect(bed.exact.tokenStats().oldRefreshTokenUsed).toBe(0);
	});

	it('an expired access token of unknown age (after a restart) is refreshed after one 401', async () => {
		await start();
		advanceClocks(bed, 11 * 60_000);
		resetTokenTracking();
		const result = await bed.runExport();
		expectCompleted(result);
		expect(assertExactlyOnceOrFailed(bed, bed.readyOrders).exported.sort()).toEqual(goodOrders().sort());
		expect(bed.exact.tokenStats().oldRefreshTokenUsed).toBe(0);
	});

	describe('a refresh token Exact no longer accepts: reconnect message, nothing written', () => {
		const expectNoDamage = (result: Awaited<ReturnType<ExportBed['runExport']>>) => {
			expect(bed.exact.callCount({ method: 'POST', path: INVOICES })).toBe(0);
			for (const no of bed.readyOrders) expect(workstatusOf(bed.outSmart, no)).toBe(READY);
			expect(allErrorMessages(result).join('\n')).toContain(RECONNECT_MESSAGE);
		};

		it('superseded: another copy of the credential already used it', async () => {
			await start();
			const stored = bed.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as { refresh_token: string };
			advanceClocks(bed, 11 * 60_000);
			expect((await refresh(bed.exact, stored.refresh_token)).status).toBe(200);
			expectNoDamage(await bed.runExport());
		});

		it('superseded: the same Exact user connected the app again elsewhere', async () => {
			await start();
			await bed.exact.connect();
			advanceClocks(bed, 11 * 60_000);
			expectNoDamage(await bed.runExport());
		});

		it('expired after 30 days unused', async () => {
			await start();
			bed.exact.expireRefreshTokens();
			advanceClocks(bed, 11 * 60_000);
			expectNoDamage(await bed.runExport());
		});
	});
});
