import type { IDataObject } from 'n8n-workflow';
import { configureExactLimits } from '../../nodes/ExactOnline/transport';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

const statuses = (bed: ExactTestBed) => bed.sim.calls().map((call) => call.status);

describe('Exact transport: paging and rate limits', () => {
	describe('with 10,500 items', () => {
		// 175 pages through the simulator: seconds alone, minutes on a loaded 2-core machine. The limit only
		// guards against a hang; a test that overran it would keep running into the next one's call counts.
		jest.setTimeout(300_000);
		let bed: ExactTestBed;
		beforeAll(async () => (bed = await startTestBed({ itemCount: 10_500 })));
		afterAll(async () => await bed.close());
		beforeEach(() => bed.sim.resetCalls());

		it('reads more than 10,000 rows through the sync feed, following __next page by page', async () => {
			const result = await bed.run({ resource: 'item', operation: 'getAll', returnAll: true });
			expect(result.status).toBe('success');
			const rows = result.output(result.nodeName);
			const stored = bed.sim.store.list(bed.sim.info.division, 'Items');
			expect(rows.length).toBe(stored.length);
			expect(rows.length).toBeGreaterThan(10_000);
			expect(new Set(rows.map((row) => row.ID)).size).toBe(rows.length);
			const calls = bed.sim.calls();
			// The items feed has no price: it comes from the price feed, also 1000 rows a page (#15 point 3).
			const prices = bed.sim.store.list(bed.sim.info.division, 'SalesItemPrices');
			expect(calls.filter((call) => call.path.includes('/sync/Logistics/Items'))).toHaveLength(Math.ceil(stored.length / 1000));
			expect(calls.filter((call) => call.path.includes('/sync/Logistics/SalesItemPrices'))).toHaveLength(Math.ceil(prices.length / 1000));
			expect(calls).toHaveLength(Math.ceil(stored.length / 1000) + Math.ceil(prices.length / 1000));
			// Every output item is paired with the one input item.
			expect(result.items(result.nodeName).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('paces a 60-row-page read of 10,000+ rows by the minute budget without ever drawing a 429', async () => {
			const start = bed.sim.clock.now();
			const result = await bed.run({ resource: 'item', operation: 'getAll', returnAll: true, filters: { salesItemsOnly: true } });
			expect(result.status).toBe('success');
			const expected = bed.sim.store.list(bed.sim.info.division, 'Items').filter((row) => row.IsSalesItem === true).length;
			expect(result.output(result.nodeName).length).toBe(expected);
			const calls = bed.sim.calls();
			expect(calls.length).toBe(Math.ceil(expected / 60));
			expect(calls.length).toBeGreaterThan(120);
			expect(statuses(bed)).not.toContain(429);
			// More than two minute windows had to pass.
			expect(bed.sim.clock.now() - start).toBeGreaterThanOrEqual(120_000);
		});

		it('limits a read to the requested number of rows and stops paging', async () => {
			const result = await bed.run({ resource: 'item', operation: 'getAll', returnAll: false, limit: 70, filters: { salesItemsOnly: true } });
			expect(result.output(result.nodeName)).toHaveLength(70);
			expect(bed.sim.calls().length).toBe(2);
		});

		it('a new price list for 300 items reads whole feeds, not 300 items by ID (#15 point 3)', async () => {
			const division = bed.sim.info.division;
			const full = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Items', sinceTimestamp: '', includeDeletions: false, output: 'summary' });
			const cursor = String(full.output(full.nodeName)[0].nextTimestamp);
			const prices = bed.sim.store.list(division, 'SalesItemPrices').slice(0, 300);
			for (const price of prices) bed.sim.store.update(division, 'SalesItemPrices', String(price.ID), { Price: Number(price.Price) + 1 }, { silent: true });
			bed.sim.resetCalls();
			const delta = await bed.run({ resource: 'sync', operation: 'getChanges', entity: 'Items', sinceTimestamp: cursor, includeDeletions: false, output: 'summary' });
			const records = delta.output(delta.nodeName)[0].records as IDataObject[];
			expect(records).toHaveLength(300);
			const byItem = new Map(prices.map((price) => [price.Item, Number(price.Price) + 1]));
			expect(records.every((record) => record.StandardSalesPrice === byItem.get(record.ID))).toBe(true);
			const items = bed.sim.store.list(division, 'Items').length;
			const allPrices = bed.sim.store.list(division, 'SalesItemPrices').length;
			// Items feed since the cursor (1) + prices since theirs (1) + the whole price feed + the whole items feed.
			expect(bed.sim.calls()).toHaveLength(2 + Math.ceil(allPrices / 1000) + Math.ceil(items / 1000));
		});

		it('follows a relative next-page link instead of failing on it (#15 point 10)', async () => {
			bed.sim.relativeNextLinks = true;
			try {
				const result = await bed.run({ resource: 'item', operation: 'getAll', returnAll: false, limit: 130, filters: { salesItemsOnly: true } });
				expect(result.status).toBe('success');
				expect(result.output(result.nodeName)).toHaveLength(130);
				expect(bed.sim.calls().length).toBe(3);
			} finally {
				bed.sim.relativeNextLinks = false;
			}
		});
	});

	describe('with the default company', () => {
		let bed: ExactTestBed;
		beforeEach(async () => (bed = await startTestBed()));
		afterEach(async () => await bed.close());

		it('trusts the server when another worker spent most of the minute budget', async () => {
			const token = bed.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as { access_token: string };
			const url = `${bed.sim.info.baseUrl}/api/v1/${bed.sim.info.division}/system/Divisions?$select=Code`;
			for (let call = 0; call < 55; call++) {
				await fetch(url, { headers: { Authorization: `Bearer ${token.access_token}`, Accept: 'application/json' } });
			}
			bed.sim.resetCalls();
			const result = await bed.run({ resource: 'glAccount', operation: 'getAll', returnAll: false, limit: 5 }, Array.from({ length: 12 }, () => ({})));
			expect(result.status).toBe('success');
			expect(result.output(result.nodeName)).toHaveLength(60);
			expect(statuses(bed)).not.toContain(429);
		});

		it('waits out a 429 until the minute resets and then succeeds', async () => {
			const now = bed.sim.clock.now();
			const reset = Math.ceil((now + 1) / 60_000) * 60_000;
			bed.sim.injectFault({
				match: { path: 'financial/Journals' },
				fault: 'status',
				status: 429,
				body: '',
				headers: {
					'X-RateLimit-Minutely-Limit': '60',
					'X-RateLimit-Minutely-Remaining': '0',
					'X-RateLimit-Minutely-Reset': String(reset),
				},
			});
			const result = await bed.run({ resource: 'journal', operation: 'getAll', returnAll: true });
			expect(result.status).toBe('success');
			expect(result.output(result.nodeName).length).toBeGreaterThan(0);
			expect(statuses(bed)).toEqual([429, 200]);
			expect(bed.sim.clock.now()).toBeGreaterThanOrEqual(reset);
		});

		it('refuses before burning the last daily calls and says how many are left and when they reset', async () => {
			await bed.close();
			bed = await startTestBed({ dailyLimit: 70, itemCount: 6000 });
			configureExactLimits({ dailyReserve: 10 });
			const result = await bed.run({ resource: 'item', operation: 'getAll', returnAll: true, filters: { salesItemsOnly: true } });
			expect(result.status).toBe('error');
			const message = result.nodeError(result.nodeName)?.message ?? '';
			expect(message).toMatch(/daily API budget .* nearly spent: 10 calls left \(10 kept in reserve\), resets at 2026-11-03T00:00:00.000Z/);
			expect(bed.sim.rateLimitState(bed.sim.info.division).dailyRemaining).toBe(10);
			expect(statuses(bed)).not.toContain(429);
		});
	});
});
