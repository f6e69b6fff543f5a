import type { IDataObject } from 'n8n-workflow';
import { and, anyOf, gt, odataDateTime, odataInt64 } from './odata';
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
	/** The cursor from the previous run; empty for a first, full import. */
	sinceTimestamp?: string;
	/** Also read sync/Deleted (one more call a run); default true. */
	includeDeletions?: boolean;
	itemIndex?: number;
}

export interface SyncChanges {
	records: IDataObject[];
	deleted: IDataObject[];
	nextTimestamp: string;
}

type GetAll = (
	this: ExactContext,
	options: { division: number; resource: string; select: string[]; filter?: string; itemIndex?: number },
) => Promise<IDataObject[]>;

function biggest(a: string, b: string): string {
	try {
		return BigInt(a) >= BigInt(b) ? a : b;
	} catch {
		return a;
	}
}

/** Keeps one row per key, the one with the highest Timestamp (sync feeds may repeat a key). */
function latestPerKey(rows: IDataObject[], keyField: string): IDataObject[] {
	const byKey = new Map<string, IDataObject>();
	for (const row of rows) {
		const key = String(row[keyField] ?? '');
		const known = byKey.get(key);
		if (!known || biggest(String(row.Timestamp ?? '0'), String(known.Timestamp ?? '0')) !== String(known.Timestamp ?? '0')) {
			byKey.set(key, row);
		}
	}
	return [...byKey.values()];
}

const isTimestamp = (value: string | undefined): value is string => !!value && /^\d+$/.test(value);

export async function syncChanges(context: ExactContext, getAll: GetAll, options: SyncChangesOptions): Promise<SyncChanges> {
	const target = SYNC_ENTITIES[options.entity];
	if (target.deletedType === undefined) {
		// Cursor is the latest Modified seen (ISO). No deletions are reported for this entity.
		const since = options.sinceTimestamp && !Number.isNaN(Date.parse(options.sinceTimestamp)) ? options.sinceTimestamp : undefined;
		const select = [...new Set([...options.select, 'ID', 'Modified'])];
		const records = await getAll.call(context, {
			division: options.division,
			resource: target.path,
			select,
			filter: since ? gt('Modified', odataDateTime(since)) : undefined,
			itemIndex: options.itemIndex,
		});
		let next = since ?? new Date(0).toISOString();
		for (const record of records) {
			if (typeof record.Modified === 'string' && record.Modified > next) next = record.Modified;
		}
		return { records, deleted: [], nextTimestamp: next };
	}
	const since = isTimestamp(options.sinceTimestamp) ? options.sinceTimestamp : '1';
	const select = [...new Set([...options.select, 'ID', 'Timestamp'])];
	const rows = await getAll.call(context, {
		division: options.division,
		resource: target.path,
		select,
		filter: gt('Timestamp', odataInt64(since)),
		itemIndex: options.itemIndex,
	});
	const deleted =
		options.includeDeletions === false
			? []
			: await getAll.call(context, {
					division: options.division,
					resource: 'sync/Deleted',
					select: ['EntityKey', 'EntityType', 'Timestamp', 'DeletedDate', 'ID'],
					filter: and(gt('Timestamp', odataInt64(since)), anyOf('EntityType', [String(target.deletedType)])),
					itemIndex: options.itemIndex,
				});
	let next = since;
	for (const row of [...rows, ...deleted]) {
		if (row.Timestamp !== undefined && row.Timestamp !== null) next = biggest(String(row.Timestamp), next);
	}
	return { records: latestPerKey(rows, 'ID'), deleted: latestPerKey(deleted, 'EntityKey'), nextTimestamp: next };
}
