/**
 * A long simulated working day on the real limits (60 calls a minute, 5,000 a day, 10 errors an hour):
 * hundreds of work orders trickle in, the export and the relations import run every 15 minutes, access
 * tokens expire every 10 minutes, and a few faults strike along the way. At the end: no duplicate
 * invoice, no lost order, no "Old refresh token used", and the day's calls within the daily budget.
 * Runs with `npm run test:soak` (not in the default run).
 */
import { DEMO_DIVISION } from '../simulators/exact';
import {
	advanceClocks,
	assertExactlyOnceOrFailed,
	cannotBuild,
	ERROR,
	invoiceCounts,
	READY,
	startExportBed,
	SUCCESS,
	workstatusOf,
	type ExportBed,
} from '../reliability/exportBed';

const INTERVAL_MS = 15 * 60_000;
const INTERVALS = Number(process.env.SOAK_INTERVALS ?? 48);
const ORDERS_PER_INTERVAL = Number(process.env.SOAK_ORDERS_PER_INTERVAL ?? 8);

describe('a simulated working day', () => {
	let bed: ExportBed;
	beforeAll(async () => {
		bed = await startExportBed({ exact: { minuteLimit: 60, dailyLimit: 5000, errorLimitPerHour: 10 } });
	});
	afterAll(async () => await bed.close());

	it(`${INTERVALS} quarter-hours, ${INTERVALS * ORDERS_PER_INTERVAL} new orders: every order exported once or flagged, tokens intact, budget kept`, async () => {
		const mismatched = new Set(bed.outSmart.seed.paymentConditionMismatches.map((entry) => entry.debtorNumber));
		const customers = bed.outSmart.store
			.master('relations')
			.all()
			.filter((relation) => relation.active === '1' && relation.debtor_type === 'customer' && !mismatched.has(String(relation.debtor_number)))
			.map((relation) => String(relation.debtor_number));
		const unusable = new Set([...bed.outSmart.seed.materialsWithoutGla, bed.outSmart.seed.materialWithUnknownGla.code]);
		const materials = bed.outSmart.store
			.master('materials')
			.all()
			.filter((material) => !unusable.has(String(material.code)) && String(material.freefield1 ?? '') !== '')
			.map((material) => String(material.code));
		const hourType = String(bed.outSmart.store.master('hourtypes').all()[0].code);
		expect(customers.length).toBeGreaterThan(10);
		expect(materials.length).toBeGreaterThan(10);

		const orders = [...bed.readyOrders];
		const dayStart = bed.exact.clock.now();
		const callsBefore = bed.exact.callCount();
		for (let interval = 0; interval < INTERVALS; interval++) {
			for (let index = 0; index < ORDERS_PER_INTERVAL; index++) {
				const serial = interval * ORDERS_PER_INTERVAL + index;
				const added = bed.outSmart.addWorkorder({ status: 'Opgehaald', CustomerDebtorNr: customers[serial % customers.length] });
				const no = String(added.WorkorderNo);
				bed.outSmart.completeWorkorder(no, {
					materials: [
						{ MaterialCode: materials[serial % materials.length], MaterialNr: String(1 + (serial % 4)) },
						{ MaterialCode: materials[(serial * 7 + 3) % materials.length], MaterialNr: '2,5' },
					],
					workperiods: [{ HourType: hourType, BeginTime: '08:00', EndTime: '09:30' }],
					workstatus: READY,
				});
				orders.push(no);
			}
			// Now and then the services misbehave.
			if (interval % 7 === 3) bed.exact.injectFault({ match: { method: 'POST', path: 'SalesInvoices' }, fault: 'dropAfterWrite', times: 1 });
			if (interval % 9 === 5) bed.outSmart.injectFault({ match: { path: '/openapi/8/UpdateWorkorder' }, fault: 'status', status: 502, times: 1 });
			if (interval % 11 === 7) bed.exact.injectFault({ match: { method: 'GET', path: 'SalesInvoices' }, fault: 'status', status: 503, times: 1 });
			await bed.harness.run('workflows/import-relations.json');
			await bed.runExport();
			// The planner re-queues orders a fault flagged (not the ones the seed made unexportable).
			for (const no of orders) {
				if (workstatusOf(bed.outSmart, no) === ERROR && !cannotBuild(bed.outSmart, no)) bed.outSmart.setWorkstatus(no, READY);
			}
			assertExactlyOnceOrFailed(bed, orders);
			advanceClocks(bed, INTERVAL_MS);
		}
		bed.exact.clearFaults();
		bed.outSmart.clearFaults();
		await bed.runExport();

		const outcome = assertExactlyOnceOrFailed(bed, orders);
		expect(outcome.waiting).toEqual([]);
		for (const no of outcome.failed) expect(cannotBuild(bed.outSmart, no)).toBe(true);
		for (const no of outcome.exported) expect(workstatusOf(bed.outSmart, no)).toBe(SUCCESS);
		const duplicates = [...invoiceCounts(bed.exact).entries()].filter(([, count]) => count > 1);
		expect(duplicates).toEqual([]);

		const stats = bed.exact.tokenStats();
		expect(stats.oldRefreshTokenUsed).toBe(0);
		expect(stats.rejectedTokenCalls).toBe(0);
		// Tokens live ten minutes: a day of quarter-hours needs a refresh for nearly every interval.
		expect(stats.refreshes).toBeGreaterThanOrEqual(INTERVALS - 1);
		const elapsedDays = (bed.exact.clock.now() - dayStart) / 86_400_000;
		expect(elapsedDays).toBeLessThanOrEqual(1);
		const calls = bed.exact.callCount() - callsBefore;
		expect(calls).toBeLessThan(5000);
		expect(bed.exact.rateLimitState(DEMO_DIVISION).dailyRemaining).toBeGreaterThan(0);
		expect(bed.exact.calls().filter((call) => call.status === 429)).toEqual([]);
	}, 600_000);
});
