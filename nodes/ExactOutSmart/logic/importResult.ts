/** What mapping one Exact record to OutSmart gives: a record to upsert, a deliberate skip, or a problem. */
export type ImportResult<T> = { record: T } | { skip: string } | { problem: string };

export function formatCommaDecimal(value: number, decimals = 2): string {
	return value.toFixed(decimals).replace('.', ',');
}

export function formatDotDecimal(value: number, decimals = 2): string {
	return value.toFixed(decimals);
}

export function flag(value: boolean): '0' | '1' {
	return value ? '1' : '0';
}

export function isTruthy(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}
