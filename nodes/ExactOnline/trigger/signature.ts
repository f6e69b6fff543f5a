import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Exact signs a callback inside its body: `{"Content":{…},"HashCode":"<HMAC>"}`. The HMAC covers the
 * Content JSON text exactly as sent, so it is cut out of the raw body, never re-serialised.
 */
const ENVELOPE = /^\{"Content":(\{.*\}),"HashCode":"([^"]*)"\}$/s;
const HASH_CODE = /^[0-9A-Fa-f]{64}$/;

export interface SignedEnvelope {
	/** The Content JSON text exactly as received. */
	contentText: string;
	hashCode: string;
}

export type SignatureCheck =
	| { valid: true; contentText: string; hashCode: string }
	| { valid: false; reason: 'malformed' | 'unsigned' | 'mismatch' | 'noSecret' };

/** Splits the raw body into the signed Content text and the HashCode; undefined when it is not Exact's envelope. */
export function splitSignedEnvelope(rawBody: string): SignedEnvelope | undefined {
	const match = ENVELOPE.exec(rawBody.trim());
	if (!match) return undefined;
	return { contentText: match[1], hashCode: match[2] };
}

/** Upper-case hex HMAC-SHA256, the form Exact sends. */
export function computeHashCode(contentText: string, secret: string): string {
	return createHmac('sha256', secret).update(contentText, 'utf8').digest('hex').toUpperCase();
}

/** Constant-time comparison of two hex digests (a length mismatch is decided without comparing bytes). */
export function hashCodesMatch(received: string, expected: string): boolean {
	if (!HASH_CODE.test(received) || !HASH_CODE.test(expected)) return false;
	const receivedBytes = Buffer.from(received, 'hex');
	const expectedBytes = Buffer.from(expected, 'hex');
	if (receivedBytes.length !== expectedBytes.length) return false;
	return timingSafeEqual(receivedBytes, expectedBytes);
}

/** Checks a callback body against the app's webhook secret. */
export function verifyExactSignature(rawBody: Buffer | string, secret: string): SignatureCheck {
	if (!secret) return { valid: false, reason: 'noSecret' };
	const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
	const envelope = splitSignedEnvelope(text);
	if (!envelope) {
		return { valid: false, reason: /"HashCode"\s*:/.test(text) ? 'malformed' : 'unsigned' };
	}
	if (envelope.hashCode === '') return { valid: false, reason: 'unsigned' };
	const expected = computeHashCode(envelope.contentText, secret);
	if (!hashCodesMatch(envelope.hashCode, expected)) return { valid: false, reason: 'mismatch' };
	return { valid: true, contentText: envelope.contentText, hashCode: envelope.hashCode.toUpperCase() };
}
