/**
 * The price a customer's Exact price list gives an item (Accounts.PriceList; sales/SalesPriceListPeriods and
 * sales/SalesPriceListVolumeDiscounts, Pi-Systems/exact-online src/Entity/Sales/*.php). Exact documents the
 * price of an entry: "1. When entry method is Discount and use base price, Discounted price = (1 - Discount) *
 * BasePriceAmount; 2. When entry method is Discount and use Item's standard sales price, Discounted price =
 * (1 - Discount) * SalesItemPrices.Price; 3. When entry method is New price, Discounted price = NewPrice".
 *
 * ours (no source says how Exact picks among entries): the period that contains the order date; the item's
 * own entry before its item group's; of those, the highest volume the line's quantity reaches. An entry in
 * another unit than the item's, an unknown entry method or an unreadable discount refuses the order.
 */
import type { ExactAccountRecord, ExactItemRecord, ExactPriceListEntry } from './exactCatalog';
import { dateInRange, roundTo } from './values';

export type PriceListPrice =
	| { kind: 'none' }
	/** The line's unit price and discount (a fraction), as Exact's line fields take them. */
	| { kind: 'price'; unitPrice: number; discount: number; source: string }
	| { kind: 'problem'; problem: string };

/** Why an entry gives no price; each caller words it for its reader. */
export type EntryRefusal =
	| { reason: 'noNewPrice' }
	| { reason: 'badDiscount'; discount: number }
	| { reason: 'noBasePrice' }
	| { reason: 'unknownMethod'; method: number };

/**
 * An entry's unit price and line discount (a fraction) by Exact's formula: a new price as it is, a discount on the
 * entry's base price or, without one, on the item's standard sales price. Or why the entry gives none.
 */
export function entryPrice(entry: ExactPriceListEntry, standardPrice: number | undefined): { unitPrice: number; discount: number } | EntryRefusal {
	if (entry.entryMethod === 2) {
		const price = entry.newPrice;
		return price === undefined || !Number.isFinite(price) || price < 0 ? { reason: 'noNewPrice' } : { unitPrice: price, discount: 0 };
	}
	if (entry.entryMethod !== 1) return { reason: 'unknownMethod', method: entry.entryMethod };
	const discount = entry.discount ?? 0;
	if (!Number.isFinite(discount) || discount < 0 || discount > 1) return { reason: 'badDiscount', discount };
	const base = entry.basePriceAmount ?? standardPrice;
	if (base === undefined || !Number.isFinite(base)) return { reason: 'noBasePrice' };
	return { unitPrice: base, discount: roundTo(discount, 6) };
}

function applicable(entries: ExactPriceListEntry[], priceList: string, item: ExactItemRecord, quantity: number, orderDate: string): ExactPriceListEntry | undefined {
	const inList = entries.filter(
		(entry) => entry.priceListId === priceList && dateInRange(orderDate, entry.startDate, entry.endDate) && entry.quantity <= quantity,
	);
	const own = inList.filter((entry) => entry.itemId !== '' && entry.itemId === item.id);
	const group = inList.filter((entry) => entry.itemId === '' && entry.itemGroupCode !== '' && entry.itemGroupCode === (item.itemGroupCode ?? ''));
	const candidates = own.length > 0 ? own : group;
	return candidates.sort((a, b) => b.quantity - a.quantity)[0];
}

export function priceListPrice(
	entries: ExactPriceListEntry[],
	account: ExactAccountRecord | undefined,
	item: ExactItemRecord,
	quantity: number,
	orderDate: string,
): PriceListPrice {
	const priceList = account?.priceList ?? '';
	if (priceList === '') return { kind: 'none' };
	const entry = applicable(entries, priceList, item, Math.abs(quantity), orderDate);
	if (!entry) return { kind: 'none' };
	const list = entry.priceListCode || priceList;
	if (entry.unit !== '' && entry.unit !== item.unit) {
		return {
			kind: 'problem',
			problem: `price list ${list} prices ${item.code} per ${entry.unit}, the invoice line is in ${item.unit || 'the item\'s unit'}: price the item per ${item.unit || 'its unit'} in the list`,
		};
	}
	const volume = entry.quantity > 0 ? ` from ${entry.quantity} on` : '';
	const source = `customer ${account!.code}'s price list ${list}${volume}`;
	const price = entryPrice(entry, item.salesPrice);
	if ('unitPrice' in price) {
		const off = price.discount ? ` (${roundTo(price.discount * 100, 4)} % off ${price.unitPrice})` : '';
		return { kind: 'price', ...price, source: `${source}${off}` };
	}
	if (price.reason === 'noNewPrice') return { kind: 'problem', problem: `price list ${list} has no readable new price for ${item.code}` };
	if (price.reason === 'badDiscount') {
		return { kind: 'problem', problem: `price list ${list} has an unreadable discount ${price.discount} for ${item.code} (a fraction between 0 and 1 is expected)` };
	}
	if (price.reason === 'noBasePrice') return { kind: 'problem', problem: `price list ${list} gives a discount on ${item.code}, which has no sales price in Exact` };
	return { kind: 'problem', problem: `price list ${list} has entry method ${price.method} for ${item.code}, which is neither 1 (discount) nor 2 (new price)` };
}
