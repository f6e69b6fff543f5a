/**
 * Exact customer price agreements → OutSmart price rows. An agreement is a logistics/SalesItemPrices row with an
 * Account (picqer/exact-php-client src/Picqer/Financials/Exact/SalesItemPrice.php: Account, Item, Price, Quantity,
 * StartDate, EndDate, Unit, Currency); a row without one is the item's list price, not an agreement. OutSmart's
 * `/prices` rows are {material, hourtype, date_start, date_end (null = open), debtornr, price "75.00"}
 * (CloudEcosystemDev/outsmart-component lib/schemas/PostPrices.in.json). What OutSmart cannot hold (a price from a
 * quantity on, in another currency or unit, for a project or employee, below the cent) is skipped with the reason.
 */
import type { ImportResult } from './importResult';
import { formatDotDecimal } from './importResult';
import { isLabourItem } from './itemToMaterial';
import { parseDecimalText, text, trimCode } from './values';

export interface OutSmartPrice {
	material: string;
	hourtype: string;
	date_start: string;
	/** null: the agreement has no end. */
	date_end: string | null;
	debtornr: string;
	price: string;
}

/** Which fields of a mapped price agreement count as a change: all of them (see RELATION_CHANGE_FIELDS). */
export const PRICE_CHANGE_FIELDS: ReadonlyArray<keyof OutSmartPrice> = ['material', 'hourtype', 'debtornr', 'date_start', 'date_end', 'price'];

/** An Exact item as read: Code, and IsTime, ItemGroupCode and Unit decide how its agreements are carried. */
export type PriceItem = Record<string, unknown>;

export interface PriceAgreementOptions {
	/** Account ID (lower case) → the account's code as Exact pads it. */
	accountCodes: ReadonlyMap<string, string>;
	/** Item ID (lower case) → the item. */
	items: ReadonlyMap<string, PriceItem>;
	/** Item group codes that hold labour items, as the hour-type import has them; empty = items marked as time. */
	labourItemGroups: string[];
	/** The administration's currency: a row in another one is skipped. */
	currency: string;
}

const idOf = (value: unknown): string => text(value).trim().toLowerCase();

/** The calendar day of an Exact date ('2026-01-01T00:00:00.000Z' or '2026-01-01'), '' when there is none. */
function dayOf(value: unknown): string {
	const day = text(value).trim().slice(0, 10);
	return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : '';
}

/** When an agreement has no start date in Exact it has applied from the start (ours: OutSmart requires one). */
export const OPEN_START = '2000-01-01';

export function priceAgreementToPrice(row: Record<string, unknown>, options: PriceAgreementOptions): ImportResult<OutSmartPrice> {
	const itemId = idOf(row.Item);
	const item = options.items.get(itemId);
	const itemCode = trimCode(item?.Code) || trimCode(row.ItemCode);
	const subject = `Price of item ${itemCode || itemId || '(none)'}`;
	const accountId = idOf(row.Account);
	if (accountId === '') return { skip: `${subject} has no customer: it is the item's list price, not a price agreement` };
	const customer = `for ${text(row.AccountName).trim() || 'account ' + accountId}`;
	if (idOf(row.Project) !== '') return { skip: `${subject} ${customer} applies to one project only: OutSmart prices have no project` };
	if (idOf(row.Employee) !== '') return { skip: `${subject} ${customer} applies to one employee only: OutSmart prices have no employee` };
	const quantity = parseDecimalText(row.Quantity) ?? 0;
	if (quantity > 1) {
		return { skip: `${subject} ${customer} applies from a quantity of ${quantity} on: OutSmart prices have no quantity breaks, so the order keeps the price for one` };
	}
	const currency = text(row.Currency).trim().toUpperCase();
	if (currency !== '' && currency !== options.currency.trim().toUpperCase()) {
		return { skip: `${subject} ${customer} is in ${currency}: OutSmart prices have no currency, they are taken as ${options.currency}` };
	}
	const unit = text(row.Unit).trim();
	const itemUnit = text(item?.Unit ?? row.DefaultItemUnit).trim();
	if (unit !== '' && itemUnit !== '' && unit.toLowerCase() !== itemUnit.toLowerCase()) {
		return { skip: `${subject} ${customer} is per ${unit}, the item is counted per ${itemUnit}: OutSmart prices have no unit` };
	}
	const debtor = options.accountCodes.get(accountId);
	if (debtor === undefined || trimCode(debtor) === '') return { problem: `${subject} ${customer}: the account (${accountId}) is not found in Exact` };
	if (!item || itemCode === '') return { problem: `${subject} ${customer}: the item (${itemId || 'none'}) is not found in Exact` };
	const price = typeof row.Price === 'number' ? row.Price : parseDecimalText(row.Price);
	if (price === undefined || !Number.isFinite(price) || price < 0) {
		return { problem: `${subject} ${customer} has no readable price ('${text(row.Price)}')` };
	}
	if (Math.abs(Math.round(price * 100) - price * 100) > 1e-6) {
		return { skip: `${subject} ${customer} is ${price}, below the cent: OutSmart prices have two decimals, so it is not rounded into one` };
	}
	const start = dayOf(row.StartDate) || OPEN_START;
	const end = dayOf(row.EndDate);
	if (end !== '' && end < start) return { skip: `${subject} ${customer} ends (${end}) before it starts (${start})` };
	const group = trimCode(item.ItemGroupCode);
	const labour = options.labourItemGroups.length > 0 ? options.labourItemGroups.includes(group) : isLabourItem(item);
	return {
		record: {
			material: labour ? '' : itemCode,
			hourtype: labour ? itemCode : '',
			date_start: start,
			date_end: end === '' ? null : end,
			debtornr: trimCode(debtor),
			price: formatDotDecimal(price),
		},
	};
}
