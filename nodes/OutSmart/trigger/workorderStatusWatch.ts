import type { IDataObject } from 'n8n-workflow';

/** What the trigger watches: a main status ('Alle' = any) and/or a set of work-status codes. */
export interface StatusWatch {
	mainStatus: string;
	workStatuses: string[];
}

/** What the trigger remembers between polls (workflow static data). */
export interface WatchState {
	initialised?: boolean;
	/** Which configuration the memory belongs to; a changed configuration starts afresh. */
	watchKey?: string;
	/** Per row ID: the fingerprint of the status change that made it qualify, and when it was emitted. */
	emitted?: Record<string, { fingerprint: string; at: number }>;
}

export function watchKeyOf(watch: StatusWatch): string {
	return JSON.stringify([watch.mainStatus, [...watch.workStatuses].sort()]);
}

function rowIdOf(order: IDataObject): string {
	return String(order.id ?? order.row_id ?? order.WorkorderNo ?? '');
}

/** True when the order is in the watched main status and in one of the watched work statuses. */
export function qualifies(order: IDataObject, watch: StatusWatch): boolean {
	if (watch.mainStatus !== 'Alle' && String(order.status ?? '') !== watch.mainStatus) return false;
	if (watch.workStatuses.length > 0 && !watch.workStatuses.includes(String(order.WorkStatus ?? ''))) return false;
	return true;
}

/** The timestamp of the latest entry of the status log that moved the order into `status`. */
function lastEntryInto(order: IDataObject, status: string): string {
	const changes = Array.isArray(order.StatusChanges) ? (order.StatusChanges as IDataObject[]) : [];
	let latest = '';
	for (const change of changes) {
		if (String(change?.status ?? '') === status) latest = String(change.timestamp ?? latest);
	}
	return latest;
}

/**
 * Identifies the status change that made an order qualify: the watched status values and when the order
 * entered them. An order that leaves and re-enters gets a new fingerprint (a new log entry), and so does
 * one that moves from one watched work status to another. Changes of statuses that are not watched do
 * not change it, so e.g. a new work status on a watched Compleet order does not fire again.
 */
export function fingerprintOf(order: IDataObject, watch: StatusWatch): string {
	const parts: string[] = [];
	if (watch.mainStatus !== 'Alle') parts.push(`S:${String(order.status ?? '')}@${lastEntryInto(order, String(order.status ?? ''))}`);
	if (watch.workStatuses.length > 0) parts.push(`W:${String(order.WorkStatus ?? '')}@${lastEntryInto(order, String(order.WorkStatus ?? ''))}`);
	return parts.join('|');
}

export function withTriggerStatus(order: IDataObject): IDataObject {
	return { ...order, triggerStatus: { status: String(order.status ?? ''), workStatus: String(order.WorkStatus ?? '') } };
}

export interface PollDecision {
	emit: IDataObject[];
	state: Required<WatchState>;
}

/**
 * Decides what a poll emits and what to remember. `current` is every order that is now in the watched
 * status. The memory keeps only those orders (so it stays bounded and an order that left is forgotten).
 * On the first poll (or after the watch changed) existing orders are only remembered unless
 * `emitExisting` is set. With `reemitAfterMs` > 0 an order still waiting after that time fires again.
 */
export function decidePoll(
	current: IDataObject[],
	previous: WatchState,
	watch: StatusWatch,
	options: { emitExisting: boolean; now: number; reemitAfterMs?: number },
): PollDecision {
	const watchKey = watchKeyOf(watch);
	const fresh = !previous.initialised || previous.watchKey !== watchKey;
	const remembered = fresh ? {} : (previous.emitted ?? {});
	const emitted: Record<string, { fingerprint: string; at: number }> = {};
	const emit: IDataObject[] = [];
	for (const order of current) {
		if (!qualifies(order, watch)) continue;
		const rowId = rowIdOf(order);
		if (rowId === '' || emitted[rowId]) continue;
		const fingerprint = fingerprintOf(order, watch);
		const known = remembered[rowId];
		const isNew = fresh ? options.emitExisting : known === undefined || known.fingerprint !== fingerprint;
		const due = !fresh && !isNew && options.reemitAfterMs !== undefined && options.reemitAfterMs > 0 && options.now - known.at >= options.reemitAfterMs;
		if (isNew || due) {
			emit.push(withTriggerStatus(order));
			emitted[rowId] = { fingerprint, at: options.now };
		} else {
			emitted[rowId] = { fingerprint, at: known?.at ?? options.now };
		}
	}
	return { emit, state: { initialised: true, watchKey, emitted } };
}
