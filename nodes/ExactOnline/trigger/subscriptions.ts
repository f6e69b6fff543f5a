import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactCreate, exactDelete, exactGetAll } from '../transport';
import { toNodeError } from '../../shared/nodeError';

const RESOURCE = 'webhooks/WebhookSubscriptions';

/** What the node remembers per subscription (in the node's static data), so it can check and remove it. */
export interface StoredSubscription {
	id: string;
	topic: string;
	division: number;
	callbackUrl: string;
}

/** What the node wants subscribed right now. */
export interface SubscriptionTarget {
	division: number;
	topics: string[];
	callbackUrl: string;
}

interface RemoteSubscription {
	id: string;
	topic: string;
	callbackUrl: string;
}

interface SubscriptionState extends IDataObject {
	subscriptions?: IDataObject[];
}

export function readStoredSubscriptions(staticData: IDataObject): StoredSubscription[] {
	const list = (staticData as SubscriptionState).subscriptions;
	if (!Array.isArray(list)) return [];
	return list
		.map((entry) => ({
			id: String(entry.id ?? ''),
			topic: String(entry.topic ?? ''),
			division: Number(entry.division),
			callbackUrl: String(entry.callbackUrl ?? ''),
		}))
		.filter((entry) => entry.id !== '' && entry.topic !== '' && Number.isInteger(entry.division));
}

export function writeStoredSubscriptions(staticData: IDataObject, subscriptions: StoredSubscription[]): void {
	if (subscriptions.length === 0) {
		delete staticData.subscriptions;
		return;
	}
	staticData.subscriptions = subscriptions.map((entry) => ({ ...entry }));
}

function matchesTarget(entry: StoredSubscription, target: SubscriptionTarget): boolean {
	return entry.division === target.division && entry.callbackUrl === target.callbackUrl && target.topics.includes(entry.topic);
}

function httpCodeOf(error: unknown): string | undefined {
	const code = (error as { httpCode?: unknown })?.httpCode;
	return code === undefined || code === null ? undefined : String(code);
}

async function listRemote(context: IHookFunctions, division: number): Promise<RemoteSubscription[]> {
	// Exact shows an app only its own subscriptions, so the list is short; matching happens here, not in a $filter.
	const rows = await exactGetAll.call(context, { division, resource: RESOURCE, select: ['ID', 'CallbackURL', 'Topic'] });
	return rows.map((row) => ({
		id: String(row.ID ?? '').toLowerCase(),
		topic: String(row.Topic ?? ''),
		callbackUrl: String(row.CallbackURL ?? ''),
	}));
}

/** Removes one subscription; one that is already gone (404) counts as removed, anything else is an error. */
async function removeRemote(context: IHookFunctions, division: number, id: string): Promise<void> {
	try {
		await exactDelete.call(context, division, entityPath(RESOURCE, id));
	} catch (error) {
		if (httpCodeOf(error) === '404') return;
		throw toNodeError(context.getNode(), error);
	}
}

/**
 * True when every chosen topic has the subscription the node remembers, still present in Exact for
 * this division and webhook URL. Entries that are gone from Exact are forgotten.
 */
export async function subscriptionsExist(context: IHookFunctions, target: SubscriptionTarget, staticData: IDataObject): Promise<boolean> {
	const stored = readStoredSubscriptions(staticData);
	if (stored.length === 0) return false;
	if (!stored.every((entry) => matchesTarget(entry, target))) return false;
	const remote = await listRemote(context, target.division);
	const present = stored.filter((entry) =>
		remote.some((row) => row.id === entry.id.toLowerCase() && row.callbackUrl === entry.callbackUrl && row.topic === entry.topic),
	);
	writeStoredSubscriptions(staticData, present);
	return target.topics.every((topic) => present.some((entry) => entry.topic === topic));
}

export interface SubscriptionPolicy {
	/** Whether a callback URL is this trigger's own (its production or test URL, or an earlier n8n address). */
	ownsUrl(url: string): boolean;
	/** Remove another workflow's subscription to a topic instead of refusing. */
	takeOver: boolean;
	/** Where to note subscriptions of this trigger that were replaced, so `restoreReplaced` can put them back. */
	replaced?: IDataObject;
}

const sameTopic = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function foreignTopicError(context: IHookFunctions, target: SubscriptionTarget, holders: RemoteSubscription[]): NodeOperationError {
	const list = holders.map((row) => `${row.topic} → ${row.callbackUrl}`).join('; ');
	return new NodeOperationError(
		context.getNode(),
		`Exact Online already sends ${holders.map((row) => row.topic).join(', ')} of division ${target.division} to another workflow`,
		{
			description: `Exact Online allows one webhook subscription per topic for an app and division, and these are taken: ${list}. That URL is not this trigger's (another workflow or another n8n uses the same Exact app). Deactivate that workflow first, or switch on Options → Take Over Subscriptions to move them here (the other workflow then stops receiving these events).`,
		},
	);
}

function noteReplaced(policy: SubscriptionPolicy, entry: { topic: string; division: number; callbackUrl: string }): void {
	if (!policy.replaced) return;
	const list = Array.isArray(policy.replaced.entries) ? (policy.replaced.entries as IDataObject[]) : [];
	policy.replaced.entries = [...list.filter((known) => !(known.topic === entry.topic && known.division === entry.division)), { ...entry }];
}

