/**
 * Sync → Get Changes with "Remember Cursor": the cursor lives in the workflow's static data per division and
 * entity, moves on only when Confirm Cursor runs (or right away, when asked), and deletions are optional.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';
import { workflowDefinition } from '../harness';
import { parseSyncCursor } from '../../nodes/ExactOnline/transport/syncCursor';

const PREFIX = 'n8n-nodes-exact-outsmart.exactOnline';

describe('Exact Online node: remembered sync cursors', () => {
	let bed: ExactTestBed;
	const division = () => bed.sim.info.division;
	const items = () => bed.sim.store.list(division(), 'Items');
	const apiPaths = () => bed.sim.calls().filter((call) => call.path.startsWith('/api/v1/')).map((call) => call.path);

	/** Input → Get Changes (→ Confirm Cursor), as one workflow sharing `staticData` across runs. */
	const workflow = (getChanges: IDataObject, confirm: boolean): IWorkflowBase =>
		workflowDefinition(
			'Sync cursor',
			[
				{ id: 'input', name: 'Input', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'get',
					name: 'Get Changes',
					type: PREFIX,
					typeVersion: 1,
					position: [200, 0],
					parameters: { division: bed.division, resource: 'sync', operation: 'getChanges', entity: 'Items', output: 'summary', ...getChanges },
				},
				...(confirm
					? [{ id: 'confirm', name: 'Confirm Cursor', type: PREFIX, typeVersion: 1, position: [400, 0] as [number, number], parameters: { division: bed.division, resource: 'sync', operation: 'confirmCursor', entity: 'Items' } }]
					: []),
			],
			{
				Input: { main: [[{ node: 'Get Changes', type: 'main', index: 0 }]] },
				...(confirm ? { 'Get Changes': { main: [[{ node: 'Confirm Cursor', type: 'main', index: 0 }]] } } : {}),
			},
		);
	const run = async (staticData: IDataObject, getChanges: IDataObject, confirm: boolean) => {
		bed.sim.resetCalls();
		const result = await bed.harness.run(workflow(getChanges, confirm), { staticData, startNode: 'Input' });
		expect(result.status).toBe('success');
		return result.output('Get Changes')[0];
	};
	const cursorOf = (staticData: IDataObject) =>
		((staticData.global as IDataObject)?.exactOnlineSyncCursors as IDataObject | undefined)?.[`${division()}:Items`] as IDataObject | undefined;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.close());

	it('first run reads everything; with the cursor confirmed, a quiet run is two calls (items and prices) and a change is the only record', async () => {
		const staticData: IDataObject = {};
		const remember = { rememberCursor: true, includeDeletions: false };
		const first = await run(staticData, remember, true);
		expect(first.changed).toBe(items().length);
		expect(cursorOf(staticData)).toEqual({ confirmed: first.nextTimestamp });

		const quiet = await run(staticData, remember, true);
		expect(quiet).toMatchObject({ changed: 0, sinceTimestamp: first.nextTimestamp, nextTimestamp: first.nextTimestamp });
		// Items with their price: the price feed has its own Timestamp, one more call a run (#15 point 3).
		expect(apiPaths()).toEqual([`/api/v1/${division()}/sync/Logistics/Items`, `/api/v1/${division()}/sync/Logistics/SalesItemPrices`]);

		const [item] = items();
		bed.sim.updateEntity(division(), 'Items', String(item.ID), { Description: 'Gewijzigd artikel' });
		const delta = await run(staticData, remember, true);
		expect((delta.records as IDataObject[]).map((row) => [row.ID, row.Description])).toEqual([[item.ID, 'Gewijzigd artikel']]);
		const feedOf = (cursor: unknown) => BigInt(parseSyncCursor(String(cursor))!.feed);
		expect(feedOf(cursorOf(staticData)?.confirmed)).toBeGreaterThan(feedOf(first.nextTimestamp));
	});

	it('without Confirm Cursor the cursor stays pending: the next run reads the same changes again', async () => {
		const staticData: IDataObject = {};
		const remember = { rememberCursor: true, includeDeletions: false };
		await run(staticData, remember, true);
		const [, item] = items();
		bed.sim.updateEntity(division(), 'Items', String(item.ID), { Description: 'Nog niet verwerkt' });
		const unconfirmed = await run(staticData, remember, false);
		expect(unconfirmed.changed).toBe(1);
		expect(cursorOf(staticData)?.pending).toBe(unconfirmed.nextTimestamp);
		expect(cursorOf(staticData)?.confirmed).toBe(unconfirmed.sinceTimestamp);
		const again = await run(staticData, remember, true);
		expect((again.records as IDataObject[]).map((row) => row.ID)).toEqual([item.ID]);
		expect((await run(staticData, remember, true)).changed).toBe(0);
	});

	it('"Right Away" advances without a confirmation; an explicit Since Timestamp wins and leaves the cursor alone', async () => {
		const staticData: IDataObject = {};
		const immediately = { rememberCursor: true, advanceCursor: 'immediately', includeDeletions: false };
		const first = await run(staticData, immediately, false);
		expect(cursorOf(staticData)).toEqual({ confirmed: first.nextTimestamp });
		expect((await run(staticData, immediately, false)).changed).toBe(0);
		const explicit = await run(staticData, { ...immediately, sinceTimestamp: '1' }, false);
		expect(explicit.changed).toBe(items().length);
		expect(cursorOf(staticData)).toEqual({ confirmed: first.nextTimestamp });
	});

	it('deletions cost a second call and are reported only when included', async () => {
		const staticData: IDataObject = {};
		const first = await run(staticData, { rememberCursor: true, includeDeletions: true }, true);
		// A first import also notes the division's move date (system/Divisions), checked again at most hourly.
		expect(apiPaths()).toEqual([
			`/api/v1/${division()}/system/Divisions`,
			`/api/v1/${division()}/sync/Logistics/Items`,
			`/api/v1/${division()}/sync/Deleted`,
			`/api/v1/${division()}/sync/Logistics/SalesItemPrices`,
		]);
		const [, , removed] = items();
		bed.sim.deleteEntity(division(), 'Items', String(removed.ID));
		const withDeletions = await run(staticData, { sinceTimestamp: String(first.nextTimestamp), includeDeletions: true }, false);
		expect((withDeletions.deleted as IDataObject[]).map((row) => row.EntityKey)).toEqual([removed.ID]);
		const without = await run(staticData, { sinceTimestamp: String(first.nextTimestamp), includeDeletions: false }, false);
		expect(without).toMatchObject({ deletedCount: 0 });
		expect(apiPaths()).toEqual([`/api/v1/${division()}/sync/Logistics/Items`, `/api/v1/${division()}/sync/Logistics/SalesItemPrices`]);
	});
});
