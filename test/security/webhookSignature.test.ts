/**
 * Exact webhook callbacks are accepted only with the HashCode Exact computes over the exact Content text
 * with the app's webhook secret: missing, wrong, malformed, or taken from another callback and replayed
 * with altered content, they are refused; the comparison runs in constant time.
 */
import * as crypto from 'crypto';

jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});
import { computeHashCode, verifyExactSignature } from '../../nodes/ExactOnline/trigger/signature';
import { DEMO_WEBHOOK_SECRET, signWebhookContent } from '../simulators/exact';

const content = JSON.stringify({
	Topic: 'SalesInvoices',
	ClientId: '5c1c1f3e-8e0a-4e57-9d0f-3c2b8a6f4d21',
	Division: 3185420,
	Action: 'Update',
	Key: 'b2a4c8f0-1d2e-4f5a-8b6c-7d8e9f0a1b2c',
	ExactOnlineEndpoint: 'https://start.exactonline.nl/api/v1/3185420/salesinvoice/SalesInvoices(guid\'b2a4c8f0-1d2e-4f5a-8b6c-7d8e9f0a1b2c\')',
	EventCreatedOn: '2026-11-02T08:00:00.000',
});
const signed = (text: string, hash: string) => `{"Content":${text},"HashCode":"${hash}"}`;

describe('Exact webhook HashCode', () => {
	it('accepts the callback Exact signs, as the simulator signs it', () => {
		expect(verifyExactSignature(signed(content, signWebhookContent(content, DEMO_WEBHOOK_SECRET)), DEMO_WEBHOOK_SECRET)).toMatchObject({ valid: true });
	});

	it.each([
		['no HashCode at all', `{"Content":${content}}`, 'unsigned'],
		['an empty HashCode', signed(content, ''), 'unsigned'],
		['a HashCode made with another secret', signed(content, computeHashCode(content, 'not-the-secret')), 'mismatch'],
		['a HashCode of the right length but wrong', signed(content, 'A'.repeat(64)), 'mismatch'],
		['a HashCode that is not hex', signed(content, 'Z'.repeat(64)), 'mismatch'],
		['a truncated HashCode', signed(content, signWebhookContent(content, DEMO_WEBHOOK_SECRET).slice(0, 63)), 'mismatch'],
		['a body that is not Exact\'s envelope', `{"HashCode":"${signWebhookContent(content, DEMO_WEBHOOK_SECRET)}","Content":${content}}`, 'malformed'],
	])('refuses %s', (_label, body, reason) => {
		expect(verifyExactSignature(body, DEMO_WEBHOOK_SECRET)).toEqual({ valid: false, reason });
	});

	it.each([
		['another division', content.replace('3185420,', '3185499,')],
		['another record key', content.replace(/b2a4c8f0/g, 'c3b5d9a1')],
		['Delete instead of Update', content.replace('"Update"', '"Delete"')],
		['whitespace added', content.replace('{"Topic"', '{ "Topic"')],
	])('refuses a replayed HashCode over altered content (%s)', (_label, altered) => {
		const replayed = signed(altered, signWebhookContent(content, DEMO_WEBHOOK_SECRET));
		expect(verifyExactSignature(replayed, DEMO_WEBHOOK_SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('refuses everything when no webhook secret is configured', () => {
		expect(verifyExactSignature(signed(content, computeHashCode(content, '')), '')).toEqual({ valid: false, reason: 'noSecret' });
	});

	it('compares digests with crypto.timingSafeEqual, never with string equality', () => {
		const spy = crypto.timingSafeEqual as jest.MockedFunction<typeof crypto.timingSafeEqual>;
		spy.mockClear();
		expect(verifyExactSignature(signed(content, 'B'.repeat(64)), DEMO_WEBHOOK_SECRET)).toMatchObject({ valid: false });
		expect(verifyExactSignature(signed(content, signWebhookContent(content, DEMO_WEBHOOK_SECRET)), DEMO_WEBHOOK_SECRET)).toMatchObject({ valid: true });
		expect(spy).toHaveBeenCalledTimes(2);
		for (const [a, b] of spy.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
	});
});
