/**
 * Dates through the Exact Online node and the simulator: a date-only field comes out as a plain date, a moment as
 * the instant it was stored at, with its Amsterdam offset (the pure rules: dates.test.ts).
 */
import { DateTime } from 'luxon';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

const AMSTERDAM = 'Europe/Amsterdam';
const amsterdam = (iso: string): number => DateTime.fromISO(iso, { zone: AMSTERDAM }).toMillis();

describe('dates through the node and the simulator', () => {
	let bed: ExactTestBed;
	const dayIds: Record<string, string> = {};

	beforeAll(async () => {
		bed = await startTestBed();
		const division = bed.sim.info.division;
		const hourType = bed.sim.store.list(division, 'Items').find((row) => row.IsTime === true);
		for (const day of ['2024-03-30', '2024-03-31', '2024-04-01']) {
			const row = bed.sim.setEntity(division, 'TimeTransactions', { Date: amsterdam(day), Item: hourType?.ID, Quantity: 8, Notes: day });
			dayIds[day] = String(row.ID);
		}
	});
	afterAll(async () => await bed.close());

	it('a To Date of 31 March on a CET host keeps that day\'s hours (Time Transaction Get Many)', async () => {
		const result = await bed.run({
			resource: 'timeTransaction',
			operation: 'getAll',
			returnAll: true,
			filters: { from: '2024-03-31T00:00:00', to: '2024-03-31T00:00:00' },
		});
		expect(result.status).toBe('success');
		const rows = result.output(result.nodeName);
		expect(rows.map((row) => row.ID)).toEqual([dayIds['2024-03-31']]);
		expect(rows[0].Date).toBe('2024-03-31');
	});

	it('gives Modified as the real instant it was stored at', async () => {
		const division = bed.sim.info.division;
		const stored = bed.sim.updateEntity(division, 'TimeTransactions', dayIds['2024-04-01'], { Notes: 'changed' });
		const result = await bed.run({ resource: 'timeTransaction', operation: 'getAll', returnAll: true, filters: { from: '2024-04-01', to: '2024-04-01' } });
		const row = result.output(result.nodeName)[0];
		expect(Date.parse(row.Modified as string)).toBe(stored.Modified);
		expect(row.Modified).toBe(DateTime.fromMillis(stored.Modified as number, { zone: AMSTERDAM }).toISO({ suppressMilliseconds: true }));
	});
});
