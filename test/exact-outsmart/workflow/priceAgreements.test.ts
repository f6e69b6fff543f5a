/**
 * Import → Map Price Agreements on n8n's engine: Exact's customer price agreements (SalesItemPrices with an
 * Account) become OutSmart price rows the OutSmart simulator accepts; what OutSmart cannot hold comes out as
 * skipped with its reason; a technician's line for that customer then carries the agreed price.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../../simulators/exact';
import { fromWallClock } from '../../simulators/exact/exactTime';
import { DEMO_WORKSTATUS } from '../../simulators/outsmart';
import { division, exportParameters, startStack, type Stack } from './setup';

describe('Exact OutSmart: Map Price Agreements', () => {
	let stack: Stack;
	const exactRows = (entitySet: string) => stack.exact.store.list(DEMO_DIVISION, entitySet) as IDataObject[];

	beforeAll(async () => {
		stack = await startStack();
	});

	afterAll(async () => {
		await stack.close();
	});

	it('maps material and hour-type agreements, skips quantity breaks and foreign currencies with the reason, OutSmart takes the rows, and the export prices both from OutSmart', async () => {
		const mismatched = new Set(stack.outSmart.seed.paymentConditionMismatches.map((mismatch) => mismatch.debtorNumber));
		const customer = exactRows('Accounts').find((account) => account.Status === 'C' && !account.Blocked && !mismatched.has(String(account.Code).trim()))!;
		const debtor = String(customer.Code).trim();
		const items = exactRows('Items');
		const glCodes = new Set(exactRows('GLAccounts').map((account) => String(account.Code).trim()));
		const material = items.find((item) => !item.IsTime && glCodes.has(String(stack.outSmart.store.master('materials').get(String(item.Code))?.freefield1)))!;
		const labour = items.find((item) => item.IsTime && stack.outSmart.store.master('hourtypes').get(String(item.Code)))!;
		const agreement = (id: string, item: IDataObject, fields: IDataObject) =>
			stack.exact.store.insert(
				DEMO_DIVISION,
				'SalesItemPrices',
				{ ID: id, Account: customer.ID, AccountName: customer.Name, Item: item.ID, ItemCode: item.Code, Currency: 'EUR', Unit: item.Unit, DefaultItemUnit: item.Unit, Quantity: 0, StartDate: fromWallClock({ year: 2026, month: 1, day: 1 }), EndDate: null, ...fields },
				{ silent: true },
			);
		agreement('99999999-0000-0000-0000-0000000000a1', material, { Price: 1.5 });
		agreement('99999999-0000-0000-0000-0000000000a2', labour, { Price: 52.5, EndDate: fromWallClock({ year: 2026, month: 12, day: 31 }) });
		agreement('99999999-0000-0000-0000-0000000000a3', material, { Price: 1.25, Quantity: 10 });
		agreement('99999999-0000-0000-0000-0000000000a4', material, { Price: 2, Currency: 'USD' });

		const mapped = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapPriceAgreements', division, priceLabourItemGroups: '', currency: 'EUR' } }, [{}]);
		expect(mapped.status).toBe('success');
		const output = mapped.output(mapped.nodeName);
		const rows = output.filter((item) => !item.skipped);
		expect(rows).toEqual([
			{ material: String(material.Code).trim(), hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: debtor, price: '1.50' },
			{ material: '', hourtype: String(labour.Code).trim(), date_start: '2026-01-01', date_end: '2026-12-31', debtornr: debtor, price: '52.50' },
		]);
		const skipped = output.filter((item) => item.skipped);
		expect(skipped.map((item) => item.reason)).toEqual([
			expect.stringMatching(/applies from a quantity of 10 on: OutSmart prices have no quantity breaks/),
			expect.stringMatching(/is in USD: OutSmart prices have no currency/),
		]);
		// The general list prices (no Account) are not agreements and are not read.
		expect(output).toHaveLength(4);

		const written = await stack.harness.runNode({ type: 'outSmart', parameters: { resource: 'price', operation: 'upsert', record: '={{ $json }}', batchSize: 100 } }, rows);
		expect(written.status).toBe('success');
		expect(stack.outSmart.store.master('prices').size).toBe(2);

		const order = stack.outSmart.addWorkorder({ CustomerDebtorNr: debtor, status: 'Opgehaald' });
		stack.outSmart.completeWorkorder(String(order.WorkorderNo), { materials: [{ MaterialCode: String(material.Code).trim(), MaterialNr: '4' }] });
		const line = (stack.outSmart.getWorkorder(String(order.WorkorderNo))?.Materials as IDataObject[])[0];
		expect(line).toMatchObject({ MaterialPrice: '1,50', MaterialTotalPrice: '6,00' });

		// The export with OutSmart prices takes both from OutSmart: the line's agreed price, and for the hours (work
		// periods carry no price) the customer's hour-type price; both equal Exact's agreements, so the order passes.
		const withHours = stack.outSmart.addWorkorder({
			CustomerDebtorNr: debtor,
			status: 'Compleet',
			WorkStatus: DEMO_WORKSTATUS.readyForInvoicing.code,
			Materials: [{ MaterialCode: String(material.Code).trim(), MaterialNr: '4' }],
			Workperiods: [{ HourType: String(labour.Code).trim(), BeginTime: '08:00', EndTime: '09:30' }],
		} as never);
		const dryRun = await stack.harness.runNode({ type: 'exactOutSmart', parameters: exportParameters({ operation: 'dryRun' }) }, [withHours as IDataObject]);
		const report = dryRun.output(dryRun.nodeName)[0];
		expect(report).toMatchObject({ verdict: 'wouldExport' });
		expect(report.decisions).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`: 52.5 from customer ${debtor}'s hour-type price in OutSmart`))]));
		// 4 × 1,50 + 1,5 h × 52,50 = 84,75; VAT 1,26 + 16,54.
		expect(report).toMatchObject({ invoiceAmountExclVat: 84.75, invoiceVatAmount: 17.8, invoiceAmountInclVat: 102.55 });
	});
});
