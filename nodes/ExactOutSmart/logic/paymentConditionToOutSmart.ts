/**
 * Exact payment condition → OutSmart payment method. OutSmart only knows a description per payment method,
 * so the description carries the code first ("14 - 14 dagen") and the comparison can find it back.
 */
import type { ImportResult } from './importResult';
import { text, trimCode } from './values';

export interface OutSmartPaymentMethod {
	pmd_description: string;
}

export function paymentMethodDescription(code: string, description: string): string {
	return description === '' || description === code ? code : `${code} - ${description}`;
}

export function paymentConditionToOutSmart(condition: Record<string, unknown>): ImportResult<OutSmartPaymentMethod> {
	const code = trimCode(condition.Code);
	if (code === '') return { problem: 'An Exact payment condition has no code' };
	return { record: { pmd_description: paymentMethodDescription(code, text(condition.Description).trim()) } };
}
