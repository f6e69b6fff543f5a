/**
 * Exact account → OutSmart relation. Exact pads account codes to 18 characters; OutSmart matches relations
 * by the plain debtor number, so codes are trimmed. The seed's import options are honoured: relation types
 * (Exact Status C customer, P prospect, S suspect, A none), and whether blocked accounts come along (as
 * inactive relations) or stay out.
 *
 * Exact accounts have no contact-name field, only the `MainContact` ID (picqer Account.php, bramkn
 * fieldConfigArray): the name arrives as `MainContactFullName`, added by Sync → Get Changes from the contacts
 * feed. A field Exact did not send (not selected, or no main contact named) is left out of the record, so the
 * OutSmart upsert keeps the value OutSmart has instead of blanking it.
 */
import type { ImportResult } from './importResult';
import { flag, isTruthy } from './importResult';
import { text, trimCode } from './values';

export interface OutSmartRelation {
	debtor_number: string;
	name: string;
	street: string;
	house_number: string;
	postal_code: string;
	city: string;
	country: string;
	email?: string;
	phone_number?: string;
	contact?: string;
	vat_number?: string;
	payment_condition?: string;
	active: '0' | '1';
}

/**
 * Which fields of a mapped relation count as a change: a relation OutSmart already holds with all of them
 * equal is left alone. A field the mapping left out (Exact did not send it) counts as a change. The
 * templates' "New or Changed" step matches on exactly these (test/workflows/changeFields.test.ts).
 */
export const RELATION_CHANGE_FIELDS: ReadonlyArray<keyof OutSmartRelation> = [
	'debtor_number',
	'name',
	'street',
	'house_number',
	'postal_code',
	'city',
	'country',
	'email',
	'phone_number',
	'contact',
	'vat_number',
	'payment_condition',
	'active',
];

export interface AccountImportOptions {
	/** Exact account statuses to import (e.g. ['C']). */
	relationTypes: string[];
	includeBlocked: boolean;
}

/** "Dorpsstraat 12a" → ["Dorpsstraat", "12a"]; addresses without a trailing number stay whole. */
export function splitStreet(addressLine: string): { street: string; houseNumber: string } {
	const match = /^(.*?\S)\s+(\d+\s*[A-Za-z]?(?:[-/ ]?\w{1,4})?)$/.exec(addressLine.trim());
	if (!match) return { street: addressLine.trim(), houseNumber: '' };
	return { street: match[1], houseNumber: match[2] };
}

export function accountToRelation(account: Record<string, unknown>, options: AccountImportOptions): ImportResult<OutSmartRelation> {
	const code = trimCode(account.Code);
	const name = text(account.Name).trim();
	const status = text(account.Status).trim() || 'A';
	if (!options.relationTypes.includes(status)) return { skip: `Account ${code} has relation type ${status}, which is not imported` };
	const blocked = isTruthy(account.Blocked);
	if (blocked && !options.includeBlocked) return { skip: `Account ${code} is blocked in Exact` };
	const { street, houseNumber } = splitStreet(text(account.AddressLine1));
	const record: OutSmartRelation = {
		debtor_number: code,
		name,
		street,
		house_number: houseNumber,
		postal_code: text(account.Postcode).trim(),
		city: text(account.City).trim(),
		country: trimCode(account.Country),
		active: flag(!blocked),
	};
	// Only what Exact sent: a field absent from the account is not written, so OutSmart keeps its value.
	const sent = (field: string) => account[field] !== undefined;
	if (sent('Email')) record.email = text(account.Email).trim();
	if (sent('Phone')) record.phone_number = text(account.Phone).trim();
	if (sent('VATNumber')) record.vat_number = text(account.VATNumber).trim();
	if (sent('PaymentConditionSales')) record.payment_condition = trimCode(account.PaymentConditionSales);
	const contact = text(account.MainContactFullName).trim();
	if (contact !== '') record.contact = contact;
	const missing = (['debtor_number', 'name', 'street', 'postal_code', 'city'] as const).filter((field) => record[field] === '');
	if (missing.length > 0) {
		return { problem: `Account ${code || '(no code)'} ${name} lacks what OutSmart requires for a relation: ${missing.join(', ')}` };
	}
	return { record };
}
