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
	if (entry.entryMethod === 2) {
		if (entry.newPrice === undefined || !Number.isFinite(entry.newPrice) || entry.newPrice < 0) {
			return { kind: 'problem', problem: `price list ${list} has no readable new price for ${item.code}` };
		}
		return { kind: 'price', unitPrice: entry.newPrice, discount: 0, source };
	}
	if (entry.entryMethod === 1) {
		const discount = entry.discount ?? 0;
		if (!Number.isFinite(discount) || discount < 0 || discount > 1) {
			return { kind: 'problem', problem: `price list ${list} has an unreadable discount ${discount} for ${item.code} (a fraction between 0 and 1 is expected)` };
		}
		const base = entry.basePriceAmount ?? item.salesPrice;
		if (base === undefined || !Number.isFinite(base)) {
			return { kind: 'problem', problem: `price list ${list} gives a discount on ${item.code}, which has no sales price in Exact` };
		}
		return { kind: 'price', unitPrice: base, discount: roundTo(discount, 6), source: `${source} (${roundTo(discount * 100, 4)} % off ${base})` };
	}
	return { kind: 'problem', problem: `price list ${list} has entry method ${entry.entryMethod} for ${item.code}, which is neither 1 (discount) nor 2 (new price)` };
}
