import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

/** Follows __next like a client does, counting pages; bounded so a paging bug cannot loop forever. */
async function readAll(simulator: ExactSimulator, token: string, firstPath: string): Promise<{ rows: Array<Record<string, unknown>>; pages: number; pageSizes: number[] }> {
	const rows: Array<Record<string, unknown>> = [];
	const pageSizes: number[] = [];
	let next: string | undefined = firstPath;
	for (let page = 0; next && page < 500; page++) {
		const response = await callApi(simulator, token, next);
		expect(response.status).toBe(200);
		const d = response.json().d;
		rows.push(...d.results);
		pageSizes.push(d.results.length);
		if (d.__next) expect(d.__next.startsWith(`${simulator.info.baseUrl}/api/v1/${DEMO_DIVISION}/`)).toBe(true);
		next = d.__next;
	}
	return { rows, pages: pageSizes.length, pageSizes };
}

describe('Exact simulator paging with 10,000 items', () => {
	let simulator: ExactSimulator;
	let token: string;

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, itemCount: 10_000, relationCount: 50, minuteLimit: 100_000, dailyLimit: 100_000 });
		token = (await simulator.connect()).access_token;
	});

	afterAll(async () => {
		await simulator.close();
	});

	it('reads all rows through sync/Logistics/Items in 10 pages of 1000', async () => {
		const result = await readAll(simulator, token, `${DEMO_DIVISION}/sync/Logistics/Items?$select=ID,Code,Timestamp&$filter=Timestamp gt 1L`);
		expect(result.pages).toBe(10);
		expect(result.pageSizes.every((size) => size === 1000)).toBe(true);
		expect(new Set(result.rows.map((row) => row.ID)).size).toBe(10_000);
	});

	it('reads all rows through bulk/Logistics/Items in 10 pages of 1000', async () => {
		const result = await readAll(simulator, token, `${DEMO_DIVISION}/bulk/Logistics/Items?$select=ID,Code&$filter=IsSalesItem eq true`);
		expect(result.pages).toBe(10);
		expect(new Set(result.rows.map((row) => row.ID)).size).toBe(10_000);
	});

	it('reads all rows through logistics/Items in 167 pages of at most 60, with absolute __next links', async () => {
		const result = await readAll(simulator, token, `${DEMO_DIVISION}/logistics/Items?$select=ID,Code&$filter=IsSalesItem eq true`);
		expect(result.pages).toBe(167);
		expect(result.pageSizes.slice(0, 166).every((size) => size === 60)).toBe(true);
		expect(result.pageSizes[166]).toBe(10_000 - 166 * 60);
		expect(new Set(result.rows.map((row) => row.ID)).size).toBe(10_000);
	});

	it('keeps paging sync from the last Timestamp and sees only later changes', async () => {
		const before = simulator.store.currentTimestamp(DEMO_DIVISION);
		const [item] = simulator.store.list(DEMO_DIVISION, 'Items');
		simulator.updateEntity(DEMO_DIVISION, 'Items', String(item.ID), { Description: 'Gewijzigd in Exact' });
		const changed = await readAll(simulator, token, `${DEMO_DIVISION}/sync/Logistics/Items?$select=ID,Description,Timestamp&$filter=Timestamp gt ${before}L`);
		expect(changed.rows).toEqual([expect.objectContaining({ ID: item.ID, Description: 'Gewijzigd in Exact', Timestamp: String(before + 1) })]);
	});
});
