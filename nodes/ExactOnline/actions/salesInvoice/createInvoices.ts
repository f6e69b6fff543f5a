import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactCreate, exactDelete, withExactLane } from '../../transport';
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
		const createdHere = new Map<string, { itemIndex: number; invoice: IDataObject }>();
		let completed: boolean;
		try {
			completed = await createMissing(context, division, invoices, outcomes, stopAtFirstError, createdHere);
		} finally {
			await settleDuplicates(context, division, createdHere, outcomes);
		}
		// Processed only once duplicates are settled: a processed invoice can no longer be removed.
		return (await processWhereAsked(context, division, invoices, outcomes, stopAtFirstError)) && completed;
	});
}

/**
 * Processes the invoices whose item asks for it (processInvoice.ts): a new one, or an existing one found by YourRef
 * that is still a draft (e.g. after a run that died between creating and processing it). The item's result gets the
 * invoice number and status.
 */
async function processWhereAsked(
	context: IExecuteFunctions,
	division: number,
	invoices: InvoiceToCreate[],
	outcomes: Map<number, ItemOutcome>,
	stopAtFirstError: boolean,
): Promise<boolean> {
	for (const invoice of invoices) {
		const processing = invoice.processing ?? 'draft';
		const outcome = outcomes.get(invoice.itemIndex);
		if (processing === 'draft' || !outcome || !('result' in outcome)) continue;
		const result = outcome.result as IDataObject;
		if (Number(result.Status) === 50 || typeof result.InvoiceID !== 'string') continue;
		try {
			const processed = await processSalesInvoice(context, division, result.InvoiceID, processing === 'processAndSend', invoice.itemIndex);
			outcomes.set(invoice.itemIndex, {
				result: { ...result, InvoiceNumber: processed.InvoiceNumber, Status: processed.Status, StatusDescription: processed.StatusDescription, processed: true, emailed: processed.emailed },
			});
		} catch (error) {
			outcomes.set(invoice.itemIndex, { error });
			if (stopAtFirstError) return false;
		}
	}
	return true;
}

async function createMissing(
	context: IExecuteFunctions,
	division: number,
	invoices: InvoiceToCreate[],
	outcomes: Map<number, ItemOutcome>,
	stopAtFirstError: boolean,
	createdHere: Map<string, { itemIndex: number; invoice: IDataObject }>,
): Promise<boolean> {
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
				outcomes.set(itemIndex, skippedResult(lookup.invoices[0], yourRef));
				continue;
			}
		}
		try {
			const created = await exactCreate.call(context, division, SALES_INVOICE_PATH, invoice.body, itemIndex);
			if (invoice.skipIfExists) {
				known.set(yourRef, { invoices: [created] });
				createdHere.set(yourRef, { itemIndex, invoice: created });
			}
			outcomes.set(itemIndex, { result: invoice.skipIfExists ? { ...created, skipped: false } : created });
		} catch (error) {
			if (invoice.skipIfExists) known.delete(yourRef);
			outcomes.set(itemIndex, { error });
			if (stopAtFirstError) return false;
		}
	}
	return true;
}

/** Oldest first: by Created, then InvoiceNumber, then InvoiceID (all read-only fields Exact sets). */
/** An invoice as people find it in Exact: its number, or for a draft (no number yet) its ID. */
function invoiceLabel(invoice: IDataObject): string {
	return invoice.InvoiceNumber === null || invoice.InvoiceNumber === undefined ? `draft ${String(invoice.InvoiceID)}` : String(invoice.InvoiceNumber);
}

function createdOrder(a: IDataObject, b: IDataObject): number {
	const time = (row: IDataObject) => {
		const parsed = Date.parse(String(row.Created ?? ''));
		return Number.isNaN(parsed) ? Number.MAX_SAFE_INTEGER : parsed;
	};
	return (
		time(a) - time(b) ||
		(Number(a.InvoiceNumber) || Number.MAX_SAFE_INTEGER) - (Number(b.InvoiceNumber) || Number.MAX_SAFE_INTEGER) ||
		String(a.InvoiceID).localeCompare(String(b.InvoiceID))
	);
}

/**
 * The section above is exclusive within this process only; an execution on another n8n process (a
 * queue-mode worker) can pass its own look-up at the same moment, and Exact has no unique key on
 * YourRef. So after creating, look the created YourRefs up once more (one call per 40) and settle any
 * duplicate by one rule every process applies alike: the oldest invoice stands, and each process removes
 * only the invoices it created itself that are not the oldest. An invoice created after another
 * process's check is always younger than the one that process saw, so two processes never both keep
 * theirs. The item whose copy was removed returns the standing invoice as skipped, like any existing
 * one; a copy Exact refuses to remove fails its item with both invoice numbers.
 */
async function settleDuplicates(
	context: IExecuteFunctions,
	division: number,
	createdHere: Map<string, { itemIndex: number; invoice: IDataObject }>,
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	if (createdHere.size === 0) return;
	const created = [...createdHere.entries()].map(([yourRef, { itemIndex }]) => ({ itemIndex, division, yourRef, skipIfExists: true, body: {} }));
	const found = await lookUp(context, division, created);
	for (const [yourRef, { itemIndex, invoice }] of createdHere) {
		const lookup = found.get(yourRef);
		if (!lookup || 'error' in lookup || lookup.invoices.length < 2) continue;
		const oldest = [...lookup.invoices].sort(createdOrder)[0];
		if (oldest.InvoiceID === invoice.InvoiceID) continue;
		try {
			await exactDelete.call(context, division, entityPath(SALES_INVOICE_PATH, String(invoice.InvoiceID)), itemIndex);
			outcomes.set(itemIndex, {
				result: {
					...oldest,
					skipped: true,
					reason: `An invoice with YourRef "${yourRef}" was created at the same time by another execution; that one stands and this execution's copy (invoice ${invoiceLabel(invoice)}) was removed`,
					removedDuplicate: invoice.InvoiceID,
				},
			});
		} catch (error) {
			outcomes.set(itemIndex, {
				error: new NodeOperationError(
					context.getNode(),
					`Two invoices with YourRef "${yourRef}" exist (${invoiceLabel(oldest)} and ${invoiceLabel(invoice)}): another execution created one at the same time, and Exact refused to remove this execution's copy ${invoiceLabel(invoice)}`,
					{ itemIndex, description: `Remove invoice ${invoiceLabel(invoice)} in Exact Online by hand. ${(error as Error).message}` },
				),
			});
		}
	}
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
