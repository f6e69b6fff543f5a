import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { exactGetByValues } from '../../transport';
import { SALES_INVOICE_PATH } from './fields';

/** Invoices per YourRef, looked up with OR filters (one call per VALUES_PER_FILTER references). */
export async function invoicesByYourRef(
	this: IExecuteFunctions,
	division: number,
	references: string[],
	select: string[],
	itemIndex: number,
	{ useDailyReserve = false }: { useDailyReserve?: boolean } = {},
): Promise<Map<string, IDataObject[]>> {
	const wanted = [...new Set(references.map((reference) => reference.trim()).filter(Boolean))];
	const found = new Map<string, IDataObject[]>(wanted.map((reference) => [reference, []]));
	const fields = [...new Set(['InvoiceID', 'YourRef', ...select])];
	const rows = await exactGetByValues.call(this, { division, resource: SALES_INVOICE_PATH, select: fields, field: 'YourRef', values: wanted, itemIndex, useDailyReserve });
	for (const row of rows) found.get(String(row.YourRef ?? '').trim())?.push(row);
	return found;
}

/** References from a parameter that may be a list, or text separated by commas or new lines. */
export function referenceList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry));
	return String(value ?? '')
		.split(/[\n,]/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}
