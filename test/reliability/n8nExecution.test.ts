/**
 * n8n itself as a source of trouble: two executions of the export at once, a process that dies between the
 * invoice POST and the status change, and a re-run of an execution with its original data.
 */
import type { IDataObject } from 'n8n-workflow';
import { assertConvergesNextRun, assertExactlyOnceOrFailed, expectCompleted, invoiceCounts, NODE, READY, startExportBed, SUCCESS, workstatusOf, type ExportBed } from './exportBed';

describe('export under n8n execution hazards', () => {
	let bed: ExportBed;
	beforeEach(async () => {
		bed = await startExportBed();
	});
	afterEach(async () => await bed.close());

	const goodOrders = () => bed.readyOrders.filter((no) => !bed.problemOrders.includes(no));

	it('two executions at the same time create one invoice per order', async () => {
		const [first, second] = await Promise.all([bed.runExport(), bed.runExport()]);
		expectCompleted(first);
		expectCompleted(second);
		const outcome = assertExactlyOnceOrFailed(bed, bed.readyOrders);
		expect(outcome.exported.sort()).toEqual(goodOrders().sort());
		// Both read the same orders; the second found each invoice by YourRef instead of creating it.
		const created = [...first.output(NODE.create), ...second.output(NODE.create)];
		expect(created.filter((item) => item.skipped === false)).toHaveLength(goodOrders().length);
		expect(created.filter((item) => item.skipped === true)).toHaveLength(goodOrders().length);
	});

	it('five executions at once still give exactly one invoice per order', async () => {
		await Promise.all(Array.from({ length: 5 }, async () => await bed.runExport()));
		for (const no of goodOrders()) expect(invoiceCounts(bed.exact).get(no)).toBe(1);
		assertExactlyOnceOrFailed(bed, bed.readyOrders);
	});

	it('a process killed between the invoice POST and the status change: the next run marks the orders, no second invoice', async () => {
		await bed.runExport({ stopAfterCreate: true });
		for (const no of goodOrders()) {
			expect(invoiceCounts(bed.exact).get(no)).toBe(1);
			expect(workstatusOf(bed.outSmart, no)).toBe(READY);
		}
		await assertConvergesNextRun(bed);
		for (const no of goodOrders()) expect(invoiceCounts(bed.exact).get(no)).toBe(1);
	});

	it('a re-run of an execution with its original orders creates nothing twice', async () => {
		const orders = goodOrders().map((no) => bed.outSmart.getWorkorder(no) as IDataObject);
		await bed.runExport({ input: orders });
		const invoices = bed.exact.store.list(3185420, 'SalesInvoices').length;
		const rerun = await bed.runExport({ input: orders });
		expectCompleted(rerun);
		expect(bed.exact.store.list(3185420, 'SalesInvoices').length).toBe(invoices);
		expect(rerun.output(NODE.create).map((item) => item.skipped)).toEqual(goodOrders().map(() => true));
		for (const no of goodOrders()) expect(workstatusOf(bed.outSmart, no)).toBe(SUCCESS);
	});
});
