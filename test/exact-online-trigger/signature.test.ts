import { computeHashCode, hashCodesMatch, splitSignedEnvelope, verifyExactSignature } from '../../nodes/ExactOnline/trigger/signature';
import { signWebhookContent } from '../simulators/exact';

const SECRET = 'app-webhook-secret';
const CONTENT =
	'{"Topic":"SalesOrders","ClientId":"63824703-cf5c-4143-be7d-db3113b83b0e","Division":441609,"Action":"Update","Key":"19cee073-095e-46d1-8d2d-f3fc97ba5bc1","ExactOnlineEndpoint":"https://start.exactonline.be/api/v1/441609/salesorder/SalesOrders(guid\'19cee073-095e-46d1-8d2d-f3fc97ba5bc1\')","EventCreatedOn":"2020-01-06T16:26:08.587"}';

function body(content: string, hashCode: string): string {
	return `{"Content":${content},"HashCode":"${hashCode}"}`;
}

describe('Exact webhook HashCode', () => {
	it('is the upper-case hex HMAC-SHA256 of the Content text, as the simulator signs it', () => {
		const hash = computeHashCode(CONTENT, SECRET);
		expect(hash).toMatch(/^[0-9A-F]{64}$/);
		expect(hash).toBe(signWebhookContent(CONTENT, SECRET));
	});

	it('cuts the Content text out of the raw body byte for byte', () => {
		expect(splitSignedEnvelope(body(CONTENT, 'AB'))).toEqual({ contentText: CONTENT, hashCode: 'AB' });
		expect(splitSignedEnvelope('{"HashCode":"AB","Content":{}}')).toBeUndefined();
	});

	it('accepts a correctly signed body', () => {
		const check = verifyExactSignature(Buffer.from(body(CONTENT, computeHashCode(CONTENT, SECRET))), SECRET);
		expect(check).toEqual({ valid: true, contentText: CONTENT, hashCode: computeHashCode(CONTENT, SECRET) });
	});

	it('rejects a forged HashCode, a wrong secret and content changed after signing', () => {
		const genuine = computeHashCode(CONTENT, SECRET);
		const forged = genuine.slice(0, 63) + (genuine.endsWith('0') ? '1' : '0');
		expect(verifyExactSignature(body(CONTENT, forged), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		expect(verifyExactSignature(body(CONTENT, genuine), 'another-secret')).toEqual({ valid: false, reason: 'mismatch' });
		const changed = CONTENT.replace('"Division":441609', '"Division":441610');
		expect(verifyExactSignature(body(changed, genuine), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('verifies the text as sent, so re-serialised (pretty) JSON with the same values does not pass', () => {
		const genuine = computeHashCode(CONTENT, SECRET);
		const pretty = JSON.stringify({ Content: JSON.parse(CONTENT), HashCode: genuine }, null, 1);
		expect(verifyExactSignature(pretty, SECRET).valid).toBe(false);
		const spaced = body(CONTENT.replace('"Action":"Update"', '"Action": "Update"'), genuine);
		expect(verifyExactSignature(spaced, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('rejects unsigned bodies, empty HashCodes and non-hex HashCodes', () => {
		expect(verifyExactSignature(`{"Content":${CONTENT}}`, SECRET)).toEqual({ valid: false, reason: 'unsigned' });
		expect(verifyExactSignature(body(CONTENT, ''), SECRET)).toEqual({ valid: false, reason: 'unsigned' });
		expect(verifyExactSignature(body(CONTENT, 'Z'.repeat(64)), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		expect(verifyExactSignature(body(CONTENT, computeHashCode(CONTENT, SECRET) + '00'), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('cannot verify anything without a secret', () => {
		expect(verifyExactSignature(body(CONTENT, computeHashCode(CONTENT, '')), '')).toEqual({ valid: false, reason: 'noSecret' });
	});

	it('compares digests only when both are 32-byte hex', () => {
		const digest = computeHashCode(CONTENT, SECRET);
		expect(hashCodesMatch(digest, digest)).toBe(true);
		expect(hashCodesMatch(digest.toLowerCase(), digest)).toBe(true);
		expect(hashCodesMatch(digest.slice(2), digest)).toBe(false);
	});
});
