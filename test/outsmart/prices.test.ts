import type { IDataObject } from 'n8n-workflow';

import { startTestBed, type OutSmartTestBed } from './simulatorSetup';

let bed: OutSmartTestBed;

beforeAll(async () => {
	bed = await startTestBed({ workorderCount: 4 });
});

afterAll(async () => {
	await bed.close();
});

beforeEach(() => {
	bed.sim.clearFaults();
	bed.sim.resetCalls();
	bed.sim.store.master('prices').clear();
});

describe('OutSmart node: Price → Create or Update (the prices endpoint)', () => {
	const material = () => bed.sim.store.master('materials').all()[0].code;
	const hourType = () => bed.sim.store.master('hourtypes').all()[0].code;
	const debtor = () => bed.sim.store.master('relations').all()[0].debtor_number;
	const price = (overrides: IDataObject = {}): IDataObject => ({
		material: material(),
		hourtype: '',
		date_start: '2026-01-01',
		date_end: null,
		debtornr: debtor(),
		price: 75,
		...overrides,
	});

	it('writes price rows in one POST with dot prices, Y-m-d dates and a null open end', async () => {
		const result = await bed.harness.runNode(
			{ type: 'outSmart', parameters: { resource: 'price', operation: 'upsert', record: '={{ $json }}', batchSize: 100 } },
			[price(), price({ material: '', hourtype: hourType(), price: '62,5', date_start: '2026-02-01T00:00:00.000Z', date_end: '2026-12-31' })],
		);
		expect(result.status).toBe('success');
		expect(result.output(result.nodeName).map((item) => item.written)).toEqual([true, true]);
		expect(bed.sim.callCount({ method: 'POST', endpoint: 'prices' })).toBe(1);
		const listed = await bed.harness.runNode({ type: 'outSmart', parameters: { resource: 'price', operation: 'getAll', returnAll: true } }, [{}]);
		expect(listed.output(listed.nodeName)).toEqual([
			expect.objectContaining({ material: material(), hourtype: '', date_start: '2026-01-01', date_end: null, debtornr: debtor(), price: '75.00' }),
			expect.objectContaining({ material: '', hourtype: hourType(), date_start: '2026-02-01', date_end: '2026-12-31', price: '62.50' }),
		]);
	});

	it('sends the rows OutSmart refused to the error output with their kind and the row; the others are written', async () => {
		const result = await bed.harness.runNode(
			{ type: 'outSmart', parameters: { resource: 'price', operation: 'upsert', record: '={{ $json }}', batchSize: 10 }, onError: 'continueErrorOutput' },
			[price(), price({ material: 'GEEN-ARTIKEL' }), price({ debtornr: '', price: 80 })],
		);
		expect(result.status).toBe('success');
		expect(result.output(result.nodeName, 0).map((item) => item.price)).toEqual(['75.00', '80.00']);
		const failed = result.output(result.nodeName, 1);
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ material: 'GEEN-ARTIKEL', details: { kind: 'outSmart.refused' } });
		expect(String(failed[0].error)).toMatch(/Unknown material: GEEN-ARTIKEL/);
		expect(bed.sim.store.master('prices').size).toBe(2);
	});
});
