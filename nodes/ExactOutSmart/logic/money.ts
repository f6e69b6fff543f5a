/**
 * Money to the cent, the same way in the dry run and in the invoice Exact books. A line's amount is
 * quantity × unit price × (1 − discount), rounded half away from zero to cents; its VAT is the line amount
 * × the VAT code's percentage, rounded the same way; the invoice totals are the sums of the rounded lines.
 * ours: Exact documents the fields (SalesInvoiceLines AmountFC "the amount excluding VAT", VATAmountFC,
 * Discount) but not its rounding; half away from zero per line is our reading, and the Exact simulator
 * follows the same rule (test/simulators/exact/salesInvoices.ts).
 */

/** Rounds to cents, half away from zero, after removing binary noise (2.675 stays 2.68, not 2.67). */
export function toCents(value: number): number {
	const clean = Number(value.toPrecision(12));
	return (Math.sign(clean) * Math.round(Math.abs(clean) * 100)) / 100;
}

export function lineAmount(quantity: number, unitPrice: number, discount = 0): number {
	return toCents(quantity * unitPrice * (1 - discount));
}

export function lineVat(amount: number, percentage: number): number {
	return toCents(amount * percentage);
}

export interface InvoiceAmounts {
	amountExclVat: number;
	vatAmount: number;
	amountInclVat: number;
}

export function invoiceAmounts(lines: Array<{ amount: number; vat: number }>): InvoiceAmounts {
	const amountExclVat = toCents(lines.reduce((sum, line) => sum + line.amount, 0));
	const vatAmount = toCents(lines.reduce((sum, line) => sum + line.vat, 0));
	return { amountExclVat, vatAmount, amountInclVat: toCents(amountExclVat + vatAmount) };
}
