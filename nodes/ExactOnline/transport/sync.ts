import type { IDataObject } from 'n8n-workflow';
import { getClock } from '../../shared/clock';
import { and, anyOf, eq, gt, odataDateTime, odataInt64, odataNumber } from './odata';
import { generalPrices, ITEM_PRICE_FIELD, readItemsById, readPriceFeed } from './itemPrices';
import type { SyncCursor } from './syncCursor';
import { FIRST_CURSOR, formatSyncCursor, laterRowVersion, parseSyncCursor } from './syncCursor';
import type { ExactContext } from './types';

/** Where each entity's incremental feed lives, and its code in sync/Deleted. */
export const SYNC_ENTITIES = {
	Accounts: { path: 'sync/CRM/Accounts', deletedType: 2 },
	Items: { path: 'sync/Logistics/Items', deletedType: 9 },
	GLAccounts: { path: 'sync/Financial/GLAccounts', deletedType: 7 },
	Contacts: { path: 'sync/CRM/Contacts', deletedType: 5 },
	SalesInvoices: { path: 'sync/SalesInvoice/SalesInvoices', deletedType: 13 },
	// Exact has no sync feed for payment conditions: the (short) list is read by Modified instead.
	PaymentConditions: { path: 'cashflow/PaymentConditions', deletedType: undefined },
} as const;

export type ExactSyncEntity = keyof typeof SYNC_ENTITIES;

export interface SyncChangesOptions {
	division: number;
	entity: ExactSyncEntity;
	select: string[];
	/** The cursor from the previous run (syncCursor.ts); empty for a first, full import. */
	sinceTimestamp?: string;
	/** Also read sync/Deleted (one more call a run); default true. */
	includeDeletions?: boolean;
	itemIndex?: number;
}

export interface SyncChanges {
	records: IDataObject[];
	deleted: IDataObject[];
	/** The cursor for the next run (see syncCursor.ts for its form). */
	nextTimestamp: string;
	/** Why this run read everything again instead of the changes, or false. */
	fullResync: FullResyncReason | false;
	/** What a full read means for the user, when there was one. */
	notice?: string;
}

type GetAll = (
	this: ExactContext,
	options: { division: number; resource: string; select: string[]; filter?: string; itemIndex?: number },
) => Promise<IDataObject[]>;

/** Keeps one row per key, the one with the highest Timestamp (sync feeds may repeat a key). */
function latestPerKey(rows: IDataObject[], keyField: string): IDataObject[] {
	const byKey = new Map<string, IDataObject>();
	for (const row of rows) {
		const key = String(row[keyField] ?? '');
		const known = byKey.get(key);
		if (!known || laterRowVersion(String(row.Timestamp ?? '0'), String(known.Timestamp ?? '0')) !== String(known.Timestamp ?? '0')) {
			byKey.set(key, row);
		}
	}
	return [...byKey.values()];
}

function highestTimestamp(rows: IDataObject[], start: string): string {
	let highest = start;
	for (const row of rows) {
		if (row.Timestamp !== undefined && row.Timestamp !== null) highest = laterRowVersion(String(row.Timestamp), highest);
	}
	return highest;
}

/**
 * sync/Deleted keeps two months (Pi-Systems/exact-online src/Entity/Sync/Deleted.php docblock); a cursor whose
 * deletions were last read longer ago may have missed some. 59 days stays inside the shortest two months.
 */
export const DELETED_LOG_KEPT_MS = 59 * 24 * 3600_000;
/**
 * How often the division's move date is checked (one call to system/Divisions). A move found later is still
 * safe: the full read that follows it delivers everything a run in between may have missed.
 */
export const MOVE_CHECK_INTERVAL_MS = 3600_000;

async function divisionMoveMarker(context: ExactContext, getAll: GetAll, division: number, itemIndex?: number): Promise<number> {
	const [row] = await getAll.call(context, {
		division,
		resource: 'system/Divisions',
		select: ['Code', 'DivisionMoveDate', 'DivisionHRLinkUnlinkDate'],
		filter: eq('Code', odataNumber(division)),
		itemIndex,
	});
	// Either date changing regenerates the Timestamps (Pi-Systems/exact-online src/Entity/System/Divisions.php,
	// picqer SystemDivision.php).
	const times = [row?.DivisionMoveDate, row?.DivisionHRLinkUnlinkDate].map((value) => (typeof value === 'string' ? Date.parse(value) : NaN));
	return Math.max(0, ...times.filter((time) => Number.isFinite(time)));
}

