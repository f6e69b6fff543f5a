/**
 * The export operations on n8n's engine against both simulators: Build Sales Invoice turns the seeded
 * orders into invoices Exact accepts, refuses the seeded problem orders with their documented messages
 * while the others go on, and Dry Run and Validate never write anywhere.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../../simulators/exact';
import { shownNumber } from '../../simulators/outsmart';
import { callApi } from '../../simulators/exact/testClient';
import { expectedProblems, exportParameters, invoiceTrigger, ordersReadyForInvoicing, startStack, type Stack } from './setup';

describe('Exact OutSmart export operations', () => {
	let stack: Stack;
	let orders: IDataObject[];

	beforeAll(async () => {
		stack = await startStack();
		orders = await ordersReadyForInvoicing(stack.outSmart);
	});

	afterAll(async () => {
		await stack.close();
	});

	test('the seed gives orders to export and each kind of problem order', () => {
		const failing = orders.filter((order) => expectedProblems(stack.outSmart, order).length > 0);
		const issues = stack.outSmart.seed.issueWorkorders;
		expect(orders.map((order) => shownNumber(order))).toEqual(expect.arrayContaining([issues.unknownGla, ...issues.paymentConditionMismatch]));
		expect(failing.some((order) => expectedProblems(stack.outSmart, order).some((problem) => problem.source.includes('has no GL account')))).toBe(true);
		expect(failing.length).toBeLessThan(orders.length);
	});

	test('Build Sales Invoice: invoices Exact accepts; problem orders fail with their reason, the rest go on', async () => {
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: exportParameters(), onError: 'continueErrorOutput' }, orders);
		expect(run.status).toBe('success');
		const built = run.output(run.nodeName, 0);
		const failed = run.output(run.nodeName, 1);
		expect(built.length + failed.length).toBe(orders.length);
		const expectedFailures = orders.filter((order) => expectedProblems(stack.outSmart, order).length > 0);
		expect(failed.map((item) => item.id)).toEqual(expectedFailures.map((order) => order.id));
		for (const [index, item] of failed.entries()) {
			const details = item.details as IDataObject;
			// The error item keeps what the next step needs to flag the order in OutSmart.
			expect(details.workorder).toEqual({ rowId: item.id, workorderNo: shownNumber(item), customerDebtorNumber: item.CustomerDebtorNrInvoice });
			expect(details.trigger).toMatchObject({ errorStatus: invoiceTrigger.errorStatus, successStatus: invoiceTrigger.successStatus });
			const patterns = expectedProblems(stack.outSmart, expectedFailures[index]);
			expect(details.problems).toHaveLength(patterns.length);
			patterns.forEach((pattern, problemIndex) => expect((details.problems as string[])[problemIndex]).toMatch(pattern));
			expect(String(item.error)).toBe(`Cannot export work order ${shownNumber(item)}: ${(details.problems as string[]).join('; ')}`);
			expect(details).toMatchObject({ kind: 'order.invalid', message: item.error });
		}

		// Lookups are batched: a handful of GETs for the whole batch, no writes to either system.
		expect(stack.exact.callCount({ method: 'POST' }) + stack.exact.callCount({ method: 'PUT' })).toBe(0);
		expect(stack.exact.callCount({ method: 'GET' })).toBeLessThanOrEqual(5);
		// OutSmart: its hour types with their prices (the customers' hour-type agreements), the relations' payment terms and the
		// material master, one call each: an order finished before the GLA import carries no free fields on its lines, and is
		// exported with the GLA of the material master.
		expect(stack.outSmart.calls().map((call) => call.endpoint)).toEqual(['materials', 'hourtypes', 'prices', 'relations']);
		const beforeGlaImport = stack.outSmart.seed.issueWorkorders.linesWithoutFreeFields;
		expect(built.map((item) => (item.workorder as IDataObject).workorderNo)).toContain(beforeGlaImport);
		// Orders planned in OutSmart (no WorkorderNo) are exported under their OrderNr.
		const withoutNumber = orders.filter((order) => order.WorkorderNo === '' && expectedProblems(stack.outSmart, order).length === 0);
		expect(withoutNumber.length).toBeGreaterThan(0);
		for (const order of withoutNumber) expect(built.find((item) => (item.workorder as IDataObject).rowId === order.id)?.yourRef).toBe(order.OrderNr);

		// What Build produced is exactly what Exact's SalesInvoices POST takes.
		expect(built.length).toBeGreaterThan(0);
		for (const item of built) {
			const invoice = item.invoice as IDataObject;
			expect(invoice.YourRef).toBe((item.workorder as IDataObject).workorderNo);
			expect(invoice.Description).toMatch(/^Werkbon (WO-\d+|WB-\d{4}-\d{5}) - .+/);
			const response = await callApi(stack.exact, stack.accessToken, `${DEMO_DIVISION}/salesinvoice/SalesInvoices`, { method: 'POST', body: invoice });
			expect({ status: response.status, body: response.status === 201 ? '' : response.text }).toEqual({ status: 201, body: '' });
		}
	});

	test('without an error output, a failing order stops the node naming the order and the reason', async () => {
		const failing = orders.find((order) => expectedProblems(stack.outSmart, order).length > 0)!;
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: exportParameters() }, [failing]);
		expect(run.status).toBe('error');
		expect(run.nodeError(run.nodeName)?.message).toMatch(new RegExp(`^Cannot export work order ${shownNumber(failing)}: `));
	});

	test('Dry Run reports would export / would skip (already invoiced) / would fail, and writes nothing', async () => {
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const extra = { ...orders.find((order) => expectedProblems(stack.outSmart, order).length === 0)!, WorkorderNo: 'WO-NEW-1', id: '999001' };
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: exportParameters({ operation: 'dryRun' }) }, [...orders, extra]);
		expect(run.status).toBe('success');
		const reports = run.output(run.nodeName);
		expect(reports).toHaveLength(orders.length + 1);
		const verdicts = new Map(reports.map((report) => [(report.workorder as IDataObject).workorderNo, report]));
		// The previous test created the invoices of the good orders, so those are already exported now.
		for (const order of orders) {
			const report = verdicts.get(shownNumber(order))!;
			if (expectedProblems(stack.outSmart, order).length > 0) {
				expect(report.verdict).toBe('wouldFail');
				expect(String(report.reason)).toMatch(/^Would fail because /);
			} else {
				expect(report).toMatchObject({ verdict: 'wouldSkip', reason: expect.stringMatching(/^Already exported: Exact has invoice (\d+|draft [0-9a-f-]{36}) for \[OutSmart \S+ MH\]$/) });
			}
		}
		const fresh = verdicts.get('WO-NEW-1')!;
		expect(fresh).toMatchObject({ verdict: 'wouldExport', reason: expect.stringMatching(/^Would export as materialsAndHours \(invoice WO-NEW-1, \d+ lines\)$/) });
		expect(stack.exact.callCount({ method: 'POST' })).toBe(0);
		expect(stack.outSmart.calls().every((call) => ['hourtypes', 'prices', 'relations', 'materials'].includes(call.endpoint))).toBe(true);
	});

	test('conflicting triggers stop the node before anything else, naming the status and both triggers', async () => {
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const triggers = [invoiceTrigger, { ...invoiceTrigger, name: 'Alleen pdf', mode: 'pdfOnly' }];
		const reason = `Status '${invoiceTrigger.workstatus}' is used by two export triggers: 'Factuur materiaal en uren' and 'Alleen pdf'. Give each trigger its own status: one order would otherwise be exported twice`;
		const stopped = await stack.harness.runNode(
			{ type: 'exactOutSmart', parameters: exportParameters({ exportTriggers: { trigger: triggers } }) },
			orders,
		);
		expect(stopped.status).toBe('error');
		expect(stopped.nodeError(stopped.nodeName)?.message).toBe(reason);
		expect((stopped.nodeError(stopped.nodeName) as (Error & { context?: IDataObject }) | undefined)?.context?.metadata).toMatchObject({ kind: 'config.invalid', message: reason });
		// With "Continue On Fail" no order is passed on as built: each becomes an error item of kind config.invalid.
		const run = await stack.harness.runNode(
			{ type: 'exactOutSmart', parameters: exportParameters({ exportTriggers: { trigger: triggers } }), continueOnFail: true },
			orders,
		);
		expect(run.output(run.nodeName)).toEqual(orders.map(() => ({ error: reason, details: expect.objectContaining({ kind: 'config.invalid', message: reason }) })));
		expect(stack.exact.calls()).toHaveLength(0);
		expect(stack.outSmart.calls()).toHaveLength(0);
	});

	test('Validate reports an unknown tag and conflicting triggers without calling anything', async () => {
		const run = await stack.harness.runNode({
			type: 'exactOutSmart',
			parameters: exportParameters({
				resource: 'exportConfiguration',
				operation: 'validate',
				exportTriggers: { trigger: [invoiceTrigger, { ...invoiceTrigger, name: 'Tweede' }] },
				tags: { mapping: [{ field: 'Description', template: 'Werkbon [Werkbonnummer]' }] },
			}),
		});
		const [report] = run.output(run.nodeName);
		expect(report.valid).toBe(false);
		expect(report.problems).toEqual([
			expect.stringMatching(/^Status '5812442' is used by two export triggers: 'Factuur materiaal en uren' and 'Tweede'/),
			expect.stringMatching(/^Unknown tag \[Werkbonnummer\] in the template for Description/),
		]);
		const valid = await stack.harness.runNode({ type: 'exactOutSmart', parameters: exportParameters({ resource: 'exportConfiguration', operation: 'validate' }) });
		expect(valid.output(valid.nodeName)[0]).toMatchObject({ valid: true, problems: [] });
	});

	test('an unknown tag stops Build with the tag named', async () => {
		const run = await stack.harness.runNode(
			{ type: 'exactOutSmart', parameters: exportParameters({ tags: { mapping: [{ field: 'Remarks', template: '[Omschrijving]' }] } }) },
			orders,
		);
		expect(run.status).toBe('error');
		expect(run.nodeError(run.nodeName)?.message).toMatch(/^Unknown tag \[Omschrijving\] in the template for Remarks/);
	});

	test('PDF only gives the document request for the customer, no invoice', async () => {
		const run = await stack.harness.runNode(
			{
				type: 'exactOutSmart',
				parameters: exportParameters({ exportTriggers: { trigger: [{ ...invoiceTrigger, mode: 'pdfOnly' }] }, paymentConditionSource: 'none' }),
			},
			orders.slice(0, 2),
		);
		const items = run.output(run.nodeName);
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.invoice).toBeUndefined();
			expect(item.document).toMatchObject({ Type: 10, FileName: `werkbon-${(item.workorder as IDataObject).workorderNo}.pdf` });
			expect(String((item.document as IDataObject).pdfUrl)).toContain('/mailpdf.php?action=display');
		}
	});
});
