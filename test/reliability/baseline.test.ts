/** The export chain without faults: the reference every fault case is measured against. */
import { assertExactlyOnceOrFailed, ERROR, expectCompleted, failureReasons, invoiceCounts, startExportBed, SUCCESS, workstatusOf, type ExportBed } from './exportBed';

describe('export chain without faults', () => {
	let bed: ExportBed;
	beforeAll(async () => {
		bed = await startExportBed();
	});
	afterAll(async () => await bed.close());

	it('exports every good order once, flags every problem order with its reason, and a second run changes nothing', async () => {
		expect(bed.readyOrders.length).toBeGreaterThan(bed.problemOrders.length);
		const first = await bed.runExport();
		expectCompleted(first);
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		expect(outcome.failed.sort()).toEqual([...bed.problemOrders].sort());
		expect(outcome.exported).toHaveLength(bed.readyOrders.length - bed.problemOrders.length);
		const reasons = failureReasons(first);
		for (const no of bed.problemOrders) expect(reasons.get(no)).toMatch(/^Cannot export/);

		const invoicesBefore = bed.exact.store.list(3185420, 'SalesInvoices').length;
		const second = await bed.runExport();
		expectCompleted(second);
		expect(bed.exact.store.list(3185420, 'SalesInvoices').length).toBe(invoicesBefore);
		for (const no of outcome.exported) {
			expect(workstatusOf(bed.outSmart, no)).toBe(SUCCESS);
			expect(invoiceCounts(bed.exact).get(no)).toBe(1);
		}
		for (const no of bed.problemOrders) expect(workstatusOf(bed.outSmart, no)).toBe(ERROR);
	});
});
