import { startOutSmartSimulator, type OutSmartSimulator } from './index';
import { callApi, okResponse } from './testClient';

type Row = Record<string, string | null>;

/**
 * The `prices` endpoint as CloudEcosystemDev/outsmart-component lib/spec.json (`/prices`, GetPrices and PostPrices)
 * and lib/schemas/PostPrices.in.json document it.
 */
describe('OutSmart simulator: prices', () => {
	let simulator: OutSmartSimulator;
	let material: string;
	let hourType: string;
	let debtor: string;
	beforeEach(async () => {
		simulator = await startOutSmartSimulator({ relationCount: 20, itemCount: 40, workorderCount: 4, timeScale: 0 });
		material = simulator.store.master('materials').all()[0].code;
		hourType = simulator.store.master('hourtypes').all()[0].code;
		debtor = simulator.store.master('relations').all()[0].debtor_number;
	});
	afterEach(() => simulator.close());

	const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
		material,
		hourtype: '',
		date_start: '2026-01-01',
		date_end: null,
		debtornr: debtor,
		price: '75.00',
		...overrides,
	});

	it('stores a posted array (materials and hour types, per customer or for all) and lists it with dot prices and a null open end', async () => {
		const count = await okResponse<number>(simulator, 'prices', {
			body: [row(), row({ material: '', hourtype: hourType, price: '62,5', date_end: '2026-12-31' }), row({ debtornr: '', price: 80 })],
		});
		expect(count).toBe(3);
		const listed = await okResponse<Row[]>(simulator, 'prices');
		expect(listed).toEqual([
			{ material, hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: debtor, price: '75.00' },
			{ material: '', hourtype: hourType, date_start: '2026-01-01', date_end: '2026-12-31', debtornr: debtor, price: '62.50' },
			{ material, hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: '', price: '80.00' },
		]);
		const filtered = await okResponse<Row[]>(simulator, 'prices', { query: { key: 'debtornr', value: debtor, operator: 'eq' } });
		expect(filtered).toHaveLength(2);
	});

	it('posting the same agreement again (material or hour type, customer, start date) updates it', async () => {
		await okResponse(simulator, 'prices', { body: [row()] });
		await okResponse(simulator, 'prices', { body: [row({ price: '70.00', date_end: '2026-06-30' })] });
		expect(await okResponse<Row[]>(simulator, 'prices')).toEqual([{ material, hourtype: '', date_start: '2026-01-01', date_end: '2026-06-30', debtornr: debtor, price: '70.00' }]);
	});

	it('requires all six fields (empty material/hourtype/debtornr and a null date_end are values) and refuses the whole batch', async () => {
		const { material: _material, ...withoutMaterial } = row();
		const { date_end: _end, ...withoutEnd } = row();
		for (const [record, field] of [
			[withoutMaterial, 'material'],
			[withoutEnd, 'date_end'],
			[row({ price: '' }), 'price'],
			[row({ date_start: '' }), 'date_start'],
		] as const) {
			const answer = await callApi(simulator, 'prices', { body: [record] });
			expect(answer.envelope).toEqual({ code: 1051, messages: [`Required field missing: ${field}`], response: null });
		}
		const batch = await callApi(simulator, 'prices', { body: [row(), row({ price: 'vijf' })] });
		expect(batch.envelope.code).toBe(1051);
		expect(batch.envelope.messages).toEqual(['Invalid decimal for price: vijf (record 1)']);
		expect(simulator.store.master('prices').size).toBe(0);
	});

	it('refuses rows that name both or neither, unknown codes or customers, bad dates and an end before the start', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[row({ hourtype: hourType }), 'Give either material or hourtype, not both'],
			[row({ material: '' }), 'Give either material or hourtype'],
			[row({ material: 'GEEN-ARTIKEL' }), 'Unknown material: GEEN-ARTIKEL'],
			[row({ material: '', hourtype: 'GEEN-UUR' }), 'Unknown hourtype: GEEN-UUR'],
			[row({ debtornr: '99999999' }), 'Unknown debtornr: 99999999'],
			[row({ date_start: '01-01-2026' }), 'Invalid date: date_start'],
			[row({ date_end: '' }), 'Invalid date: date_end'],
			[row({ date_end: '2025-12-31' }), 'date_end is before date_start'],
		];
		for (const [record, message] of cases) {
			const answer = await callApi(simulator, 'prices', { body: [record] });
			expect([answer.envelope.code, answer.envelope.messages]).toEqual([1051, [message]]);
		}
		expect(simulator.store.master('prices').size).toBe(0);
	});

	it("a technician's material line for a customer with a price agreement carries the agreed price on the work date", async () => {
		const catalogue = simulator.store.master('materials').get(material)!;
		await okResponse(simulator, 'prices', { body: [row({ price: '1.50', date_start: '2026-01-01' }), row({ price: '9.99', date_start: '2027-01-01' })] });
		const workorder = simulator.addWorkorder({ CustomerDebtorNr: debtor, status: 'Opgehaald' });
		simulator.completeWorkorder(String(workorder.WorkorderNo), { materials: [{ MaterialCode: material, MaterialNr: '2' }] });
		expect((simulator.getWorkorder(String(workorder.WorkorderNo))?.Materials as Array<Record<string, string>>)[0]).toMatchObject({ MaterialPrice: '1,50', MaterialTotalPrice: '3,00' });

		const other = simulator.store.master('relations').all()[1].debtor_number;
		const elsewhere = simulator.addWorkorder({ CustomerDebtorNr: other, status: 'Opgehaald' });
		simulator.completeWorkorder(String(elsewhere.WorkorderNo), { materials: [{ MaterialCode: material, MaterialNr: '1' }] });
		expect((simulator.getWorkorder(String(elsewhere.WorkorderNo))?.Materials as Array<Record<string, string>>)[0].MaterialPrice).toBe(catalogue.price);
	});
});
