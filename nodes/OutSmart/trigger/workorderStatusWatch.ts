import type { IDataObject } from 'n8n-workflow';

/** One status the trigger watches: a main status ('Alle' = any) with a work status ('' = any). */
export interface StatusPair {
	mainStatus: string;
	workStatus: string;
}

/**
 * What the trigger watches: the (main status, work status) pairs, and the work statuses an order of a pair
 * without a work status is not waiting in (where the export triggers move exported and failed orders).
 */
export interface StatusWatch {
	pairs: StatusPair[];
	/** Work statuses that take an order out of a pair with an empty work status (success and error statuses). */
	settledWorkStatuses?: string[];
}

/** What the trigger remembers between polls (workflow static data). */
export interface WatchState {
	initialised?: boolean;
	/** Which configuration the memory belongs to; a changed configuration starts afresh. */
	watchKey?: string;
	/** Per row ID: the fingerprint of the status change that made it qualify, and when it was emitted. */
	emitted?: Record<string, { fingerprint: string; at: number }>;
}

const ANY_MAIN_STATUS = 'Alle';

/** The watch of "Statuses Below": one main status with each chosen work status, or with any when none is chosen. */
export function watchOfStatuses(mainStatus: string, workStatuses: string[]): StatusWatch {
	const codes = [...new Set(workStatuses.map((code) => String(code).trim()).filter((code) => code !== ''))];
	return { pairs: codes.length === 0 ? [{ mainStatus, workStatus: '' }] : codes.map((workStatus) => ({ mainStatus, workStatus })) };
}

/** An export trigger as far as the watch needs it (the fields of Build Sales Invoice's "Export Triggers"). */
export interface WatchedExportTrigger {
	name?: unknown;
	status?: unknown;
	workstatus?: unknown;
	successStatus?: unknown;
	errorStatus?: unknown;
}

function trimmed(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * The watch of "Export Triggers": each distinct (main status, work status) pair the triggers name (an empty
 * main status is 'Alle'); their success and error statuses settle an order of a pair without a work status.
 * Throws a message naming the fix when the list cannot be watched.
 */
export function watchOfExportTriggers(triggers: WatchedExportTrigger[]): StatusWatch {
	if (triggers.length === 0) {
		throw new Error('The export triggers list is empty: add at least one export trigger in Build Sales Invoice');
	}
	const pairs = new Map<string, StatusPair>();
	const settled = new Set<string>();
	triggers.forEach((trigger, index) => {
		const mainStatus = trimmed(trigger.status);
		const workStatus = trimmed(trigger.workstatus);
		if (mainStatus === '' && workStatus === '') {
			const label = trimmed(trigger.name) || `#${index + 1}`;
			throw new Error(`Export trigger '${label}' has neither a main status nor a work status: choose at least one of them for it in Build Sales Invoice`);
		}
		const pair = { mainStatus: mainStatus === '' || mainStatus === 'Any' ? ANY_MAIN_STATUS : mainStatus, workStatus };
		pairs.set(pairKey(pair), pair);
		for (const code of [trimmed(trigger.successStatus), trimmed(trigger.errorStatus)]) if (code !== '') settled.add(code);
	});
	return { pairs: [...pairs.values()], settledWorkStatuses: [...settled].sort() };
}

function pairKey(pair: StatusPair): string {
	return `${pair.mainStatus}/${pair.workStatus}`;
}

/**
 * Identifies the configuration the memory belongs to. A watch of one main status keeps the key it has always
 * had ([main status, sorted work statuses]), so a workflow whose statuses did not change keeps its memory.
 */
export function watchKeyOf(watch: StatusWatch): string {
	const mains = new Set(watch.pairs.map((pair) => pair.mainStatus));
	const works = watch.pairs.map((pair) => pair.workStatus);
	const onlyAny = works.length === 1 && works[0] === '';
	if (mains.size === 1 && (onlyAny || works.every((code) => code !== ''))) {
		return JSON.stringify([watch.pairs[0].mainStatus, onlyAny ? [] : [...works].sort()]);
	}
	return JSON.stringify(['pairs', watch.pairs.map(pairKey).sort()]);
}

/**
 * The pairs worth a read: a pair is left out when another pair's read already returns every order of it
 * (the same main status with any work status, or any main status with the same work status).
 */
export function pairsToRead(watch: StatusWatch): StatusPair[] {
	const keys = new Set(watch.pairs.map(pairKey));
	const unique = [...new Map(watch.pairs.map((pair) => [pairKey(pair), pair])).values()];
	return unique.filter((pair) => {
		if (pair.workStatus !== '' && keys.has(pairKey({ mainStatus: pair.mainStatus, workStatus: '' }))) return false;
		if (pair.mainStatus !== ANY_MAIN_STATUS && keys.has(pairKey({ mainStatus: ANY_MAIN_STATUS, workStatus: pair.workStatus }))) return false;
		return true;
	});
}

function rowIdOf(order: IDataObject): string {
	return String(order.id ?? order.row_id ?? order.WorkorderNo ?? '');
}

function inPair(order: IDataObject, pair: StatusPair, settled: string[]): boolean {
	const workStatus = String(order.WorkStatus ?? '');
	if (pair.mainStatus !== ANY_MAIN_STATUS && String(order.status ?? '') !== pair.mainStatus) return false;
	if (pair.workStatus !== '') return workStatus === pair.workStatus;
	return !settled.includes(workStatus);
}

/**
 * The pair that made the order qualify, or undefined when it is in none. Where several apply, the most
 * specific wins (the one naming its work status; then the one naming its main status), as the export picks
 * its trigger.
 */
export function matchingPair(order: IDataObject, watch: StatusWatch): StatusPair | undefined {
	const settled = watch.settledWorkStatuses ?? [];
	const candidates = watch.pairs.filter((pair) => inPair(order, pair, settled));
	const rank = (pair: StatusPair) => (pair.workStatus !== '' ? 2 : 0) + (pair.mainStatus !== ANY_MAIN_STATUS ? 1 : 0);
	return candidates.sort((a, b) => rank(b) - rank(a))[0];
}

/** True when the order is in one of the watched pairs. */
export function qualifies(order: IDataObject, watch: StatusWatch): boolean {
	return matchingPair(order, watch) !== undefined;
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
 * Identifies the status change that made an order qualify: the status values its pair names and when the
 * order entered them. An order that leaves and re-enters gets a new fingerprint (a new log entry), and so
 * does one that moves from one watched pair to another. Changes of statuses its pair does not name do not
 * change it, so e.g. a new work status on an order watched in Compleet with any work status does not fire again.
 */
export function fingerprintOf(order: IDataObject, pair: StatusPair): string {
	const parts: string[] = [];
	if (pair.mainStatus !== ANY_MAIN_STATUS) parts.push(`S:${String(order.status ?? '')}@${lastEntryInto(order, String(order.status ?? ''))}`);
	if (pair.workStatus !== '') parts.push(`W:${String(order.WorkStatus ?? '')}@${lastEntryInto(order, String(order.WorkStatus ?? ''))}`);
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
 * Decides what a poll emits and what to remember. `current` is every order that is now in a watched pair.
 * The memory keeps only those orders (so it stays bounded and an order that left is forgotten). On the
 * first poll (or after the watch changed) existing orders are only remembered unless `emitExisting` is set.
 * With `reemitAfterMs` > 0 an order still waiting after that time fires again.
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
		const pair = matchingPair(order, watch);
		if (!pair) continue;
		const rowId = rowIdOf(order);
		if (rowId === '' || emitted[rowId]) continue;
		const fingerprint = fingerprintOf(order, pair);
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
