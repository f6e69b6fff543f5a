import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { sendExactRequest } from './request';
import type { SyncChanges, SyncChangesOptions } from './sync';
import { syncChanges } from './sync';
import { addItemPrices } from './itemPrices';
import { addMainContactNames } from './mainContacts';
import type { GetByValuesOptions } from './byValues';
import { getAccountsByCode, getByValues } from './byValues';
import type { ExactContext, ExactRequest } from './types';

export type { ExactContext, ExactRequest, ExactPage, SyncEntity } from './types';
export { EXACT_CREDENTIAL_TYPE } from './types';
export { getDivision } from './division';
export { withExactLane } from './lane';
export { configureExactLimits, getExactLimitSettings, getRateLimitState, resetRateLimitStates } from './rateLimit';
export type { ExactLimitSettings, RateLimitState } from './rateLimit';
export { resetTokenTracking, REFRESH_AFTER_MS } from './tokens';
export { RECONNECT_MESSAGE, forbiddenAdvice } from './errors';
export { normaliseRecord } from './normalise';
export { SYNC_ENTITIES } from './sync';
export { generalPriceRows, ITEM_PRICE_FIELD } from './itemPrices';
export type { ExactSyncEntity, SyncChanges, SyncChangesOptions } from './sync';
export * from './odata';
export { orFilterChunks, VALUES_PER_FILTER } from './byValues';
export type { GetByValuesOptions } from './byValues';

/** Pages are at most 1000 rows (bulk/sync); this bounds a Return All at ten million rows. */
const MAX_PAGES = 10_000;

/** One call: the unwrapped `d` (an entity, or the rows of ONE page), normalised. */
export async function exactRequest(
	this: ExactContext,
	request: ExactRequest,
): Promise<IDataObject | IDataObject[] | undefined> {
	return (await sendExactRequest(this, request)).records;
}

export interface ExactGetAllOptions {
	division: number;
	resource: string;
	select: string[];
	filter?: string;
	orderBy?: string;
	/** Stop after this many rows; omit for all. */
	limit?: number;
	itemIndex?: number;
	/** Extra query options, e.g. `$expand`. */
	qs?: IDataObject;
	keepMetadata?: boolean;
	/** Every page may spend the daily budget's reserve (ExactRequest.useDailyReserve). */
	useDailyReserve?: boolean;
}

/** All rows (or up to `limit`), following `__next` verbatim, one page after another. */
export async function exactGetAll(this: ExactContext, options: ExactGetAllOptions): Promise<IDataObject[]> {
	if (options.select.length === 0) {
		throw new NodeOperationError(this.getNode(), `No fields chosen for ${options.resource}`, { itemIndex: options.itemIndex });
	}
	const qs: IDataObject = { ...options.qs, $select: options.select.join(',') };
	if (options.filter) qs.$filter = options.filter;
	if (options.orderBy) qs.$orderby = options.orderBy;
	// A single look-up asks for one row instead of a page (the sync feeds ignore $top, so they are left alone).
	if (options.limit === 1 && qs.$top === undefined && !/^\/*sync\//i.test(options.resource)) qs.$top = 1;
	const rows: IDataObject[] = [];
	let next: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const result = await sendExactRequest(this, {
			method: 'GET',
			division: options.division,
			resource: options.resource,
			qs: next ? undefined : qs,
			url: next,
			itemIndex: options.itemIndex,
			keepMetadata: options.keepMetadata,
			useDailyReserve: options.useDailyReserve,
		});
		const records = result.records === undefined ? [] : Array.isArray(result.records) ? result.records : [result.records];
		for (const record of records) {
			if (options.limit !== undefined && rows.length >= options.limit) return rows;
			rows.push(record);
		}
		if (!result.next || (options.limit !== undefined && rows.length >= options.limit)) return rows;
		next = result.next;
	}
	return rows;
}

/**
 * Rows whose `field` is one of many values, asked with Exact's OR filter: one call per VALUES_PER_FILTER
 * distinct values (none for no values), each also carrying `filter` when given.
 */
export async function exactGetByValues(this: ExactContext, options: GetByValuesOptions): Promise<IDataObject[]> {
	return await getByValues(this, exactGetAll, options);
}

/** Accounts by code, matched on the padded code Exact stores; one call per VALUES_PER_FILTER codes. */
export async function exactGetAccountsByCode(
	this: ExactContext,
	options: { division: number; codes: string[]; select: string[]; itemIndex?: number },
): Promise<IDataObject[]> {
	return await getAccountsByCode(this, exactGetAll, options);
}

export async function exactCreate(
	this: ExactContext,
	division: number,
	resource: string,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const result = await sendExactRequest(this, { method: 'POST', division, resource, body, itemIndex });
	const record = Array.isArray(result.records) ? result.records[0] : result.records;
	return record ?? {};
}

/** PUT with only the fields to change (Exact merges); `resource` includes the key, e.g. (guid'…'). */
export async function exactUpdate(
	this: ExactContext,
	division: number,
	resource: string,
	body: IDataObject,
	itemIndex?: number,
): Promise<void> {
	await sendExactRequest(this, { method: 'PUT', division, resource, body, itemIndex });
}

export async function exactDelete(this: ExactContext, division: number, resource: string, itemIndex?: number): Promise<void> {
	await sendExactRequest(this, { method: 'DELETE', division, resource, itemIndex });
}

/** Accounts with their main contact's name (`MainContactFullName`), read in bulk from the contacts feed. */
export async function exactAddMainContactNames(this: ExactContext, division: number, accounts: IDataObject[], itemIndex?: number): Promise<IDataObject[]> {
	return await addMainContactNames(this, exactGetAll, division, accounts, itemIndex);
}

/** Items with their general sales price (`StandardSalesPrice`), read in bulk from the SalesItemPrices feed. */
export async function exactAddItemPrices(this: ExactContext, division: number, items: IDataObject[], itemIndex?: number): Promise<IDataObject[]> {
	return await addItemPrices(this, exactGetAll, division, items, itemIndex);
}

/** Records changed (and deleted) since a sync Timestamp, and the cursor for the next run. */
export async function exactSyncChanges(this: ExactContext, options: SyncChangesOptions): Promise<SyncChanges> {
	return await syncChanges(this, exactGetAll, options);
}

/** `entity(guid'…')` for a key, refusing anything that is not a guid. */
export function entityPath(resource: string, id: string, keyType: 'guid' | 'int' = 'guid'): string {
	const trimmed = String(id).trim();
	if (keyType === 'int') {
		if (!/^\d+$/.test(trimmed)) throw new Error(`"${id}" is not a valid numeric key`);
		return `${resource}(${trimmed})`;
	}
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)) {
		throw new Error(`"${id}" is not a valid Exact Online ID (a GUID)`);
	}
	return `${resource}(guid'${trimmed.toLowerCase()}')`;
}
