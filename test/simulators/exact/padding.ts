/** Exact's fixed-width CHAR columns: Account Code is right-aligned in 18 characters, VAT and country codes are left-aligned and space-filled. */
export function padCode(value: string, width: number, align: 'left' | 'right' = 'right'): string {
	if (value.length >= width) return value;
	return align === 'right' ? value.padStart(width, ' ') : value.padEnd(width, ' ');
}