/**
 * Makes Exact hold exactly one subscription per chosen topic for this URL and division. Exact allows one per topic
 * for an app and division (a second, even for another URL, is refused: 500 "Gegeven bestaat reeds."), so a
 * subscription of this trigger to another URL (production vs test, or an old n8n address) is replaced, one of
 * another workflow is refused with a clear message unless taking over is asked for, and nothing is changed before
 * that check passed. It also removes what the node subscribed before for other topics or divisions, adopts an
 * existing subscription instead of creating a second one, and removes extra copies. Static data is updated after
 * every step, so a failure halfway leaves nothing that `delete` cannot find.
 */
export async function ensureSubscriptions(
	context: IHookFunctions,
	target: SubscriptionTarget,
	staticData: IDataObject,
	policy: SubscriptionPolicy = { ownsUrl: () => false, takeOver: false },
): Promise<void> {
	let remote = await listRemote(context, target.division);
	const held = (topic: string) => remote.filter((row) => sameTopic(row.topic, topic) && row.callbackUrl !== target.callbackUrl);
	if (!policy.takeOver) {
		const foreign = target.topics.flatMap(held).filter((row) => !policy.ownsUrl(row.callbackUrl));
		if (foreign.length > 0) throw foreignTopicError(context, target, foreign);
	}

	let stored = readStoredSubscriptions(staticData);
	for (const stale of stored.filter((entry) => !matchesTarget(entry, target))) {
		await removeRemote(context, stale.division, stale.id);
		stored = stored.filter((entry) => entry !== stale);
		writeStoredSubscriptions(staticData, stored);
	}

	for (const topic of target.topics) {
		for (const other of held(topic)) {
			await removeRemote(context, target.division, other.id);
			if (policy.ownsUrl(other.callbackUrl)) noteReplaced(policy, { topic: other.topic, division: target.division, callbackUrl: other.callbackUrl });
		}
		remote = remote.filter((row) => !(sameTopic(row.topic, topic) && row.callbackUrl !== target.callbackUrl));
		let copies = remote.filter((row) => sameTopic(row.topic, topic) && row.callbackUrl === target.callbackUrl);
		if (copies.length === 0) {
			try {
				const created = await exactCreate.call(context, target.division, RESOURCE, { CallbackURL: target.callbackUrl, Topic: topic });
				const id = String(created.ID ?? '').toLowerCase();
				if (id === '') {
					throw new NodeOperationError(context.getNode(), `Exact Online did not return the ID of the new ${topic} webhook subscription`);
				}
				copies = [{ id, topic, callbackUrl: target.callbackUrl }];
			} catch (error) {
				// "Gegeven bestaat reeds." (in the user's language): someone subscribed the topic meanwhile, or an
				// earlier attempt whose answer was lost did. Adopt it when it is ours; say who holds it otherwise.
				remote = await listRemote(context, target.division);
				copies = remote.filter((row) => sameTopic(row.topic, topic) && row.callbackUrl === target.callbackUrl);
				if (copies.length === 0) {
					const holders = held(topic);
					if (holders.length > 0 && !policy.ownsUrl(holders[0].callbackUrl)) throw foreignTopicError(context, target, holders);
					throw toNodeError(context.getNode(), error);
				}
			}
		}
		const [kept, ...extras] = copies;
		stored = [
			...stored.filter((entry) => entry.topic !== topic),
			{ id: kept.id, topic, division: target.division, callbackUrl: target.callbackUrl },
		];
		writeStoredSubscriptions(staticData, stored);
		for (const extra of extras) await removeRemote(context, target.division, extra.id);
	}
}

/**
 * Puts back the subscriptions of this trigger that a test session replaced (the production URL while the workflow
 * is active), and points the production record at the new IDs.
 */
export async function restoreReplaced(context: IHookFunctions, replaced: IDataObject, productionData: IDataObject): Promise<void> {
	const entries = Array.isArray(replaced.entries) ? (replaced.entries as IDataObject[]) : [];
	let production = readStoredSubscriptions(productionData);
	for (const entry of entries) {
		const topic = String(entry.topic);
		const division = Number(entry.division);
		const callbackUrl = String(entry.callbackUrl);
		const created = await exactCreate.call(context, division, RESOURCE, { CallbackURL: callbackUrl, Topic: topic });
		const id = String(created.ID ?? '').toLowerCase();
		production = production.map((known) => (known.topic === topic && known.division === division && known.callbackUrl === callbackUrl ? { ...known, id } : known));
		writeStoredSubscriptions(productionData, production);
		replaced.entries = (replaced.entries as IDataObject[]).filter((known) => known !== entry);
	}
	delete replaced.entries;
}

/**
 * Removes every subscription the node made, and any other subscription of this app to the node's webhook
 * URL in the current division (left behind by an activation that failed halfway). 404 means already gone.
 */
export async function removeSubscriptions(context: IHookFunctions, callbackUrl: string, division: number | undefined, staticData: IDataObject): Promise<void> {
	let remaining = readStoredSubscriptions(staticData);
	const failures: unknown[] = [];
	for (const entry of [...remaining]) {
		try {
			await removeRemote(context, entry.division, entry.id);
			remaining = remaining.filter((candidate) => candidate !== entry);
		} catch (error) {
			failures.push(error);
		}
	}
	writeStoredSubscriptions(staticData, remaining);
	if (division !== undefined && failures.length === 0) {
		const orphans = (await listRemote(context, division)).filter((row) => row.callbackUrl === callbackUrl);
		for (const orphan of orphans) await removeRemote(context, division, orphan.id);
	}
	if (failures.length > 0) throw failures[0];
}
