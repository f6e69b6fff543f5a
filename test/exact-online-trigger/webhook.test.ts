import type { IDataObject } from 'n8n-workflow';
import { SECOND_DIVISION, signWebhookContent } from '../simulators/exact';
import { startTriggerBed, type TriggerBed } from './triggerTestBed';

/** webhook() inside n8n-core's WebhookContext: what it emits and what it refuses. */
describe('Exact Online Trigger callbacks', () => {
	let bed: TriggerBed;

	afterEach(async () => {
		await bed?.close();
	});

	function account(): IDataObject {
		return bed.sim.store.rows(bed.sim.info.division, 'Accounts')[0] as IDataObject;
	}

	function content(overrides: IDataObject = {}): string {
		const division = Number(overrides.Division ?? bed.sim.info.division);
		const key = String(overrides.Key ?? account().ID);
		return JSON.stringify({
			Topic: 'Accounts',
			ClientId: bed.sim.info.clientId,
			Division: division,
			Action: 'Update',
			Key: key,
			ExactOnlineEndpoint: `${bed.sim.info.baseUrl}/api/v1/${division}/crm/Accounts(guid'${key}')`,
			EventCreatedOn: '2026-03-02T10:15:00.123',
			...overrides,
		});
	}

	function signed(contentText: string, secret = bed.sim.info.webhookSecret): string {
		return `{"Content":${contentText},"HashCode":"${signWebhookContent(contentText, secret)}"}`;
	}

	it('answers the empty validation POST with 200 and emits nothing', async () => {
		bed = await startTriggerBed();

		const empty = await bed.deliver('');
		expect(empty.result).toEqual({ webhookResponse: 'OK' });
		expect(empty.emitted).toEqual([]);

		const noRawBody = await bed.deliver(undefined);
		expect(noRawBody.result).toEqual({ webhookResponse: 'OK' });
	});

	it('emits one item per verified event, without calling Exact when the record is not wanted', async () => {
		bed = await startTriggerBed();
		const key = String(account().ID);
		bed.sim.resetCalls();

		const outcome = await bed.deliver(signed(content()));

		expect(outcome.emitted).toEqual([
			{
				Topic: 'Accounts',
				Action: 'Update',
				Key: key,
				Division: bed.sim.info.division,
				// Exact stamps events in Amsterdam time without offset; the item gives the instant with its offset.
				EventCreatedOn: '2026-03-02T10:15:00.123+01:00',
				ReceivedAt: new Date(bed.sim.clock.now()).toISOString(),
				ExactOnlineEndpoint: `${bed.sim.info.baseUrl}/api/v1/${bed.sim.info.division}/crm/Accounts(guid'${key}')`,
			},
		]);
		expect(bed.sim.calls()).toEqual([]);
	});

	it('adds the full record, read through the transport with the chosen fields', async () => {
		bed = await startTriggerBed({ parameters: { fetchRecord: true, fields: 'ID, Code, Name' } });
		const target = account();
		bed.sim.resetCalls();

		const outcome = await bed.deliver(signed(content()));

		expect(outcome.emitted).toHaveLength(1);
		expect(outcome.emitted[0].Record).toEqual({ ID: target.ID, Code: target.Code, CodeTrimmed: String(target.Code).trim(), Name: target.Name });
		expect(bed.sim.calls().map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
			`GET /api/v1/${bed.sim.info.division}/crm/Accounts(guid'${String(target.ID)}') 200`,
		]);
	});

	it('emits only the key for a Delete event, without trying to read the record', async () => {
		bed = await startTriggerBed({ parameters: { fetchRecord: true } });
		bed.sim.resetCalls();

		const outcome = await bed.deliver(signed(content({ Action: 'Delete', Key: '0f0e0d0c-0b0a-4909-8807-060504030201' })));

		expect(outcome.emitted).toHaveLength(1);
		expect(outcome.emitted[0]).toMatchObject({ Action: 'Delete', Key: '0f0e0d0c-0b0a-4909-8807-060504030201' });
		expect(outcome.emitted[0]).not.toHaveProperty('Record');
		expect(bed.sim.calls()).toEqual([]);
	});

	it('emits the event with Record null when the record is gone by the time it is read', async () => {
		bed = await startTriggerBed({ parameters: { fetchRecord: true } });

		const outcome = await bed.deliver(signed(content({ Key: '0f0e0d0c-0b0a-4909-8807-060504030201' })));

		expect(outcome.emitted).toHaveLength(1);
		expect(outcome.emitted[0].Record).toBeNull();
	});

	it('rejects a forged HashCode with 401 and emits nothing', async () => {
		bed = await startTriggerBed({ parameters: { fetchRecord: true } });
		bed.sim.resetCalls();
		const text = content();

		const outcome = await bed.deliver(`{"Content":${text},"HashCode":"${signWebhookContent(text, 'guessed-secret')}"}`);

		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response.statusCode).toBe(401);
		expect(outcome.emitted).toEqual([]);
		expect(bed.sim.calls()).toEqual([]);
		expect(bed.nodeData().recentEvents).toBeUndefined();
	});

	it('rejects a genuine HashCode replayed with changed content', async () => {
		bed = await startTriggerBed();
		const genuine = signed(content());
		const otherAccount = String((bed.sim.store.rows(bed.sim.info.division, 'Accounts')[1] as IDataObject).ID);
		const tampered = genuine.replace(String(account().ID), otherAccount).replace(String(account().ID), otherAccount);
		expect(tampered).not.toBe(genuine);

		const outcome = await bed.deliver(tampered);

		expect(outcome.response.statusCode).toBe(401);
		expect(outcome.emitted).toEqual([]);
	});

	it('rejects an unsigned callback', async () => {
		bed = await startTriggerBed();

		const outcome = await bed.deliver(`{"Content":${content()}}`);

		expect(outcome.response.statusCode).toBe(401);
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('rejects a body it cannot verify because n8n gave no raw body', async () => {
		bed = await startTriggerBed();
		const text = content();

		const outcome = await bed.deliver(undefined, undefined, JSON.parse(signed(text)));

		expect(outcome.response.statusCode).toBe(401);
		expect(outcome.emitted).toEqual([]);
	});

	it('ignores verified events for another division or an unsubscribed topic', async () => {
		bed = await startTriggerBed({ parameters: { topics: ['Accounts', 'Items'] } });

		const otherDivision = await bed.deliver(signed(content({ Division: SECOND_DIVISION })));
		const otherTopic = await bed.deliver(signed(content({ Topic: 'Contacts' })));

		for (const outcome of [otherDivision, otherTopic]) {
			expect(outcome.result).toEqual({ webhookResponse: 'OK' });
			expect(outcome.emitted).toEqual([]);
		}
		const items = await bed.deliver(signed(content({ Topic: 'Items' })));
		expect(items.emitted).toHaveLength(1);
	});

	it('emits a callback delivered twice only once', async () => {
		bed = await startTriggerBed();
		const body = signed(content());

		expect((await bed.deliver(body)).emitted).toHaveLength(1);
		const again = await bed.deliver(body);

		expect(again.result).toEqual({ webhookResponse: 'OK' });
		expect(again.emitted).toEqual([]);
		expect((await bed.deliver(signed(content({ Action: 'Create' })))).emitted).toHaveLength(1);
	});

	it('two deliveries of one event in flight at once start one execution, also while the record is being read', async () => {
		bed = await startTriggerBed({ parameters: { fetchRecord: true } });
		const body = signed(content());

		const outcomes = await Promise.all([bed.deliver(body), bed.deliver(body), bed.deliver(body)]);

		expect(outcomes.map((outcome) => outcome.emitted.length).sort()).toEqual([0, 0, 1]);
		for (const outcome of outcomes) expect(outcome.response.statusCode ?? 200).toBeLessThan(300);
	});

	it('a delivery whose record could not be read is not taken, so Exact\'s retry starts it', async () => {
		bed = await startTriggerBed({ parameters: { fetchRecord: true } });
		const body = signed(content());
		bed.sim.injectFault({ match: { method: 'GET', path: 'crm/Accounts' }, fault: 'status', status: 500, times: 20 });
		await expect(bed.deliver(body)).rejects.toThrow();
		bed.sim.clearFaults();

		expect((await bed.deliver(body)).emitted).toHaveLength(1);
	});

	it('verifies with the node\'s own secret when one is set', async () => {
		bed = await startTriggerBed({ parameters: { options: { webhookSecret: 'second-app-secret' } } });

		expect((await bed.deliver(signed(content(), 'second-app-secret'))).emitted).toHaveLength(1);
		const withCredentialSecret = await bed.deliver(signed(content({ Action: 'Create' })));
		expect(withCredentialSecret.response.statusCode).toBe(401);
	});

	it('refuses callbacks when no secret is configured', async () => {
		bed = await startTriggerBed({ webhookSecret: '' });

		const outcome = await bed.deliver(signed(content(), ''));

		expect(outcome.response.statusCode).toBe(500);
		expect(outcome.emitted).toEqual([]);
	});
});
