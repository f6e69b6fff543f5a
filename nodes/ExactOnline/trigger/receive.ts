import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { getClock } from '../../shared/clock';
import { eventItem, ignoreReason, parseWebhookContent } from './events';
import { fetchEventRecord, parseFieldList } from './fetchRecord';
import { triggerDivision, triggerTopics, webhookSecret } from './settings';
import { verifyExactSignature } from './signature';
import { toNodeError } from '../../shared/nodeError';

/** How many recent HashCodes the node remembers to drop a callback delivered twice. */
const REMEMBERED_EVENTS = 200;

/** How long this process holds on to an event it took, independent of the workflow's static data. */
const CLAIM_MS = 15 * 60_000;

/**
 * Events this process has taken, by workflow, node and HashCode. n8n hands every callback its own copy
 * of the workflow's static data (read from the database per request, written back afterwards, last
 * writer wins), so two deliveries of one event in flight at once both miss each other there. Taking the
 * event here, synchronously and before any wait, lets exactly one of them start an execution within
 * this process. (Across several webhook processes no such shared, atomic place is open to a node.)
 */
const claimed = new Map<string, number>();

function claim(key: string): boolean {
	const now = getClock().now();
	for (const [entry, at] of claimed) {
		if (now - at < CLAIM_MS) break;
		claimed.delete(entry);
	}
	if (claimed.has(key)) return false;
	claimed.set(key, now);
	return true;
}

/** For tests: forget the events this process took. */
export function resetClaimedEvents(): void {
	claimed.clear();
}

const REJECTIONS: Record<string, string> = {
	unsigned: 'The callback carries no HashCode',
	malformed: 'The callback is not in Exact Online\'s {"Content":…,"HashCode":…} form',
	mismatch: 'The HashCode does not match the content',
	noSecret: 'No webhook secret is set in the Exact Online credential or the node, so callbacks cannot be verified',
	noRawBody: 'The raw request body is not available, so the HashCode cannot be verified',
	badContent: 'The callback content lacks Topic, Action, Key or Division',
};

function reject(context: IWebhookFunctions, status: number, reason: keyof typeof REJECTIONS): IWebhookResponseData {
	context.logger.warn(`Exact Online Trigger rejected a callback: ${REJECTIONS[reason]}`);
	context.getResponseObject().status(status).send(REJECTIONS[reason]);
	return { noWebhookResponse: true };
}

function acknowledge(): IWebhookResponseData {
	return { webhookResponse: 'OK' };
}

function rawBodyOf(context: IWebhookFunctions): Buffer | undefined {
	const raw = (context.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return undefined;
}

/** Exact's validation ping right after subscribing is an empty POST, which must get a 2xx. */
function isValidationPing(raw: Buffer | undefined, body: unknown): boolean {
	if (raw !== undefined) return raw.toString('utf8').trim() === '';
	return body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
}

/**
 * Handles one callback: answers the validation ping, verifies the HashCode over the raw Content text,
 * drops events for other divisions or topics and repeats, and emits one item (with the record if asked).
 */
export async function receiveCallback(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const raw = rawBodyOf(context);
	if (isValidationPing(raw, context.getBodyData())) return acknowledge();
	if (raw === undefined) return reject(context, 401, 'noRawBody');

	const secret = await webhookSecret(context);
	const check = verifyExactSignature(raw, secret);
	if (!check.valid) return reject(context, check.reason === 'noSecret' ? 500 : 401, check.reason);

	const content = parseWebhookContent(check.contentText);
	if (!content) return reject(context, 400, 'badContent');
	const ignored = ignoreReason(content, await triggerDivision(context), triggerTopics(context));
	if (ignored) {
		context.logger.debug(`Exact Online Trigger ignored a ${content.Topic} event for division ${content.Division} (not subscribed ${ignored})`);
		return acknowledge();
	}

	const staticData = context.getWorkflowStaticData('node');
	const seen = Array.isArray(staticData.recentEvents) ? (staticData.recentEvents as string[]) : [];
	if (seen.includes(check.hashCode)) return acknowledge();
	const claimKey = `${context.getWorkflow().id ?? ''}:${context.getNode().name}:${check.hashCode}`;
	if (!claim(claimKey)) return acknowledge();

	let record: IDataObject | null | undefined;
	if (context.getNodeParameter('fetchRecord', false) === true && content.Action !== 'Delete') {
		try {
			record = await fetchEventRecord(context, content, parseFieldList(context.getNodeParameter('fields', '')));
		} catch (error) {
			claimed.delete(claimKey); // not taken after all: Exact's retry of this delivery may start it
			throw toNodeError(context.getNode(), error);
		}
	}
	// Remembered only once the event is ready to emit, so a delivery that failed here can be retried.
	staticData.recentEvents = [...seen, check.hashCode].slice(-REMEMBERED_EVENTS);

	const receivedAt = new Date(getClock().now()).toISOString();
	return { workflowData: [context.helpers.returnJsonArray([eventItem(content, receivedAt, record)])] };
}
