import type { IDataObject } from 'n8n-workflow';
import { startTriggerBed, type TriggerBed } from './triggerTestBed';

/**
 * End to end over HTTP: the node subscribes in the simulator with a webhook URL served by a real local
 * server, the simulator POSTs its validation ping and signed events there, and the raw bodies go through
 * the node's webhook(). Proves the simulator's real payloads verify and the record is fetched.
 */
describe('Exact Online Trigger with the simulator delivering callbacks', () => {
	let bed: TriggerBed;

	afterEach(async () => {
		await bed?.close();
	});

	it('answers the validation ping, then verifies and emits real Create, Update and Delete events', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts'], fetchRecord: true, fields: 'ID,Name,City' } });
		const division = bed.sim.info.division;

		await bed.create();
		await bed.sim.flushWebhooks();
		const validation = bed.sim.webhookDeliveries().filter((delivery) => delivery.kind === 'validation');
		expect(validation).toHaveLength(1);
		expect(validation[0]).toMatchObject({ url: bed.webhookUrl(), status: 200 });

		const created = bed.sim.setEntity(division, 'Accounts', { Name: 'Installatiebedrijf De Vries', City: 'Zwolle', Status: 'C' });
		await bed.sim.flushWebhooks();
		bed.sim.updateEntity(division, 'Accounts', String(created.ID), { City: 'Deventer' });
		await bed.sim.flushWebhooks();
		bed.sim.deleteEntity(division, 'Accounts', String(created.ID));
		await bed.sim.flushWebhooks();

		const events = bed.sim.webhookDeliveries().filter((delivery) => delivery.kind === 'event');
		expect(events.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
		const emitted = bed.received.flatMap((outcome) => outcome.emitted);
		expect(emitted.map((item) => [item.Topic, item.Action, item.Key, item.Division])).toEqual([
			['Accounts', 'Create', created.ID, division],
			['Accounts', 'Update', created.ID, division],
			['Accounts', 'Delete', created.ID, division],
		]);
		// Each event is handled before the next change, so the Update read carries the new city.
		expect((emitted[1].Record as IDataObject).City).toBe('Deventer');
		expect((emitted[0].Record as IDataObject).Name).toBe('Installatiebedrijf De Vries');
		expect(emitted[2]).not.toHaveProperty('Record');
	});

	it('rejects the simulator\'s real payload when the node holds another secret, and stops receiving after deactivation', async () => {
		bed = await startTriggerBed({ parameters: { options: { webhookSecret: 'not-the-app-secret' } } });
		const division = bed.sim.info.division;
		await bed.create();
		await bed.sim.flushWebhooks();

		bed.sim.setEntity(division, 'Accounts', { Name: 'Loodgieter Jansen', Status: 'C' });
		await bed.sim.flushWebhooks();
		const rejected = bed.sim.webhookDeliveries().filter((delivery) => delivery.kind === 'event');
		expect(rejected.map((delivery) => delivery.status)).toEqual([401]);
		expect(bed.received.flatMap((outcome) => outcome.emitted)).toEqual([]);

		await bed.remove();
		expect(bed.subscriptions()).toEqual([]);
		bed.sim.setEntity(division, 'Accounts', { Name: 'Schilder Bakker', Status: 'C' });
		await bed.sim.flushWebhooks();
		expect(bed.sim.webhookDeliveries().filter((delivery) => delivery.kind === 'event')).toHaveLength(1);
	});
});
