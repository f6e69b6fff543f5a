import type { IDataObject } from 'n8n-workflow';
import { getClock } from '../../shared/clock';
import { getByValues } from './byValues';
import { gt, odataGuid, odataInt64 } from './odata';
import type { ExactContext } from './types';

type GetAll = (
	this: ExactContext,
	options: { division: number; resource: string; select: string[]; filter?: string; itemIndex?: number },
) => Promise<IDataObject[]>;

/**
 * An item's sales price as this package reads and writes it. `StandardSalesPrice` is a GET-only field of
 * logistics/Items (Pi-Systems/exact-online src/Entity/Logistics/Items.php) that the items sync feed does not have
 * (src/Entity/Sync/Logistics/Items.php, picqer SyncItem.php); Exact silently drops it on POST/PUT (Exact staff in
 * exactonline-api-dotnet-client #56) and prices live in logistics/SalesItemPrices (picqer #334).
 */
export const ITEM_PRICE_FIELD = 'StandardSalesPrice';

/** Price rows as the SalesItemPrices sync feed has them (src/Entity/Sync/Logistics/SalesItemPrices.php). */
export const PRICE_FEED_FIELDS = ['ID', 'Item', 'Account', 'Project', 'Employee', 'Price', 'Quantity', 'StartDate', 'EndDate', 'Unit', 'DefaultItemUnit', 'Timestamp'];

const idOf = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
const instant = (value: unknown) => (typeof value === 'string' && value !== '' ? Date.parse(value) : NaN);

/**
 * The general sales price of each item among the given price rows: no customer, project or employee, valid now, in
 * the item's default unit, the lowest quantity break, the latest start. Ours: how Exact derives StandardSalesPrice
 * from the price list is not documented beyond "Standard sales price".
 */
export function generalPrices(rows: IDataObject[], now = getClock().now()): Map<string, number> {
	const prices = new Map<string, number>();
	for (const [item, row] of generalPriceRows(rows, now)) if (typeof row.Price === 'number') prices.set(item, row.Price);
	return prices;
}

/** The general price row of each item (see generalPrices). */
export function generalPriceRows(rows: IDataObject[], now = getClock().now()): Map<string, IDataObject> {
	const best = new Map<string, IDataObject>();
	for (const row of rows) {
		if (idOf(row.Account) || idOf(row.Project) || idOf(row.Employee)) continue;
		const start = instant(row.StartDate);
		const end = instant(row.EndDate);
		if (start > now || end <= now) continue;
		if (row.Unit && row.DefaultItemUnit && String(row.Unit).trim() !== String(row.DefaultItemUnit).trim()) continue;
		const item = idOf(row.Item);
		const known = best.get(item);
		const quantity = Number(row.Quantity ?? 0);
		const knownQuantity = Number(known?.Quantity ?? 0);
		if (!known || quantity < knownQuantity || (quantity === knownQuantity && (instant(row.StartDate) || 0) >= (instant(known.StartDate) || 0))) {
			best.set(item, row);
		}
	}
	return best;
}

/** Reads the price feed from a Timestamp on (`1` = everything); returns the rows and the highest Timestamp seen. */
export async function readPriceFeed(
	context: ExactContext,
	getAll: GetAll,
	division: number,
	since: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await getAll.call(context, {
		division,
		resource: 'sync/Logistics/SalesItemPrices',
		select: PRICE_FEED_FIELDS,
		filter: gt('Timestamp', odataInt64(since)),
		itemIndex,
	});
}

/** Items with their general sales price (`StandardSalesPrice`) from the whole price feed: one call per 1000 prices. */
export async function addItemPrices(context: ExactContext, getAll: GetAll, division: number, items: IDataObject[], itemIndex?: number): Promise<IDataObject[]> {
	if (items.length === 0) return items;
	const prices = generalPrices(await readPriceFeed(context, getAll, division, '1', itemIndex));
	return items.map((item) => ({ ...item, [ITEM_PRICE_FIELD]: prices.get(idOf(item.ID)) ?? null }));
}

/**
 * How many IDs one `ID eq … or …` filter names: a guid literal is longer than a code, so fewer than
 * VALUES_PER_FILTER keep the URL as short. Ours.
 */
const IDS_PER_FILTER = 25;

/**
 * Items by ID from logistics/Items, which has the price Exact derives itself: used in an incremental sync for the
 * few items whose record or price changed. One call per 25 items.
 */
export async function readItemsById(
	context: ExactContext,
	getAll: GetAll,
	division: number,
	ids: string[],
	select: string[],
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await getByValues(context, getAll, {
		division,
		resource: 'logistics/Items',
		select: [...new Set(['ID', ...select])],
		field: 'ID',
		values: ids,
		literal: odataGuid,
		perCall: IDS_PER_FILTER,
		itemIndex,
	});
}
