import { eventItem, ignoreReason, parseWebhookContent } from '../../nodes/ExactOnline/trigger/events';
import { normaliseTopics } from '../../nodes/ExactOnline/trigger/topics';
import { SECOND_DIVISION } from '../simulators/exact';
import { startTriggerBed, type TriggerBed } from './triggerTestBed';

const KEY = '19cee073-095e-46d1-8d2d-f3fc97ba5bc1';

describe('Exact webhook event mapping', () => {
	it('reads the fields the node relies on and refuses content without them', () => {
		const text = JSON.stringify({ Topic: 'Items', Division: 441609, Action: 'Create', Key: KEY, EventCreatedOn: '2026-01-06T16:26:08.587' });
		expect(parseWebhookContent(text)).toMatchObject({ Topic: 'Items', Division: 441609, Action: 'Create', Key: KEY });
		expect(parseWebhookContent(JSON.stringify({ Topic: 'Items', Division: 441609, Action: 'Archive', Key: KEY }))).toBeUndefined();
		expect(parseWebhookContent(JSON.stringify({ Topic: 'Items', Division: 'x', Action: 'Create', Key: KEY }))).toBeUndefined();
		expect(parseWebhookContent(JSON.stringify({ Topic: 'Items', Division: 441609, Action: 'Create' }))).toBeUndefined();
		expect(parseWebhookContent('[1,2]')).toBeUndefined();
		expect(parseWebhookContent('{not json')).toBeUndefined();
	});

	it('tells events for another division or topic apart', () => {
		const content = parseWebhookContent(JSON.stringify({ Topic: 'Accounts', Division: 100, Action: 'Update', Key: KEY }))!;
		expect(ignoreReason(content, 100, ['Accounts'])).toBeUndefined();
		expect(ignoreReason(content, 200, ['Accounts'])).toBe('division');
		expect(ignoreReason(content, 100, ['Items'])).toBe('topic');
	});

	it('puts the record under Record only when one was read', () => {
		const content = parseWebhookContent(JSON.stringify({ Topic: 'Accounts', Division: 100, Action: 'Update', Key: KEY }))!;
		expect(eventItem(content, '2026-01-01T00:00:00.000Z')).not.toHaveProperty('Record');
		expect(eventItem(content, '2026-01-01T00:00:00.000Z', null).Record).toBeNull();
		expect(eventItem(content, '2026-01-01T00:00:00.000Z', { Name: 'X' }).Record).toEqual({ Name: 'X' });
	});

	it('drops empty and repeated topics', () => {
		expect(normaliseTopics(['Accounts', ' Accounts ', '', 'Items'])).toEqual(['Accounts', 'Items']);
		expect(normaliseTopics('Accounts, Items')).toEqual(['Accounts', 'Items']);
	});
});

describe('Exact Online Trigger division search', () => {
	let bed: TriggerBed;

	afterEach(async () => {
		await bed?.close();
	});

	it('lists the divisions of the connected user, filtered by the search text', async () => {
		bed = await startTriggerBed();

		const all = await bed.searchDivisions();
		const codes = all.map((entry) => Number(entry.value));
		expect(codes).toEqual(expect.arrayContaining([bed.sim.info.division, SECOND_DIVISION]));
		expect(all.find((entry) => Number(entry.value) === SECOND_DIVISION)?.name).toBe(`Van der Berg Service & Onderhoud B.V. (${SECOND_DIVISION})`);

		const filtered = await bed.searchDivisions('service');
		expect(filtered.map((entry) => Number(entry.value))).toEqual([SECOND_DIVISION]);
	});
});
