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

/** Exact answers a second subscription for the same URL and topic with an error [500 "Data already exists"]. */
function isAlreadyExists(error: unknown): boolean {
	const text = `${(error as Error)?.message ?? ''} ${(error as { description?: string })?.description ?? ''}`;
	return /already exists/i.test(text);
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

/**
 * Makes Exact hold exactly one subscription per chosen topic for this URL and division: removes what the
 * node subscribed before for other topics, URLs or divisions, adopts an existing subscription instead of
 * creating a second one, and removes extra copies. Static data is updated after every step, so a failure
 * halfway leaves nothing that `delete` cannot find.
 */
export async function ensureSubscriptions(context: IHookFunctions, target: SubscriptionTarget, staticData: IDataObject): Promise<void> {
	let stored = readStoredSubscriptions(staticData);
	for (const stale of stored.filter((entry) => !matchesTarget(entry, target))) {
		await removeRemote(context, stale.division, stale.id);
		stored = stored.filter((entry) => entry !== stale);
		writeStoredSubscriptions(staticData, stored);
	}

	let remote = await listRemote(context, target.division);
	for (const topic of target.topics) {
		let copies = remote.filter((row) => row.topic === topic && row.callbackUrl === target.callbackUrl);
		if (copies.length === 0) {
			try {
				const created = await exactCreate.call(context, target.division, RESOURCE, { CallbackURL: target.callbackUrl, Topic: topic });
				const id = String(created.ID ?? '').toLowerCase();
				if (id === '') {
					throw new NodeOperationError(context.getNode(), `Exact Online did not return the ID of the new ${topic} webhook subscription`);
				}
				copies = [{ id, topic, callbackUrl: target.callbackUrl }];
			} catch (error) {
				if (!isAlreadyExists(error)) throw toNodeError(context.getNode(), error);
				// Created meanwhile (or by an earlier attempt whose answer was lost): adopt it.
				remote = await listRemote(context, target.division);
				copies = remote.filter((row) => row.topic === topic && row.callbackUrl === target.callbackUrl);
				if (copies.length === 0) throw toNodeError(context.getNode(), error);
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
