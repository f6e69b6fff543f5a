import { SECOND_DIVISION } from '../simulators/exact';
import { startTriggerBed, type TriggerBed } from './triggerTestBed';

/** Subscribe / check / unsubscribe against the Exact simulator, through n8n-core's HookContext. */
describe('Exact Online Trigger subscription lifecycle', () => {
	let bed: TriggerBed;

	afterEach(async () => {
		await bed?.close();
	});

	it('subscribes one webhook per topic for the node URL and remembers their IDs', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts', 'Items'] } });
		expect(await bed.checkExists()).toBe(false);

		expect(await bed.create()).toBe(true);

		const url = bed.webhookUrl();
		expect(url).toContain('/webhook/');
		const rows = bed.subscriptions();
		expect(rows.map((row) => row.Topic).sort()).toEqual(['Accounts', 'Items']);
		expect(rows.every((row) => row.CallbackURL === url)).toBe(true);
		const stored = bed.nodeData().subscriptions as Array<{ id: string; topic: string; division: number }>;
		expect(stored.map((entry) => entry.topic).sort()).toEqual(['Accounts', 'Items']);
		expect(stored.map((entry) => entry.id).sort()).toEqual(rows.map((row) => String(row.ID).toLowerCase()).sort());
		expect(await bed.checkExists()).toBe(true);
	});

	it('subscribes every topic the issue names: Accounts, Items, SalesInvoices, SalesOrders, Contacts, GLAccounts', async () => {
		const topics = ['Accounts', 'Contacts', 'GLAccounts', 'Items', 'SalesInvoices', 'SalesOrders'];
		bed = await startTriggerBed({ parameters: { topics } });

		expect(await bed.create()).toBe(true);

		expect(bed.subscriptions().map((row) => row.Topic).sort()).toEqual(topics);
		expect(await bed.checkExists()).toBe(true);
	});

	it('reports a subscription deleted in Exact as missing and recreates only that one', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts', 'Contacts'] } });
		await bed.create();
		const contacts = bed.subscriptions().find((row) => row.Topic === 'Contacts')!;
		bed.sim.deleteEntity(bed.sim.info.division, 'WebhookSubscriptions', String(contacts.ID));

		expect(await bed.checkExists()).toBe(false);
		await bed.create();

		const rows = bed.subscriptions();
		expect(rows).toHaveLength(2);
		expect(rows.filter((row) => row.Topic === 'Accounts')).toHaveLength(1);
		expect(await bed.checkExists()).toBe(true);
	});

	it('adopts an existing subscription for the same URL and topic instead of creating a duplicate', async () => {
		bed = await startTriggerBed();
		const existing = bed.sim.setEntity(bed.sim.info.division, 'WebhookSubscriptions', { CallbackURL: bed.webhookUrl(), Topic: 'Accounts' });

		await bed.create();

		expect(bed.subscriptions()).toHaveLength(1);
		expect(bed.sim.callCount({ method: 'POST', path: 'WebhookSubscriptions' })).toBe(0);
		const stored = bed.nodeData().subscriptions as Array<{ id: string }>;
		expect(stored[0].id).toBe(String(existing.ID).toLowerCase());
	});

	it('adopts the subscription when Exact answers "Data already exists" to the POST', async () => {
		bed = await startTriggerBed();
		bed.sim.setEntity(bed.sim.info.division, 'WebhookSubscriptions', { CallbackURL: bed.webhookUrl(), Topic: 'Accounts' });
		// The first list comes back empty (as if another activation subscribed a moment later).
		bed.sim.injectFault({ match: { method: 'GET', path: 'WebhookSubscriptions' }, fault: 'status', status: 200, body: '{"d":{"results":[]}}' });

		await bed.create();

		expect(bed.sim.calls().filter((call) => call.method === 'POST' && call.path.includes('WebhookSubscriptions')).map((call) => call.status)).toEqual([500]);
		expect(bed.subscriptions()).toHaveLength(1);
		expect(await bed.checkExists()).toBe(true);
	});

	it('removes duplicate copies for the same URL and topic, keeping one', async () => {
		bed = await startTriggerBed();
		const division = bed.sim.info.division;
		// Exact refuses duplicates through the API; these stand for ones made before that rule or by hand.
		bed.sim.store.insert(division, 'WebhookSubscriptions', { ID: '11111111-1111-4111-8111-111111111111', CallbackURL: bed.webhookUrl(), Topic: 'Accounts' });
		bed.sim.store.insert(division, 'WebhookSubscriptions', { ID: '22222222-2222-4222-8222-222222222222', CallbackURL: bed.webhookUrl(), Topic: 'Accounts' });

		await bed.create();

		expect(bed.subscriptions()).toHaveLength(1);
	});

	it('moves the subscriptions when topics or the division change, leaving nothing behind', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts', 'Items'] } });
		await bed.create();

		bed.setParameters({ topics: ['Items'], division: { __rl: true, mode: 'id', value: String(SECOND_DIVISION) } });
		expect(await bed.checkExists()).toBe(false);
		await bed.create();

		expect(bed.subscriptions()).toHaveLength(0);
		expect(bed.subscriptions(SECOND_DIVISION).map((row) => row.Topic)).toEqual(['Items']);
		expect(await bed.checkExists()).toBe(true);
	});

	it('unsubscribes on deactivation, including leftovers for the same URL, and tolerates one already gone', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts', 'Items'] } });
		await bed.create();
		const items = bed.subscriptions().find((row) => row.Topic === 'Items')!;
		bed.sim.deleteEntity(bed.sim.info.division, 'WebhookSubscriptions', String(items.ID));
		bed.sim.setEntity(bed.sim.info.division, 'WebhookSubscriptions', { CallbackURL: bed.webhookUrl(), Topic: 'Contacts' });
		bed.sim.setEntity(bed.sim.info.division, 'WebhookSubscriptions', { CallbackURL: 'https://other.example.com/hook', Topic: 'Accounts' });

		expect(await bed.remove()).toBe(true);

		expect(bed.subscriptions().map((row) => row.CallbackURL)).toEqual(['https://other.example.com/hook']);
		expect(bed.nodeData().subscriptions).toBeUndefined();
		expect(await bed.checkExists()).toBe(false);
	});

	it('keeps the ID and fails when Exact refuses the DELETE with something other than 404', async () => {
		bed = await startTriggerBed();
		await bed.create();
		bed.sim.injectFault({
			match: { method: 'DELETE', path: 'WebhookSubscriptions' },
			fault: 'status',
			status: 403,
			body: '{"error":{"code":"","message":{"lang":"","value":"Forbidden"}}}',
		});

		await expect(bed.remove()).rejects.toThrow(/refused access/);

		expect(bed.subscriptions()).toHaveLength(1);
		expect(bed.nodeData().subscriptions).toHaveLength(1);
		expect(await bed.remove()).toBe(true);
		expect(bed.subscriptions()).toHaveLength(0);
	});

	it('refuses to activate without a webhook secret, before subscribing anything', async () => {
		bed = await startTriggerBed({ webhookSecret: '' });

		await expect(bed.create()).rejects.toThrow('The Exact Online credential has no Webhook Secret');
		expect(bed.subscriptions()).toHaveLength(0);
	});

	it('activates with the node\'s own secret when the credential has none', async () => {
		bed = await startTriggerBed({ webhookSecret: '', parameters: { options: { webhookSecret: 'node-level-secret' } } });

		await bed.create();
		expect(bed.subscriptions()).toHaveLength(1);
	});
});
