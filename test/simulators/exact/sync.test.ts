/**
 * The sync rules of the simulator, each as its source states it: one rowversion across a feed and sync/Deleted
 * (exactonline-api-dotnet-sync-demo keeps a separate deleted cursor, Process/DeletedProcess.cs), deletions kept two
 * months and Timestamps renewed when a division moves (Pi-Systems/exact-online src/Entity/Sync/Deleted.php and
 * src/Entity/System/Divisions.php docblocks).
 */
import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;
const DAY = 24 * 3600_000;

describe('Exact simulator sync feeds', () => {
	let simulator: ExactSimulator;
	let token: string;
	const get = async (path: string) => (await callApi(simulator, token, `${D}/${path}`)).json().d.results as Array<Record<string, unknown>>;
	const refreshToken = async () => (token = (await simulator.connect()).access_token);

	beforeEach(async () => {
		simulator = await startExactSimulator({ timeScale: 0, relationCount: 5, itemCount: 5 });
		await refreshToken();
	});
	afterEach(async () => await simulator.close());

	it('numbers feed changes and deletions with one counter', async () => {
		const [first, second] = simulator.store.list(D, 'Items');
		simulator.updateEntity(D, 'Items', String(first.ID), { Description: 'een' });
		simulator.deleteEntity(D, 'Items', String(second.ID));
		simulator.updateEntity(D, 'Items', String(first.ID), { Description: 'twee' });
		const feed = (await get('sync/Logistics/Items?$select=ID,Timestamp&$filter=Timestamp gt 1L')).find((row) => row.ID === first.ID)!;
		const [deleted] = await get('sync/Deleted?$select=EntityKey,Timestamp&$filter=Timestamp gt 1L');
		expect(BigInt(String(deleted.Timestamp))).toBeLessThan(BigInt(String(feed.Timestamp)));
		expect(BigInt(String(feed.Timestamp)) - BigInt(String(deleted.Timestamp))).toBe(1n);
	});

	it('keeps deletions two months', async () => {
		const [gone] = simulator.store.list(D, 'Items');
		simulator.deleteEntity(D, 'Items', String(gone.ID));
		expect(await get('sync/Deleted?$select=EntityKey&$filter=Timestamp gt 1L')).toHaveLength(1);
		simulator.clock.advance(62 * DAY);
		await refreshToken();
		expect(await get('sync/Deleted?$select=EntityKey&$filter=Timestamp gt 1L')).toHaveLength(0);
	});

	it('renews every Timestamp, lower than before, when the division moves, and says when on system/Divisions', async () => {
		const before = await get('sync/Logistics/Items?$select=ID,Timestamp&$filter=Timestamp gt 1L');
		const highest = before.reduce((max, row) => (BigInt(String(row.Timestamp)) > max ? BigInt(String(row.Timestamp)) : max), 0n);
		const [division] = await get(`system/Divisions?$select=Code,DivisionMoveDate&$filter=Code eq ${D}`);
		expect(division.DivisionMoveDate).toBeNull();
		simulator.moveDivision(D);
		expect(await get(`sync/Logistics/Items?$select=ID,Timestamp&$filter=Timestamp gt ${highest}L`)).toHaveLength(0);
		const after = await get('sync/Logistics/Items?$select=ID,Timestamp&$filter=Timestamp gt 1L');
		expect(after.map((row) => row.ID).sort()).toEqual(before.map((row) => row.ID).sort());
		const [moved] = await get(`system/Divisions?$select=Code,DivisionMoveDate&$filter=Code eq ${D}`);
		expect(moved.DivisionMoveDate).toMatch(/^\/Date\(\d+\)\/$/);
	});
});
