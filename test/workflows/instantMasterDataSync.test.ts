/**
 * The instant master-data sync, as shipped: the Exact simulator's real signed callbacks go through the
 * Exact Online Trigger's webhook method (in n8n-core's WebhookContext, subscribed with the template's own
 * parameters), and the items it emits run the rest of the workflow on the engine. A changed account
 * updates its OutSmart relation, a new one creates it, a changed item its material (with the GLA), a labour
 * item its hour type; a deletion writes nothing.
 */
import type { IDataObject } from 'n8n-workflow';
import { outSmartCredentials, WorkflowHarness } from '../harness';
import { startTriggerBed, type TriggerBed } from '../exact-online-trigger/triggerTestBed';
import type { OutSmartSimulator } from '../simulators/outsmart';
import { loadTemplate } from './setup';

const FILE = 'instant-master-data-sync.json';
const TRIGGER = 'Exact Record Changed';

function trimmed(value: unknown): string {
	return String(value ?? '').trim();
}

describe('Template: instant master-data sync', () => {
	let bed: TriggerBed;
	let outSmart: OutSmartSimulator;
	let harness: WorkflowHarness;
	let division: number;

	const exactRows = (entitySet: string) => bed.sim.store.list(division, entitySet) as IDataObject[];
	const outSmartRecords = (entity: string) => outSmart.store.master(entity as never).all() as unknown as IDataObject[];

	/** What the trigger emitted for the callbacks the simulator delivered since the last call. */
	let seen = 0;
	async function deliveredEvents(): Promise<IDataObject[]> {
		await bed.sim.flushWebhooks();
		const emitted = bed.received.slice(seen).flatMap((outcome) => outcome.emitted);
		seen = bed.received.length;
		return emitted;
	}

	async function runWith(events: IDataObject[]) {
		const run = await harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER, input: events });
		expect(run.error?.message).toBeUndefined();
		return run;
	}

	beforeAll(async () => {
		const trigger = loadTemplate(FILE).nodes.find((node) => node.name === TRIGGER)!;
		bed = await startTriggerBed({ parameters: { ...(trigger.parameters as IDataObject) }, outSmart: { workorderCount: 0 } });
		division = bed.sim.info.division;
		outSmart = bed.outSmart();
		// The workflow's Exact nodes use the same credential (and token chain) as the trigger.
		harness = new WorkflowHarness({ exactOnlineOAuth2Api: bed.credentials, outSmartApi: outSmartCredentials(outSmart.info) });
		expect(await bed.create()).toBe(true);
		await bed.sim.flushWebhooks();
	});

	afterAll(async () => {
		await bed?.close();
	});

	test('subscribes to the Accounts and Items topics of the credential\'s default division', () => {
		expect(bed.subscriptions().map((subscription) => subscription.Topic).sort()).toEqual(['Accounts', 'Items']);
		// The template names no division: the trigger listens to the Default Division of the credential.
		expect(String((loadTemplate(FILE).nodes.find((node) => node.name === TRIGGER)!.parameters.division as IDataObject).value)).toBe('');
		expect(String(bed.credentials.defaultDivision)).toBe(String(division));
	});

	test('a changed account updates its OutSmart relation, and only that', async () => {
		const account = exactRows('Accounts').find((row) => row.Status === 'C' && !row.Blocked && row.MainContact)!;
		const mainContact = exactRows('Contacts').find((row) => row.ID === account.MainContact)!;
		const code = trimmed(account.Code);
		expect(outSmartRecords('relations').find((relation) => relation.debtor_number === code)?.city).not.toBe('Kampen');
		bed.sim.updateEntity(division, 'Accounts', String(account.ID), { City: 'Kampen', Name: 'Installatiebedrijf Kampen B.V.' });
		const events = await deliveredEvents();
		expect(events).toEqual([expect.objectContaining({ Topic: 'Accounts', Action: 'Update', Key: account.ID, Record: expect.objectContaining({ City: 'Kampen' }) })]);

		outSmart.resetCalls();
		const run = await runWith(events);
		expect(run.output('Upsert Relation').map((relation) => relation.debtor_number)).toEqual([code]);
		expect(outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint)).toEqual(['relations']);
		expect(outSmartRecords('relations').find((relation) => relation.debtor_number === code)).toMatchObject({ city: 'Kampen', name: 'Installatiebedrijf Kampen B.V.' });
		// The account holds only its main contact's ID: the trigger reads the name, so the relation keeps its contact (#15 point 4).
		expect(run.output('Upsert Relation')[0].contact).toBe(String(mainContact.FullName).trim());
	});

	test('a new customer in Exact becomes a new OutSmart relation', async () => {
		const template = exactRows('Accounts').find((row) => row.Status === 'C' && !row.Blocked)!;
		const before = outSmartRecords('relations').length;
		bed.sim.setEntity(division, 'Accounts', { ...template, ID: undefined, Code: '999002'.padStart(18, ' '), Name: 'Loodgietersbedrijf Nieuw' } as IDataObject as never);
		const run = await runWith(await deliveredEvents());
		expect(run.output('Upsert Relation')).toHaveLength(1);
		expect(outSmartRecords('relations')).toHaveLength(before + 1);
		expect(outSmartRecords('relations').find((relation) => relation.debtor_number === '999002')).toMatchObject({ name: 'Loodgietersbedrijf Nieuw', active: '1' });
	});

	test('a changed item updates its material with the GL account; a changed labour item its hour type', async () => {
		const item = exactRows('Items').find((row) => !row.IsTime)!;
		const labour = exactRows('Items').find((row) => row.IsTime)!;
		bed.sim.updateEntity(division, 'Items', String(item.ID), { Description: 'Radiatorkraan haaks 1/2"', StandardSalesPrice: 19.95 });
		bed.sim.updateEntity(division, 'Items', String(labour.ID), { Description: 'Monteursuur spoed' });
		const events = await deliveredEvents();
		expect(events.map((event) => [event.Topic, event.Action])).toEqual([
			['Items', 'Update'],
			['Items', 'Update'],
		]);

		outSmart.resetCalls();
		const run = await runWith(events);
		expect(run.output('Upsert Material').map((material) => material.code)).toEqual([trimmed(item.Code)]);
		expect(run.output('Upsert Hour Type').map((hourType) => hourType.code)).toEqual([trimmed(labour.Code)]);
		expect(outSmartRecords('materials').find((material) => material.code === trimmed(item.Code))).toMatchObject({
			description: 'Radiatorkraan haaks 1/2"',
			price: '19,95',
			freefield1: trimmed(item.GLRevenueCode),
		});
		expect(outSmartRecords('hourtypes').find((hourType) => hourType.code === trimmed(labour.Code))).toMatchObject({ name: 'Monteursuur spoed' });
		expect(outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint).sort()).toEqual(['hourtypes', 'materials']);
	});

	test('a deleted account reaches the workflow without a record and writes nothing', async () => {
		const account = exactRows('Accounts').find((row) => row.Status === 'P')!;
		bed.sim.deleteEntity(division, 'Accounts', String(account.ID));
		const events = await deliveredEvents();
		expect(events).toEqual([expect.objectContaining({ Topic: 'Accounts', Action: 'Delete' })]);
		outSmart.resetCalls();
		const run = await runWith(events);
		expect(run.output('Deleted or Gone')).toHaveLength(1);
		expect(outSmart.calls()).toHaveLength(0);
	});
});
