/**
 * Exact price lists → price agreements per customer, in the shape of a SalesItemPrices row, so that
 * priceAgreementToPrice carries them into OutSmart's prices like any other agreement. A customer uses the list
 * its account names (Accounts.PriceList); an entry prices one item, or every item of an item group
 * (sales/SalesPriceListVolumeDiscounts, Pi-Systems/exact-online src/Entity/Sales/*.php), with the entry's price
 * as Exact documents it ("(1 - Discount) * BasePriceAmount", or NewPrice). Ours, as in priceList.ts: the item's
 * own entry before its group's; an entry from a quantity on stays a quantity break (skipped by the mapping).
 */
import type { ExactPriceListEntry } from './exactCatalog';
import { entryPrice } from './priceList';
import { roundTo, text } from './values';

export interface PriceListCustomer {
	id: string;
	name: string;
	priceList: string;
}

/** An Exact item as the mapping reads it (ID, Code, ItemGroupCode, Unit, StandardSalesPrice, IsTime). */
export type PriceListItem = Record<string, unknown>;

const idOf = (value: unknown): string => text(value).trim().toLowerCase();

/** The entry's net price for the item (what OutSmart's price holds), or why it has none. */
function netPrice(entry: ExactPriceListEntry, item: PriceListItem): number | string {
	const price = entryPrice(entry, typeof item.StandardSalesPrice === 'number' ? item.StandardSalesPrice : undefined);
	if ('unitPrice' in price) return roundTo(price.unitPrice * (1 - price.discount), 6);
	if (price.reason === 'noNewPrice') return 'it has no new price';
	if (price.reason === 'unknownMethod') return `its entry method ${price.method} is neither 1 (discount) nor 2 (new price)`;
	if (price.reason === 'badDiscount') return `its discount ${price.discount} is not a fraction between 0 and 1`;
	return 'it gives a discount on an item without a sales price';
}

/**
 * One SalesItemPrices-shaped row per customer, item and list entry (period), or a skip with its reason. Rows of
 * one list are made for every customer linked to it.
 */
export function priceListAgreementRows(
	customers: PriceListCustomer[],
	entries: ExactPriceListEntry[],
	items: PriceListItem[],
): Array<{ row: Record<string, unknown> } | { skip: string; id: string }> {
	const results: Array<{ row: Record<string, unknown> } | { skip: string; id: string }> = [];
	for (const customer of customers) {
		const listEntries = entries.filter((entry) => idOf(entry.priceListId) === idOf(customer.priceList));
		for (const entry of listEntries) {
			const covered = entry.itemId
				? items.filter((item) => idOf(item.ID) === idOf(entry.itemId))
				: items.filter(
						(item) =>
							entry.itemGroupCode !== '' &&
							text(item.ItemGroupCode).trim() === entry.itemGroupCode &&
							// The item's own entry in the same period wins over its group's.
							!listEntries.some((own) => idOf(own.itemId) === idOf(item.ID) && own.startDate === entry.startDate && own.endDate === entry.endDate),
					);
			for (const item of covered) {
				const price = netPrice(entry, item);
				const subject = `Price list ${entry.priceListCode || entry.priceListId} for item ${text(item.Code).trim()} and ${customer.name || customer.id}`;
				if (typeof price === 'string') {
					results.push({ skip: `${subject}: ${price}`, id: `${entry.priceListId}/${text(item.ID)}/${customer.id}` });
					continue;
				}
				results.push({
					row: {
						ID: `${entry.priceListId}/${text(item.ID)}/${customer.id}`,
						Account: customer.id,
						AccountName: customer.name,
						Item: item.ID,
						ItemCode: item.Code,
						Price: price,
						Quantity: entry.quantity,
						Unit: entry.unit,
						StartDate: entry.startDate,
						EndDate: entry.endDate,
					},
				});
			}
		}
	}
	return results;
}
