import { formatOutSmartDecimal } from '../../OutSmart/transport/values';

/** What mapping one Exact record to OutSmart gives: a record to upsert, a deliberate skip, or a problem. */
export type ImportResult<T> = { record: T } | { skip: string } | { problem: string };

/** Material prices go with a comma ("4,55"). */
export function formatCommaDecimal(value: number, decimals = 2): string {
	return formatOutSmartDecimal(value, 'comma', decimals);
}

/** Hour-type prices go with a dot ("62.50"). */
export function formatDotDecimal(value: number, decimals = 2): string {
	return formatOutSmartDecimal(value, 'dot', decimals);
}

export function flag(value: boolean): '0' | '1' {
	return value ? '1' : '0';
}

export function isTruthy(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}
