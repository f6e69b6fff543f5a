/**
 * The cursor of one entity's sync: Exact's `Timestamp` is one rowversion across the entity feed and sync/Deleted,
 * so the two reads keep separate cursors (as Exact's own sample does: exactonline-api-dotnet-sync-demo,
 * Process/DeletedProcess.cs); taking the larger of both would skip a change made between the two reads.
 * It also remembers the division's `DivisionMoveDate` (a move to another database regenerates every Timestamp)
 * and when deletions were last read (sync/Deleted keeps two months).
 *
 * Items with their price also keep the Timestamp of the SalesItemPrices feed (`p`): a price has its own row and
 * Timestamp, so an item whose only change is its price is not in the items feed.
 *
 * As text (what users see as `nextTimestamp`): `t=<feed>;d=<deleted>;p=<prices>;r=<deletions read at>;m=<move
 * date>;c=<move checked at>`, times in epoch ms. A plain number (an older cursor) is accepted as both Timestamps.
 */
export interface SyncCursor {
	feed: string;
	deleted: string;
	/** Timestamp of the sync/Logistics/SalesItemPrices feed, for items read with their price. */
	prices?: string;
	/** When sync/Deleted was last read from this cursor's deleted Timestamp on (epoch ms). */
	deletedReadAt?: number;
	/** `DivisionMoveDate` (epoch ms; 0 = never moved) seen when the cursor was made; undefined = unknown. */
	moveMarker?: number;
	/** When the division's move date was last checked (epoch ms). */
	moveCheckedAt?: number;
}

export const FIRST_CURSOR: SyncCursor = { feed: '1', deleted: '1' };

const isRowVersion = (value: string | undefined): boolean => value !== undefined && /^\d+$/.test(value);

function optionalNumber(value: string | undefined): number | undefined {
	return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Reads a cursor text; undefined for empty or unreadable text (a first, full import). */
export function parseSyncCursor(text: string | undefined): SyncCursor | undefined {
	const trimmed = String(text ?? '').trim();
	if (isRowVersion(trimmed)) return { feed: trimmed, deleted: trimmed };
	const parts = new Map<string, string>();
	for (const part of trimmed.split(';')) {
		const [key, value] = part.split('=');
		if (value !== undefined) parts.set(key.trim(), value.trim());
	}
	const feed = parts.get('t');
	if (feed === undefined || !isRowVersion(feed)) return undefined;
	const deleted = parts.get('d');
	const prices = parts.get('p');
	return {
		feed,
		deleted: deleted !== undefined && isRowVersion(deleted) ? deleted : feed,
		...(prices !== undefined && isRowVersion(prices) ? { prices } : {}),
		deletedReadAt: optionalNumber(parts.get('r')),
		moveMarker: optionalNumber(parts.get('m')),
		moveCheckedAt: optionalNumber(parts.get('c')),
	};
}

export function formatSyncCursor(cursor: SyncCursor): string {
	const parts = [`t=${cursor.feed}`, `d=${cursor.deleted}`];
	if (cursor.prices !== undefined) parts.push(`p=${cursor.prices}`);
	if (cursor.deletedReadAt !== undefined) parts.push(`r=${cursor.deletedReadAt}`);
	if (cursor.moveMarker !== undefined) parts.push(`m=${cursor.moveMarker}`);
	if (cursor.moveCheckedAt !== undefined) parts.push(`c=${cursor.moveCheckedAt}`);
	return parts.join(';');
}

/** The larger of two rowversions. */
export function laterRowVersion(a: string, b: string): string {
	try {
		return BigInt(a) >= BigInt(b) ? a : b;
	} catch {
		return a;
	}
}
