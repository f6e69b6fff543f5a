import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;

interface Received {
	body: string;
	contentLength: string | undefined;
}

describe('Exact simulator webhooks', () => {
	let simulator: ExactSimulator;
	let token: string;
	let receiver: Server;
	let callbackUrl: string;
	const received: Received[] = [];

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, relationCount: 20, itemCount: 20 });
		token = (await simulator.connect()).access_token;
		receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				received.push({ body: Buffer.concat(chunks).toString('utf8'), contentLength: request.headers['content-length'] });
				response.writeHead(200).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
	});

	afterAll(async () => {
		await simulator.close();
		await new Promise<void>((resolve) => receiver.close(() => resolve()));
	});

	it('sends an empty validation POST after a subscription is created', async () => {
		const created = await callApi(simulator, token, `${D}/webhooks/WebhookSubscriptions`, { method: 'POST', body: { CallbackURL: callbackUrl, Topic: 'Accounts' } });
		expect(created.status).toBe(201);
		expect(created.json().d).toMatchObject({ CallbackURL: callbackUrl, Topic: 'Accounts', ClientID: simulator.info.clientId });
		await simulator.flushWebhooks();
		expect(received).toEqual([{ body: '', contentLength: '0' }]);
	});

	it('posts {"Content":…,"HashCode":…} signed with the webhook secret on update and delete', async () => {
		received.length = 0;
		const [account] = simulator.store.list(D, 'Accounts');
		simulator.updateEntity(D, 'Accounts', String(account.ID), { Name: 'Gewijzigd B.V.' });
		simulator.deleteEntity(D, 'Accounts', String(account.ID));
		await simulator.flushWebhooks();
		expect(received).toHaveLength(2);
		const contents = received.map(({ body }) => {
			const match = /^\{"Content":(.*),"HashCode":"([0-9A-F]{64})"\}$/.exec(body);
			expect(match).not.toBeNull();
			const expected = createHmac('sha256', simulator.info.webhookSecret).update(match![1]).digest('hex').toUpperCase();
			expect(match![2]).toBe(expected);
			return JSON.parse(match![1]);
		});
		expect(Object.keys(contents[0])).toEqual(['Topic', 'ClientId', 'Division', 'Action', 'Key', 'ExactOnlineEndpoint', 'EventCreatedOn']);
		expect(contents[0]).toMatchObject({ Topic: 'Accounts', Division: D, Action: 'Update', Key: account.ID });
		expect(contents[0].ExactOnlineEndpoint).toBe(`${simulator.info.baseUrl}/api/v1/${D}/crm/Accounts(guid'${String(account.ID)}')`);
		expect(contents[0].EventCreatedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
		expect(contents[1].Action).toBe('Delete');
	});

	it('fires Create for a record made through the API, and nothing for an unsubscribed topic', async () => {
		received.length = 0;
		await callApi(simulator, token, `${D}/crm/Accounts`, { method: 'POST', body: { Name: 'Webhook Nieuw B.V.', Status: 'C' } });
		const [item] = simulator.store.list(D, 'Items');
		simulator.updateEntity(D, 'Items', String(item.ID), { Description: 'niet geabonneerd' });
		await simulator.flushWebhooks();
		expect(received).toHaveLength(1);
		expect(JSON.parse(received[0].body).Content.Action).toBe('Create');
	});

	it('refuses a duplicate subscription, a non-https remote callback and an unknown topic', async () => {
		const duplicate = await callApi(simulator, token, `${D}/webhooks/WebhookSubscriptions`, { method: 'POST', body: { CallbackURL: callbackUrl, Topic: 'Accounts' } });
		expect(duplicate.status).toBe(500);
		expect(duplicate.json().error.message.value).toBe('Gegeven bestaat reeds.');
		const insecure = await callApi(simulator, token, `${D}/webhooks/WebhookSubscriptions`, { method: 'POST', body: { CallbackURL: 'http://example.com/hook', Topic: 'Items' } });
		expect(insecure.status).toBe(400);
		const unknownTopic = await callApi(simulator, token, `${D}/webhooks/WebhookSubscriptions`, { method: 'POST', body: { CallbackURL: callbackUrl, Topic: 'Nonsense' } });
		expect(unknownTopic.status).toBe(400);
	});

	it('lists and deletes subscriptions', async () => {
		const list = (await callApi(simulator, token, `${D}/webhooks/WebhookSubscriptions?$select=ID,Topic`)).json().d.results;
		expect(list).toHaveLength(1);
		expect((await callApi(simulator, token, `${D}/webhooks/WebhookSubscriptions(guid'${list[0].ID}')`, { method: 'DELETE' })).status).toBe(204);
		received.length = 0;
		const [account] = simulator.store.list(D, 'Accounts');
		simulator.updateEntity(D, 'Accounts', String(account.ID), { City: 'Ede' });
		await simulator.flushWebhooks();
		expect(received).toHaveLength(0);
	});
});
