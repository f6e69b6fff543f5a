import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { exactCreate, withExactLane } from '../../transport';
import type { ItemOutcome } from '../common/types';
import { SALES_INVOICE_DEFAULT_FIELDS, SALES_INVOICE_PATH, YOUR_REF_BATCH } from './fields';
import { invoicesByYourRef } from './findByYourRef';
import type { InvoiceProcessing } from './processInvoice';
import { processSalesInvoice } from './processInvoice';

export interface InvoiceToCreate {
	itemIndex: number;
	division: number;
	yourRef: string;
	/** Look the YourRef up first and return an existing invoice instead of creating a second. */
	skipIfExists: boolean;
	body: IDataObject;
	/** Leave the created invoice as a draft (default), or process it (and e-mail it). */
	processing?: InvoiceProcessing;
}

/**
 * Processes the invoice when asked to (processInvoice.ts): a new one right after its POST, an existing one found by
 * YourRef when it is still a draft (e.g. a run that died between creating and processing it). Adds the invoice number
 * and status to the result.
 */
async function processIfAsked(context: IExecuteFunctions, division: number, invoice: InvoiceToCreate, result: IDataObject): Promise<IDataObject> {
	const processing = invoice.processing ?? 'draft';
	if (processing === 'draft' || Number(result.Status) === 50 || typeof result.InvoiceID !== 'string') return result;
	const processed = await processSalesInvoice(context, division, result.InvoiceID, processing === 'processAndSend', invoice.itemIndex);
	return { ...result, InvoiceNumber: processed.InvoiceNumber, Status: processed.Status, StatusDescription: processed.StatusDescription, processed: true, emailed: processed.emailed };
}

type Lookup = { invoices: IDataObject[] } | { error: unknown };

function skippedResult(invoice: IDataObject, yourRef: string): ItemOutcome {
	return { result: { ...invoice, skipped: true, reason: `An invoice with YourRef "${yourRef}" already exists` } };
}

/** Looks many references up, 40 per call; a failed call fails only the references it carried. */
async function lookUp(context: IExecuteFunctions, division: number, invoices: InvoiceToCreate[]): Promise<Map<string, Lookup>> {
	const firstItem = new Map<string, number>();
	for (const invoice of invoices) if (invoice.skipIfExists && !firstItem.has(invoice.yourRef)) firstItem.set(invoice.yourRef, invoice.itemIndex);
	const references = [...firstItem.keys()];
	const found = new Map<string, Lookup>();
	for (let start = 0; start < references.length; start += YOUR_REF_BATCH) {
		const batch = references.slice(start, start + YOUR_REF_BATCH);
		try {
			const rows = await invoicesByYourRef.call(context, division, batch, SALES_INVOICE_DEFAULT_FIELDS, firstItem.get(batch[0])!);
			for (const reference of batch) found.set(reference, { invoices: rows.get(reference) ?? [] });
		} catch (error) {
			for (const reference of batch) found.set(reference, { error });
		}
	}
	return found;
}

/**
 * One division's invoices inside ONE critical section: look every YourRef up, then create only the
 * missing ones, in item order. No other item or execution in this process can create an invoice for
 * the division in between, and two items with the same YourRef create one invoice.
 */
async function createInDivision(
	context: IExecuteFunctions,
	division: number,
	invoices: InvoiceToCreate[],
	outcomes: Map<number, ItemOutcome>,
	stopAtFirstError: boolean,
): Promise<boolean> {
	return await withExactLane(context, division, async () => {
		const known = await lookUp(context, division, invoices);
		for (const invoice of invoices) {
			const { itemIndex, yourRef } = invoice;
			if (invoice.skipIfExists) {
				let lookup = known.get(yourRef);
				if (lookup === undefined) {
					// An earlier item with this YourRef failed to create it, maybe after Exact stored it: ask again.
					lookup = (await lookUp(context, division, [invoice])).get(yourRef)!;
					known.set(yourRef, lookup);
				}
				if ('error' in lookup) {
					outcomes.set(itemIndex, { error: lookup.error });
					if (stopAtFirstError) return false;
					continue;
				}
				if (lookup.invoices.length > 0) {
					try {
						outcomes.set(itemIndex, skippedResult(await processIfAsked(context, division, invoice, lookup.invoices[0]), yourRef));
					} catch (error) {
						outcomes.set(itemIndex, { error });
						if (stopAtFirstError) return false;
					}
					continue;
				}
			}
			try {
				const created = await exactCreate.call(context, division, SALES_INVOICE_PATH, invoice.body, itemIndex);
				if (invoice.skipIfExists) known.set(yourRef, { invoices: [created] });
				const result = await processIfAsked(context, division, invoice, created);
				if (invoice.skipIfExists) known.set(yourRef, { invoices: [result] });
				outcomes.set(itemIndex, { result: invoice.skipIfExists ? { ...result, skipped: false } : result });
			} catch (error) {
				if (invoice.skipIfExists) known.delete(yourRef);
				outcomes.set(itemIndex, { error });
				if (stopAtFirstError) return false;
			}
		}
		return true;
	});
}

/**
 * Creates the invoices, division by division (one section at a time, never nested, so two executions
 * cannot wait on each other), and returns each item's outcome. With `stopAtFirstError`, nothing is
 * written after the first failed item.
 */
export async function createInvoices(
	context: IExecuteFunctions,
	invoices: InvoiceToCreate[],
	{ stopAtFirstError }: { stopAtFirstError: boolean },
): Promise<Map<number, ItemOutcome>> {
	const byDivision = new Map<number, InvoiceToCreate[]>();
	for (const invoice of invoices) byDivision.set(invoice.division, [...(byDivision.get(invoice.division) ?? []), invoice]);
	const outcomes = new Map<number, ItemOutcome>();
	for (const [division, group] of byDivision) {
		const completed = await createInDivision(context, division, group, outcomes, stopAtFirstError);
		if (!completed) break;
	}
	return outcomes;
}