export type FullResyncReason = 'divisionMoved' | 'deletionLogExpired';

const RESYNC_NOTICES: Record<FullResyncReason, string> = {
	divisionMoved:
		'The Exact Online division was moved to another database, which renews every Timestamp: all records are read again. Update or insert them by ID; deletions since the last run cannot be told apart, so compare the full list with yours.',
	deletionLogExpired:
		'The last run read deletions more than two months ago and Exact Online keeps deletions for two months only: all records are read again. Records you hold that are not in this list were deleted in Exact.',
};

async function modifiedChanges(context: ExactContext, getAll: GetAll, options: SyncChangesOptions, path: string): Promise<SyncChanges> {
	// Cursor is the latest Modified seen (an instant). No deletions are reported for this entity.
	const since = options.sinceTimestamp && !Number.isNaN(Date.parse(options.sinceTimestamp)) ? options.sinceTimestamp : undefined;
	const select = [...new Set([...options.select, 'ID', 'Modified'])];
	const records = await getAll.call(context, {
		division: options.division,
		resource: path,
		select,
		filter: since ? gt('Modified', odataDateTime(since)) : undefined,
		itemIndex: options.itemIndex,
	});
	let next = since ?? new Date(0).toISOString();
	for (const record of records) {
		// Compared as instants: offsets differ across the DST change.
		if (typeof record.Modified === 'string' && Date.parse(record.Modified) > Date.parse(next)) next = record.Modified;
	}
	return { records, deleted: [], nextTimestamp: next, fullResync: false };
}

export async function syncChanges(context: ExactContext, getAll: GetAll, options: SyncChangesOptions): Promise<SyncChanges> {
	const target = SYNC_ENTITIES[options.entity];
	if (target.deletedType === undefined) return await modifiedChanges(context, getAll, options, target.path);
	const includeDeletions = options.includeDeletions !== false;
	const now = getClock().now();
	const given = parseSyncCursor(options.sinceTimestamp);
	let since: SyncCursor = given ?? FIRST_CURSOR;
	let fullResync: FullResyncReason | false = false;

	let moveMarker = since.moveMarker;
	let moveCheckedAt = since.moveCheckedAt;
	if (!given || moveCheckedAt === undefined || now - moveCheckedAt >= MOVE_CHECK_INTERVAL_MS) {
		const current = await divisionMoveMarker(context, getAll, options.division, options.itemIndex).catch(() => undefined);
		// A failed check (e.g. no rights on system/Divisions) is tried again next run; the changes are read anyway.
		if (current !== undefined) {
			if (given && moveMarker !== undefined && current !== moveMarker) fullResync = 'divisionMoved';
			moveMarker = current;
			moveCheckedAt = now;
		}
	}
	if (!fullResync && given && includeDeletions && since.deletedReadAt !== undefined && now - since.deletedReadAt > DELETED_LOG_KEPT_MS) {
		fullResync = 'deletionLogExpired';
	}
	if (fullResync) since = FIRST_CURSOR;

	// The items feed has no price (Pi-Systems/exact-online src/Entity/Sync/Logistics/Items.php): it comes from prices.
	const withPrice = options.entity === 'Items' && options.select.includes(ITEM_PRICE_FIELD);
	const keyFields = options.entity === 'SalesInvoices' ? ['ID', 'Timestamp', 'InvoiceID', 'LineNumber'] : ['ID', 'Timestamp'];
	const select = [...new Set([...options.select, ...keyFields])].filter((field) => !withPrice || field !== ITEM_PRICE_FIELD);
	const rows = await getAll.call(context, {
		division: options.division,
		resource: target.path,
		select,
		filter: gt('Timestamp', odataInt64(since.feed)),
		itemIndex: options.itemIndex,
	});
	// Read after the feed: a deletion made between the two reads is reported now, a change made then comes next run.
	const deletedReadAt = getClock().now();
	const deleted = includeDeletions
		? await getAll.call(context, {
				division: options.division,
				resource: 'sync/Deleted',
				select: ['EntityKey', 'EntityType', 'Timestamp', 'DeletedDate', 'ID'],
				filter: and(gt('Timestamp', odataInt64(since.deleted)), anyOf('EntityType', [String(target.deletedType)])),
				itemIndex: options.itemIndex,
			})
		: [];
	// The SalesInvoices feed has a row per header and per line (LineNumber 0 = header: Pi-Systems/exact-online
	// src/Entity/Sync/SalesInvoice/SalesInvoices.php); one record per invoice is its header row.
	let records = options.entity === 'SalesInvoices' ? latestPerKey(rows.filter((row) => Number(row.LineNumber ?? 0) === 0), 'InvoiceID') : latestPerKey(rows, 'ID');
	let prices = since.prices;
	if (withPrice) {
		const priced = await addPrices(context, getAll, options, records, select, since);
		records = priced.records;
		prices = priced.cursor;
	}
	const next: SyncCursor = {
		feed: highestTimestamp(rows, since.feed),
		...(prices !== undefined ? { prices } : {}),
		// Without deletions read, their cursor (and its age) stays where it was.
		deleted: includeDeletions ? highestTimestamp(deleted, since.deleted) : since.deleted,
		deletedReadAt: includeDeletions ? deletedReadAt : since.deletedReadAt ?? (given ? undefined : deletedReadAt),
		moveMarker,
		moveCheckedAt,
	};
	return {
		records,
		deleted: latestPerKey(deleted, 'EntityKey'),
		nextTimestamp: formatSyncCursor(next),
		fullResync,
		notice: fullResync ? RESYNC_NOTICES[fullResync] : undefined,
	};
}

