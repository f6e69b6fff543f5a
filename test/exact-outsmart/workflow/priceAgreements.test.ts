/**
 * Import → Map Price Agreements on n8n's engine: Exact's customer price agreements (SalesItemPrices with an
 * Account) become OutSmart price rows the OutSmart simulator accepts; what OutSmart cannot hold comes out as
 * skipped with its reason; a technician's line for that customer then carries the agreed price.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../../simulators/exact';
import { fromWallClock } from '../../simulators/exact/exactTime';
import { division, startStack, type Stack } from './setup';

describe('Exact OutSmart: Map Price Agreements', () => {
	let stack: Stack;
	const exactRows = (entitySet: string) => stack.exact.store.list(DEMO_DIVISION, entitySet) as IDataObject[];

	beforeAll(async () => {
		stack = await startStack();
	});

	afterAll(async () => {
		await stack.close();
	});

	it('maps material and hour-type agreements, skips quantity breaks and foreign currencies with the reason, and OutSmart takes the rows', async () => {
		const customer = exactRows('Accounts').find((account) => account.Status === 'C' && !account.Blocked)!;
		const debtor = String(customer.Code).trim();
		const items = exactRows('Items');
		const material = items.find((item) => !item.IsTime && stack.outSmart.store.master('materials').get(String(item.Code)))!;
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
	});
});
