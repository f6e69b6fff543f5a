/**
 * Exact payment condition → OutSmart payment method. OutSmart only knows a description per payment method,
 * so the description carries the code first ("14 - 14 dagen") and the comparison can find it back.
 */
import type { ImportResult } from './importResult';
import { existingPaymentMethod, type ExactPaymentCondition } from './paymentConditions';
import { text, trimCode } from './values';

export interface OutSmartPaymentMethod {
	pmd_description: string;
	/** Set when the condition maps onto a method OutSmart already has: how it was matched. */
	matchedBy?: 'name' | 'days';
}

/** Which fields of a mapped payment method count as a change: its description is all it has. */
export const PAYMENT_METHOD_CHANGE_FIELDS: ReadonlyArray<keyof OutSmartPaymentMethod> = ['pmd_description'];

export function paymentMethodDescription(code: string, description: string): string {
	return description === '' || description === code ? code : `${code} - ${description}`;
}

export function exactCondition(condition: Record<string, unknown>): ExactPaymentCondition {
	const raw = condition.PaymentDays;
	const days = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
	return { code: trimCode(condition.Code), description: text(condition.Description).trim(), ...(Number.isInteger(days) ? { paymentDays: days } : {}) };
}

/**
 * The OutSmart payment method for an Exact condition: the method OutSmart already has for it (by code or
 * name, else by its days), or a new "code - description" one. `existingMethods` are OutSmart's methods,
 * `allConditions` all of Exact's (a days match must be unambiguous).
 */
export function paymentConditionToOutSmart(
	condition: Record<string, unknown>,
	existingMethods: string[] = [],
	allConditions: ExactPaymentCondition[] = [],
): ImportResult<OutSmartPaymentMethod> {
	const exact = exactCondition(condition);
	if (exact.code === '') return { problem: 'An Exact payment condition has no code' };
	const existing = existingPaymentMethod(exact, existingMethods, allConditions.length > 0 ? allConditions : [exact]);
	if (existing) return { record: { pmd_description: existing.method, matchedBy: existing.matchedBy } };
	return { record: { pmd_description: paymentMethodDescription(exact.code, exact.description) } };
}