/** Above this many changed items, an incremental run reads whole feeds instead of items by ID (ours: 10 calls). */
const MANY_CHANGED_ITEMS = 250;

/**
 * Adds each item's price and the items whose only change is a price. A full read takes the prices from the whole
 * price feed; an incremental one reads the price feed since its own cursor (an older cursor without one starts at the
 * feed's: one rowversion counts for both) and then the changed items by ID from logistics/Items, which has the price
 * Exact derives itself. Calls per run: one per 1000 changed prices, plus one per 25 changed items; above 250 changed
 * items, one per 1000 prices (and, when some items changed only their price, one per 1000 items) instead.
 */
async function addPrices(
	context: ExactContext,
	getAll: GetAll,
	options: SyncChangesOptions,
	records: IDataObject[],
	feedSelect: string[],
	since: SyncCursor,
): Promise<{ records: IDataObject[]; cursor: string }> {
	const full = since === FIRST_CURSOR || since.feed === FIRST_CURSOR.feed;
	const start = full ? '1' : since.prices ?? since.feed;
	const priceRows = await readPriceFeed(context, getAll, options.division, start, options.itemIndex);
	const cursor = highestTimestamp(priceRows, start);
	const idOf = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
	if (full) {
		const prices = generalPrices(priceRows);
		return { records: records.map((record) => ({ ...record, [ITEM_PRICE_FIELD]: prices.get(idOf(record.ID)) ?? null })), cursor };
	}
	const ids = [...new Set([...records.map((record) => idOf(record.ID)), ...priceRows.map((row) => idOf(row.Item))])].filter((id) => id !== '');
	if (ids.length === 0) return { records, cursor };
	if (ids.length > MANY_CHANGED_ITEMS) {
		// Many changes (e.g. a new price list): the whole price feed and, for items whose only change is their price,
		// the whole items feed cost fewer calls than reading every changed item by ID (one call per 25).
		const prices = generalPrices(await readPriceFeed(context, getAll, options.division, '1', options.itemIndex));
		const seenIds = new Set(records.map((record) => idOf(record.ID)));
		const priceOnly = new Set(ids.filter((id) => !seenIds.has(id)));
		const extra =
			priceOnly.size === 0
				? []
				: (
						await getAll.call(context, {
							division: options.division,
							resource: SYNC_ENTITIES.Items.path,
							select: feedSelect,
							filter: gt('Timestamp', odataInt64('1')),
							itemIndex: options.itemIndex,
						})
					).filter((row) => priceOnly.has(idOf(row.ID)));
		const all = [...records, ...latestPerKey(extra, 'ID')];
		return { records: all.map((record) => ({ ...record, [ITEM_PRICE_FIELD]: prices.get(idOf(record.ID)) ?? null })), cursor };
	}
	const restSelect = [...feedSelect.filter((field) => field !== 'Timestamp'), ITEM_PRICE_FIELD];
	const current = new Map((await readItemsById(context, getAll, options.division, ids, restSelect, options.itemIndex)).map((row) => [idOf(row.ID), row]));
	const seen = new Set(records.map((record) => idOf(record.ID)));
	const merged: IDataObject[] = records.map((record) => ({ ...record, [ITEM_PRICE_FIELD]: current.get(idOf(record.ID))?.[ITEM_PRICE_FIELD] ?? null }));
	for (const [id, row] of current) if (!seen.has(id)) merged.push(row);
	return { records: merged, cursor };
}
