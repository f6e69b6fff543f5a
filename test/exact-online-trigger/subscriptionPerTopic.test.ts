/**
 * Exact keeps one webhook subscription per topic for an app and division: subscribing a topic again with another
 * callback URL is answered 500 "Gegeven bestaat reeds." in the user's language (picqer/exact-php-client #150).
 * The trigger adopts or replaces what belongs to this node (production vs test URL, or an old n8n address) and
 * says clearly when another workflow owns the topic. Addresses has no webhooks (mcnijman/go-exactonline
 * services/crm/addresses.go "HasWebhook: false"; no "This entity supports webhooks" in Pi-Systems/exact-online
 * src/Entity/CRM/Addresses.php).
 */
import { EXACT_WEBHOOK_TOPICS } from '../../nodes/ExactOnline/trigger/topics';
import { callApi } from '../simulators/exact/testClient';
import { startTriggerBed, WEBHOOK_ID, type TriggerBed } from './triggerTestBed';

describe('one Exact webhook subscription per topic', () => {
	let bed: TriggerBed;

	afterEach(async () => {
		await bed?.close();
	});

	it('the simulator refuses a second subscription to a topic, also for another URL, in Dutch; and refuses Addresses', async () => {
		bed = await startTriggerBed();
		const token = bed.credentials.oauthTokenData as { access_token: string };
		const D = bed.sim.info.division;
		const subscribe = async (CallbackURL: string, Topic: string) =>
			await callApi(bed.sim, token.access_token, `${D}/webhooks/WebhookSubscriptions`, { method: 'POST', body: { CallbackURL, Topic } });
		expect((await subscribe('https://one.example.com/hook', 'Accounts')).status).toBe(201);
		const again = await subscribe('https://two.example.com/hook', 'Accounts');
		expect(again.status).toBe(500);
		expect(again.json().error.message.value).toBe('Gegeven bestaat reeds.');
		expect((await subscribe('https://one.example.com/hook', 'Addresses')).status).toBe(400);
	});

	it('does not offer Addresses as a topic', () => {
		expect(EXACT_WEBHOOK_TOPICS.map((topic) => topic.value)).not.toContain('Addresses');
	});

	it('after the n8n URL changed, activation replaces the old subscription of this trigger', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts', 'Items'] } });
		const division = bed.sim.info.division;
		const oldUrl = `https://n8n-old.example.com/webhook/${WEBHOOK_ID}/webhook`;
		bed.sim.setEntity(division, 'WebhookSubscriptions', { CallbackURL: oldUrl, Topic: 'Accounts' });

		await bed.create();

		expect(bed.subscriptions().map((row) => [row.Topic, row.CallbackURL]).sort()).toEqual([
			['Accounts', bed.webhookUrl()],
			['Items', bed.webhookUrl()],
		]);
		expect(await bed.checkExists()).toBe(true);
	});

	it('listening for a test event while the workflow is active moves the subscription to the test URL and back', async () => {
		bed = await startTriggerBed();
		await bed.create();
		expect(bed.subscriptions().map((row) => row.CallbackURL)).toEqual([bed.webhookUrl()]);

		expect(await bed.test.checkExists()).toBe(false);
		await bed.test.create();
		expect(bed.subscriptions().map((row) => row.CallbackURL)).toEqual([bed.test.webhookUrl()]);

		await bed.test.remove();
		expect(bed.subscriptions().map((row) => row.CallbackURL)).toEqual([bed.webhookUrl()]);
	});

	it('says which URL holds the topic when another workflow owns it, and changes nothing', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Items', 'Accounts'] } });
		const foreign = 'https://n8n.example.com/webhook/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc/webhook';
		bed.sim.setEntity(bed.sim.info.division, 'WebhookSubscriptions', { CallbackURL: foreign, Topic: 'Accounts' });

		const error = (await bed.create().catch((caught: unknown) => caught)) as { message: string; description?: string };
		expect(error.message).toMatch(/already sends Accounts .*to another workflow/);
		expect(error.description).toContain(`Accounts → ${foreign}`);
		expect(error.description).toMatch(/one webhook subscription per topic/);
		expect(error.description).toMatch(/Take Over Subscriptions/);

		expect(bed.subscriptions().map((row) => [row.Topic, row.CallbackURL])).toEqual([['Accounts', foreign]]);
	});

	it('takes a foreign subscription over when asked to', async () => {
		bed = await startTriggerBed({ parameters: { options: { takeOverSubscriptions: true } } });
		bed.sim.setEntity(bed.sim.info.division, 'WebhookSubscriptions', { CallbackURL: 'https://n8n.example.com/webhook/other/webhook', Topic: 'Accounts' });

		await bed.create();

		expect(bed.subscriptions().map((row) => row.CallbackURL)).toEqual([bed.webhookUrl()]);
	});
});
