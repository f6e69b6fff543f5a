/**
 * Sync → Get Changes delivers every change exactly once, also when Exact's rowversion moves between the feed and
 * sync/Deleted reads (one Timestamp across both: exactonline-api-dotnet-sync-demo keeps a separate deleted cursor in
 * Process/DeletedProcess.cs), when the division moved to another database (Timestamps regenerated, DivisionMoveDate on
 * system/Divisions), and when the cursor is older than the two months sync/Deleted keeps (Pi-Systems/exact-online
 * src/Entity/Sync/Deleted.php docblock).
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { resetTokenTracking } from '../../nodes/ExactOnline/transport';
import { exactCredentials, WorkflowHarness, workflowDefinition } from '../harness';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

const PREFIX = 'n8n-nodes-exact-outsmart.exactOnline';
const DAY = 24 * 3600_000;

describe('Sync → Get Changes: every change exactly once', () => {
	let bed: ExactTestBed;
	let harness: WorkflowHarness;
	const division = () => bed.sim.info.division;
	const items = () => bed.sim.store.list(division(), 'Items');

	const workflow = (): IWorkflowBase =>
		workflowDefinition(
			'Sync exactly once',
			[
				{ id: 'input', name: 'Input', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'get',
					name: 'Get Changes',
					type: PREFIX,
					typeVersion: 1,
					position: [200, 0],
					parameters: { division: bed.division, resource: 'sync', operation: 'getChanges', entity: 'Items', output: 'summary', rememberCursor: true, includeDeletions: true, fields: 'ID,Code,Description' },
				},
				{ id: 'confirm', name: 'Confirm Cursor', type: PREFIX, typeVersion: 1, position: [400, 0], parameters: { division: bed.division, resource: 'sync', operation: 'confirmCursor', entity: 'Items' } },
			],
			{
				Input: { main: [[{ node: 'Get Changes', type: 'main', index: 0 }]] },
				'Get Changes': { main: [[{ node: 'Confirm Cursor', type: 'main', index: 0 }]] },
			},
		);
	const run = async (staticData: IDataObject): Promise<IDataObject> => {
		const result = await harness.run(workflow(), { staticData, startNode: 'Input' });
		expect(result.status).toBe('success');
		return result.output('Get Changes')[0];
	};
	const changedIds = (output: IDataObject) => (output.records as IDataObject[]).map((row) => row.ID);
	const deletedIds = (output: IDataObject) => (output.deleted as IDataObject[]).map((row) => row.EntityKey);

	beforeEach(async () => {
		bed = await startTestBed();
		harness = bed.harness;
	});
	afterEach(async () => await bed.close());

	it('a change made between the feed read and the sync/Deleted read comes in the next run, once', async () => {
		const staticData: IDataObject = {};
		const first = await run(staticData);
		expect(first.changed).toBe(items().length);
		const [changedBefore, changedBetween, deletedBetween] = items();
		bed.sim.updateEntity(division(), 'Items', String(changedBefore.ID), { Description: 'Voor de run' });
		bed.sim.afterNextCall(/\/sync\/Logistics\/Items$/, () => {
			bed.sim.updateEntity(division(), 'Items', String(changedBetween.ID), { Description: 'Tussen de reads' });
			bed.sim.deleteEntity(division(), 'Items', String(deletedBetween.ID));
		});
		const second = await run(staticData);
		const third = await run(staticData);
		const fourth = await run(staticData);
		expect([...changedIds(second), ...changedIds(third), ...changedIds(fourth)]).toEqual([changedBefore.ID, changedBetween.ID]);
		expect([...deletedIds(second), ...deletedIds(third), ...deletedIds(fourth)]).toEqual([deletedBetween.ID]);
		expect(fourth).toMatchObject({ changed: 0, deletedCount: 0, fullResync: false });
	});

	it('a division moved to another database (Timestamps reset) is read again in full once, then incrementally', async () => {
		const staticData: IDataObject = {};
		await run(staticData);
		const [changedAfterMove, changedLater] = items();
		bed.sim.moveDivision(division());
		bed.sim.updateEntity(division(), 'Items', String(changedAfterMove.ID), { Description: 'Na de verhuizing' });
		// The move date is checked at most once an hour (one call to system/Divisions).
		bed.sim.clock.advance(2 * 3600_000);
		const resync = await run(staticData);
		expect(resync.fullResync).toBe('divisionMoved');
		expect(resync.notice).toMatch(/moved to another database/);
		expect(changedIds(resync)).toEqual(expect.arrayContaining([changedAfterMove.ID]));
		expect(resync.changed).toBe(items().length);
		expect(await run(staticData)).toMatchObject({ changed: 0, deletedCount: 0, fullResync: false });
		bed.sim.updateEntity(division(), 'Items', String(changedLater.ID), { Description: 'Daarna' });
		const later = await run(staticData);
		expect(changedIds(later)).toEqual([changedLater.ID]);
	});

	it('a move check Exact refuses does not stop the sync; it is tried again next run', async () => {
		bed.sim.injectFault({ match: { method: 'GET', path: 'system/Divisions' }, fault: 'status', status: 403, body: '{"error":{"code":"","message":{"lang":"","value":"Forbidden"}}}' });
		const staticData: IDataObject = {};
		const first = await run(staticData);
		expect(first.changed).toBe(items().length);
		const [changed] = items();
		bed.sim.updateEntity(division(), 'Items', String(changed.ID), { Description: 'Na de weigering' });
		bed.sim.resetCalls();
		const second = await run(staticData);
		expect(changedIds(second)).toEqual([changed.ID]);
		expect(bed.sim.calls().some((call) => call.path.endsWith('/system/Divisions'))).toBe(true);
	});

	it('a cursor older than the two months sync/Deleted keeps says so and reads everything again', async () => {
		const staticData: IDataObject = {};
		await run(staticData);
		const [deletedLongAgo] = items();
		bed.sim.deleteEntity(division(), 'Items', String(deletedLongAgo.ID));
		bed.sim.clock.advance(70 * DAY);
		// The old refresh token expired meanwhile: connect again, as a user would.
		resetTokenTracking();
		harness = new WorkflowHarness({ exactOnlineOAuth2Api: exactCredentials(bed.sim.info, await bed.sim.connect()) });
		const resync = await run(staticData);
		expect(resync.fullResync).toBe('deletionLogExpired');
		expect(resync.notice).toMatch(/two months/);
		expect(changedIds(resync)).not.toContain(deletedLongAgo.ID);
		expect(resync.changed).toBe(items().length);
		expect(await run(staticData)).toMatchObject({ changed: 0, deletedCount: 0, fullResync: false });
	});
});
