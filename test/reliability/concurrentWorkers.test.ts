/**
 * Two n8n processes (queue-mode workers) create invoices for the same work orders at once. The YourRef
 * check is exclusive only within one process, so each "process" here has its own credential id, which
 * gives it its own lane exactly as a second worker has: both pass their look-ups before either creates.
 * After creating, each looks its YourRefs up again and removes its own copy unless it is the oldest, so
 * exactly one invoice per work order remains, and every item reports that one.
 */
import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { WorkflowHarness } from '../harness';
import { createSalesInvoice } from '../simulators/exact/salesInvoices';
import type { ExactTestBed } from '../exact-online/setup';
import { startTestBed } from '../exact-online/setup';

const INVOICES = 'salesinvoice/SalesInvoices';

describe('Sales Invoice → Create on two processes at once', () => {
	let bed: ExactTestBed;
	let secondWorker: WorkflowHarness;
	let customer: IDataObject;
	let material: IDataObject;

	const invoicesWith = (yourRef: string) =>
		bed.sim.store.list(bed.sim.info.division, 'SalesInvoices').filter((row) => row.YourRef === yourRef);
	const lines = (ref: string) => [{ Item: material.ID, Quantity: 1, UnitPrice: 10, Description: ref }];
	/** Creates an invoice per reference; with export keys (as the export template does), one key per reference. */
	const create = async (harness: WorkflowHarness, refs: string[], exportKeys?: string[]) =>
		await harness.runNode(
			{
				type: 'exactOnline',
				continueOnFail: true,
				parameters: {
					division: bed.division,
					resource: 'salesInvoice',
					operation: 'create',
					orderedBy: { __rl: true, mode: 'id', value: customer.ID },
					journal: '70',
					yourRef: '={{ $json.ref }}',
					linesInput: 'json',
					linesJson: '={{ JSON.stringify($json.lines) }}',
					...(exportKeys ? { invoiceOptions: { exportKey: '={{ $json.exportKey }}' } } : {}),
				},
			},
			// As the export template's items do, an item with an export key carries its work order's identity.
			refs.map((ref, index) => ({
				ref,
				lines: lines(ref),
				...(exportKeys ? { exportKey: exportKeys[index], workorder: { rowId: /(\d+)/.exec(exportKeys[index])![1], workorderNo: ref } } : {}),
			})),
		);
	/** Every new invoice gets a smaller ID than the one before it, so a younger copy always sorts first by ID. */
	const descendingInvoiceIds = () => {
		let next = 0xffffff;
		bed.sim.store.newGuid = () => `${(next--).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
	};

	beforeAll(async () => {
		bed = await startTestBed();
		const division = bed.sim.info.division;
		customer = bed.sim.store.list(division, 'Accounts').find((row) => row.Status === 'C' && row.Blocked === false) as IDataObject;
		material = bed.sim.store.list(division, 'Items').find((row) => row.IsSalesItem === true && !row.IsTime) as IDataObject;
		// The second process: the same credential and tokens (as n8n's database gives every worker) under
		// another id, so that it has its own lane, as a second worker has.
		secondWorker = new WorkflowHarness();
		secondWorker.credentialsHelper.add({
			id: 'cred-exact-second-worker',
			name: 'Exact Online (second worker)',
			type: 'exactOnlineOAuth2Api',
			data: { ...bed.harness.credential('exactOnlineOAuth2Api')! },
		});
	});
	afterAll(async () => await bed.close());
	beforeEach(() => {
		bed.sim.clearFaults();
		bed.sim.resetCalls();
	});
	afterEach(() => {
		bed.sim.store.newGuid = randomUUID;
	});

	it('the same 30 orders on two processes at once: one invoice each, both report it, the racing copies are removed', async () => {
		const refs = Array.from({ length: 30 }, (_, index) => `WB-W${index}`);
		const [first, second] = await Promise.all([create(bed.harness, refs), create(secondWorker, refs)]);
		expect(first.status).toBe('success');
		expect(second.status).toBe('success');
		// Both processes passed their look-ups before either created: the race really happened.
		expect(bed.sim.callCount({ method: 'POST', path: INVOICES })).toBeGreaterThan(refs.length);
		expect(bed.sim.callCount({ method: 'DELETE', path: INVOICES })).toBe(bed.sim.callCount({ method: 'POST', path: INVOICES }) - refs.length);
		const firstRows = first.output(first.nodeName);
		const secondRows = second.output(second.nodeName);
		for (const [index, ref] of refs.entries()) {
			const standing = invoicesWith(ref);
			expect(standing).toHaveLength(1);
			expect(firstRows[index].error).toBeUndefined();
			expect(secondRows[index].error).toBeUndefined();
			expect(firstRows[index].InvoiceID).toBe(standing[0].InvoiceID);
			expect(secondRows[index].InvoiceID).toBe(standing[0].InvoiceID);
		}
		const removed = [...firstRows, ...secondRows].filter((row) => row.removedDuplicate);
		expect(removed.length).toBe(bed.sim.callCount({ method: 'DELETE', path: INVOICES }));
		for (const row of removed) expect(row).toMatchObject({ skipped: true, reason: expect.stringMatching(/another execution/) });
	});

	it('another process creates the invoice between this look-up and this POST: the older one stands, this copy goes', async () => {
		const division = bed.sim.info.division;
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			createSalesInvoice(bed.sim.store, bed.sim.clock, division, { OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-R1', SalesInvoiceLines: lines('WB-R1') });
			// Drafts have no number yet: which one is older shows in Created only.
			bed.sim.clock.advance(1000);
		});
		const result = await create(bed.harness, ['WB-R1']);
		const [standing] = invoicesWith('WB-R1');
		expect(invoicesWith('WB-R1')).toHaveLength(1);
		expect(result.output(result.nodeName)[0]).toMatchObject({ InvoiceID: standing.InvoiceID, skipped: true, removedDuplicate: expect.any(String) });
	});

	it('another process creates a second invoice after this one: this one stands (that process removes its own)', async () => {
		const division = bed.sim.info.division;
		bed.sim.afterNextCall(/SalesInvoices$/, () => undefined); // the look-up
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			bed.sim.clock.advance(1000);
			createSalesInvoice(bed.sim.store, bed.sim.clock, division, { OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-R2', SalesInvoiceLines: lines('WB-R2') });
		});
		const result = await create(bed.harness, ['WB-R2']);
		const row = result.output(result.nodeName)[0];
		expect(row).toMatchObject({ skipped: false });
		expect(invoicesWith('WB-R2').map((invoice) => invoice.InvoiceID)).toContain(row.InvoiceID);
		expect(bed.sim.callCount({ method: 'DELETE', path: INVOICES })).toBe(0);
	});

	it('a copy Exact refuses to remove fails its item with both invoice numbers', async () => {
		const division = bed.sim.info.division;
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			createSalesInvoice(bed.sim.store, bed.sim.clock, division, { OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-R3', SalesInvoiceLines: lines('WB-R3') });
			bed.sim.clock.advance(1000);
		});
		bed.sim.injectFault({ match: { method: 'DELETE', path: INVOICES }, fault: 'status', status: 400, times: 1 });
		const result = await create(bed.harness, ['WB-R3']);
		const [older, mine] = invoicesWith('WB-R3');
		expect(result.output(result.nodeName)[0].error).toEqual(
			// Drafts have no number yet: they are named by their ID.
			expect.stringContaining(`Two invoices with YourRef "WB-R3" exist (draft ${String(older.InvoiceID)} and draft ${String(mine.InvoiceID)})`),
		);
	});

	it('by export key, the other process settled before this copy existed: its older invoice stands and this copy goes', async () => {
		// The queue run's tail: both processes looked up before either created; the first created its invoices and
		// settled while the second had not created its copies yet, so the first saw only its own and kept them.
		// The second must then remove its copies, whichever of the two sorts first by ID.
		const refs = ['WB-K1', 'WB-K2', 'WB-K3'];
		const keys = ['[OutSmart 9101 MH]', '[OutSmart 9102 MH]', '[OutSmart 9103 MH]'];
		descendingInvoiceIds();
		const held = bed.sim.holdNextCall({ method: 'POST', path: /SalesInvoices$/ });
		const second = create(secondWorker, refs, keys); // looks up (nothing yet); its first POST waits
		await held.arrived;
		const first = await create(bed.harness, refs, keys); // creates all three and settles, seeing only its own
		bed.sim.clock.advance(1000); // time passes while the second process's POST is on its way
		held.release();
		const secondRun = await second;
		const firstRows = first.output(first.nodeName);
		const secondRows = secondRun.output(secondRun.nodeName);
		for (const [index, ref] of refs.entries()) {
			const standing = invoicesWith(ref);
			expect(standing).toHaveLength(1);
			expect(firstRows[index]).toMatchObject({ InvoiceID: standing[0].InvoiceID, skipped: false });
			expect(secondRows[index]).toMatchObject({ InvoiceID: standing[0].InvoiceID, skipped: true, removedDuplicate: expect.any(String) });
		}
	});

	it('by export key, a process that stopped between its POST and its look-up: the process whose invoice stands removes that younger copy', async () => {
		const division = bed.sim.info.division;
		bed.sim.afterNextCall(/SalesInvoices$/, () => undefined); // the look-up
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			// After this POST another process creates the same order's invoice and stops before it looks up.
			bed.sim.clock.advance(1000);
			createSalesInvoice(bed.sim.store, bed.sim.clock, division, {
				OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-C1', Remarks: '[OutSmart 9301 MH]', SalesInvoiceLines: lines('WB-C1'),
			});
		});
		const result = await create(bed.harness, ['WB-C1'], ['[OutSmart 9301 MH]']);
		const [row] = result.output(result.nodeName);
		const standing = invoicesWith('WB-C1');
		expect(standing).toHaveLength(1);
		expect(row).toMatchObject({ InvoiceID: standing[0].InvoiceID, skipped: false, removedDuplicates: [expect.any(String)] });
	});

	it('by export key, a younger copy Exact refuses to remove fails the item whose invoice stands, naming both', async () => {
		const division = bed.sim.info.division;
		bed.sim.afterNextCall(/SalesInvoices$/, () => undefined); // the look-up
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			bed.sim.clock.advance(1000);
			createSalesInvoice(bed.sim.store, bed.sim.clock, division, {
				OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-C3', Remarks: '[OutSmart 9303 MH]', SalesInvoiceLines: lines('WB-C3'),
			});
		});
		bed.sim.injectFault({ match: { method: 'DELETE', path: INVOICES }, fault: 'status', status: 400, times: 1 });
		const result = await create(bed.harness, ['WB-C3'], ['[OutSmart 9303 MH]']);
		const [row] = result.output(result.nodeName);
		const [mine, younger] = invoicesWith('WB-C3');
		expect(row.error).toEqual(expect.stringContaining(`(draft ${String(mine.InvoiceID)} and draft ${String(younger.InvoiceID)})`));
		expect(row.details).toMatchObject({ kind: 'order.duplicateUnsettled', standingInvoice: { InvoiceID: mine.InvoiceID } });
	});

	it('by export key, the older process removed this copy before this look-up: this item reports the standing invoice', async () => {
		const division = bed.sim.info.division;
		bed.sim.afterNextCall(/SalesInvoices$/, () => undefined); // the look-up
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			// The other process created its invoice a moment before this POST, saw both and removed this copy.
			const mine = invoicesWith('WB-C2')[0];
			const older = createSalesInvoice(bed.sim.store, bed.sim.clock, division, {
				OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-C2', Remarks: '[OutSmart 9302 MH]', SalesInvoiceLines: lines('WB-C2'),
			});
			bed.sim.store.update(division, 'SalesInvoices', String(older.InvoiceID), { Created: Number(mine.Created) - 1000 }, { silent: true });
			bed.sim.store.remove(division, 'SalesInvoices', String(mine.InvoiceID));
		});
		const result = await create(bed.harness, ['WB-C2'], ['[OutSmart 9302 MH]']);
		const [row] = result.output(result.nodeName);
		const [standing] = invoicesWith('WB-C2');
		expect(invoicesWith('WB-C2')).toHaveLength(1);
		expect(row).toMatchObject({ InvoiceID: standing.InvoiceID, skipped: true, removedDuplicate: expect.any(String) });
		expect(row.error).toBeUndefined();
	});

	it('a settle look-up that fails fails the item with its order and invoice in details, never a silent possible duplicate', async () => {
		bed.sim.afterNextCall(/SalesInvoices$/, () => undefined); // the look-up
		bed.sim.afterNextCall(/SalesInvoices$/, () => {
			// After the POST: every read of the invoices fails for longer than the transport retries.
			bed.sim.injectFault({ match: { method: 'GET', path: INVOICES }, fault: 'status', status: 503, times: 20 });
		});
		const result = await create(bed.harness, ['WB-F1'], ['[OutSmart 9201 MH]']);
		const [row] = result.output(result.nodeName);
		const [invoice] = invoicesWith('WB-F1');
		expect(row.error).toEqual(expect.stringContaining('could not check'));
		expect(row.details).toMatchObject({
			kind: 'order.duplicateUnsettled',
			workorder: { rowId: '9201', workorderNo: 'WB-F1' },
			exportKey: '[OutSmart 9201 MH]',
			createdInvoice: { InvoiceID: invoice.InvoiceID },
		});
		// The invoice stays (it may be the only one) and stays a draft, so it can still be removed.
		expect(invoicesWith('WB-F1')).toHaveLength(1);
		expect(bed.sim.callCount({ method: 'DELETE', path: INVOICES })).toBe(0);
	});
});
