/**
 * Bad input on the export: each bad order fails alone with an error that names the field and the fix,
 * the other orders go on, and nothing is written to Exact for the bad one. Odd but valid values (quotes,
 * OData operators, non-ASCII names, comma decimals) export once and are found again by YourRef.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { failureReasons, invoiceCounts, NODE, startExportBed, type ExportBed } from './exportBed';

describe('bad input on the export', () => {
	let bed: ExportBed;
	let template: IDataObject;
	beforeAll(async () => {
		bed = await startExportBed();
		const good = bed.readyOrders.find((no) => !bed.problemOrders.includes(no))!;
		template = bed.outSmart.getWorkorder(good) as IDataObject;
	});
	afterAll(async () => await bed.close());

	let serial = 0;
	const order = (changes: (copy: IDataObject) => void): IDataObject => {
		const copy = structuredClone(template);
		copy.WorkorderNo = `WO-BAD-${++serial}`;
		copy.id = String(900000 + serial);
		changes(copy);
		return copy;
	};
	const materials = (copy: IDataObject) => copy.Materials as IDataObject[];

	const blockedDebtor = () => {
		const blocked = bed.exact.store.list(DEMO_DIVISION, 'Accounts').find((account) => account.Blocked === true && account.Status === 'C');
		return String(blocked?.Code ?? '').trim();
	};

	const cases: Array<[string, (copy: IDataObject) => void, RegExp]> = [
		['an unknown customer', (copy) => { copy.CustomerDebtorNr = '999999'; copy.CustomerDebtorNrInvoice = '999999'; }, /999999/],
		['a blocked Exact account', (copy) => { copy.CustomerDebtorNr = blockedDebtor(); copy.CustomerDebtorNrInvoice = blockedDebtor(); }, /blocked/i],
		// Neither the line nor the material master has a GLA (a line without one falls back to the master).
		['a material without GLA', (copy) => { materials(copy)[0].MaterialCode = bed.outSmart.seed.materialsWithoutGla[0]; materials(copy)[0].MaterialFreeField1 = null; }, /has no GL account: fill MaterialFreeField1/],
		['a material whose GLA Exact does not know', (copy) => { materials(copy)[0].MaterialFreeField1 = '8999'; }, /GL account 8999, which does not exist in Exact/],
		['an unknown material', (copy) => { materials(copy)[0].MaterialCode = 'NIET-BESTAAND'; }, /NIET-BESTAAND/],
		['an unknown hour type', (copy) => { (copy.Workperiods as IDataObject[])[0] = { ...(copy.Workperiods as IDataObject[])[0], HourType: 'UUR-ONBEKEND' }; }, /UUR-ONBEKEND/],
		['a negative price', (copy) => { materials(copy)[0].MaterialPrice = '-5,00'; }, /price|MaterialPrice/i],
		['a non-numeric quantity', (copy) => { materials(copy)[0].MaterialNr = 'twee'; }, /twee/],
		['a non-numeric price', (copy) => { materials(copy)[0].MaterialPrice = 'gratis'; }, /gratis/],
	];

	it.each(cases)('%s: the order fails alone, with the field and the fix named, and nothing is written', async (_label, change, reason) => {
		const bad = order(change);
		const good = order(() => undefined);
		const result = await bed.runExport({ input: [bad, good] });
		const reasons = failureReasons(result);
		expect(reasons.get(String(bad.WorkorderNo))).toMatch(reason);
		expect(reasons.get(String(bad.WorkorderNo))).toMatch(/^Cannot export work order WO-BAD-\d+: /);
		expect(invoiceCounts(bed.exact).get(String(bad.WorkorderNo))).toBeUndefined();
		expect(invoiceCounts(bed.exact).get(String(good.WorkorderNo))).toBe(1);
	});

	it('a zero quantity leaves that line out of the invoice; the rest of the order is invoiced', async () => {
		const zero = order((copy) => { materials(copy)[0].MaterialNr = '0'; });
		const result = await bed.runExport({ input: [zero] });
		const [built] = result.output(NODE.build);
		const lines = ((built.invoice as IDataObject).SalesInvoiceLines as IDataObject[]).map((line) => line.Quantity);
		expect(lines).not.toContain(0);
		expect(lines.length).toBeGreaterThan(0);
		expect(invoiceCounts(bed.exact).get(String(zero.WorkorderNo))).toBe(1);
	});

	it.each([
		['a quote and OData operators in the work-order number', (copy: IDataObject) => { copy.WorkorderNo = `WO-'${serial}' or YourRef ne '`; }],
		['non-ASCII customer name', (copy: IDataObject) => { copy.CustomerName = 'Ñoño Østergård – Zürich «Ünïcödé» 北京'; }],
		['a huge work description', (copy: IDataObject) => { copy.WorkDescription = 'lang '.repeat(40_000); }],
		['comma and dot decimals mixed', (copy: IDataObject) => { materials(copy)[0].MaterialNr = '1,5'; materials(copy)[0].MaterialPrice = '12.50'; }],
	])('%s: exported once, and found by YourRef on the next run', async (_label, change) => {
		const odd = order(change);
		const first = await bed.runExport({ input: [odd] });
		expect(first.output(NODE.create)).toEqual([expect.objectContaining({ skipped: false })]);
		const second = await bed.runExport({ input: [odd] });
		expect(second.output(NODE.create)).toEqual([expect.objectContaining({ skipped: true })]);
		expect(invoiceCounts(bed.exact).get(String(odd.WorkorderNo))).toBe(1);
	});

	it('a division the credential cannot access is refused with the division named and the fix', async () => {
		const result = await bed.runExport({
			input: [order(() => undefined)],
			buildOverrides: { division: { __rl: true, mode: 'id', value: '3185499' } },
		});
		// No order can be built: each goes to the error output with the reason and a kind that is not the order's fault.
		const failures = result.output(NODE.build, 1);
		expect(failures).toHaveLength(1);
		const messages = [result.error?.message, result.nodeError(NODE.build)?.message, ...failures.map((item) => `${String(item.error)} ${String((item.details as IDataObject).description)}`)].join(' ');
		expect(messages).toMatch(/NoDivisionAccess|no access to this division/);
		expect(failures.map((item) => (item.details as IDataObject).kind)).toEqual(failures.map(() => 'exact.refused'));
		expect(result.output(NODE.create)).toEqual([]);
		expect(messages).toMatch(/reconnect|Check the division/i);
	});
});
