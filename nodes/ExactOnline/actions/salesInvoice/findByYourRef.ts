import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { anyOf, exactGetAll, odataString } from '../../transport';
import { SALES_INVOICE_PATH, YOUR_REF_BATCH } from './fields';

/** Invoices per YourRef, looked up in batches of OR filters (one call per 40 references). */
export async function invoicesByYourRef(
	this: IExecuteFunctions,
	division: number,
	references: string[],
	select: string[],
	itemIndex: number,
): Promise<Map<string, IDataObject[]>> {
	const wanted = [...new Set(references.map((reference) => reference.trim()).filter(Boolean))];
	const found = new Map<string, IDataObject[]>(wanted.map((reference) => [reference, []]));
	const fields = [...new Set(['InvoiceID', 'YourRef', ...select])];
	for (let start = 0; start < wanted.length; start += YOUR_REF_BATCH) {
		const batch = wanted.slice(start, start + YOUR_REF_BATCH);
		const rows = await exactGetAll.call(this, {
			division,
			resource: SALES_INVOICE_PATH,
			select: fields,
			filter: anyOf('YourRef', batch.map(odataString)),
			itemIndex,
		});
		for (const row of rows) {
			const reference = String(row.YourRef ?? '').trim();
			found.get(reference)?.push(row);
		}
	}
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
