import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { withFailureDetails, withFailureKind } from '../../../shared/failureDetails';
import { FailureKind } from '../../../shared/failureKinds';
import { exactCreate, withExactLane } from '../../transport';
import type { ItemOutcome } from '../common/types';
import { SALES_INVOICE_DEFAULT_FIELDS, SALES_INVOICE_PATH, YOUR_REF_BATCH } from './fields';
import { differencesFromFound, invoicesByKeyGroup, keyGroupOf } from './exportKey';
import { invoicesByYourRef } from './findByYourRef';

export interface InvoiceToCreate {
	itemIndex: number;
	division: number;
	yourRef: string;
	/** Look the YourRef up first and return an existing invoice instead of creating a second. */
	skipIfExists: boolean;
	/**
	 * The export key the invoice carries in its Remarks (`[OutSmart <row id> <mode>]`): when set, it and not
	 * YourRef finds the invoice already made for the order, and a found invoice is compared (exportKey.ts).
	 */
	exportKey?: string;
	body: IDataObject;
}

/** What an invoice is looked up by: its export key's group, else its YourRef. */
function lookupIdOf(invoice: InvoiceToCreate): string {
	const group = invoice.exportKey ? keyGroupOf(invoice.exportKey) : undefined;
	return group ? `key:${group}` : `ref:${invoice.yourRef}`;
}

type Lookup = { invoices: IDataObject[] } | { error: unknown };

function skippedResult(invoice: IDataObject, yourRef: string): ItemOutcome {
	return { result: { ...invoice, skipped: true, reason: `An invoice with YourRef "${yourRef}" already exists` } };
}

/** Looks many references and export keys up, 40 per call; a failed call fails only those it carried. */
async function lookUp(context: IExecuteFunctions, division: number, invoices: InvoiceToCreate[]): Promise<Map<string, Lookup>> {
	const firstItem = new Map<string, number>();
	for (const invoice of invoices) if (invoice.skipIfExists && !firstItem.has(lookupIdOf(invoice))) firstItem.set(lookupIdOf(invoice), invoice.itemIndex);
	const found = new Map<string, Lookup>();
	for (const kind of ['ref:', 'key:']) {
		const ids = [...firstItem.keys()].filter((id) => id.startsWith(kind));
		for (let start = 0; start < ids.length; start += YOUR_REF_BATCH) {
			const batch = ids.slice(start, start + YOUR_REF_BATCH);
			const values = batch.map((id) => id.slice(kind.length));
			try {
				const rows =
					kind === 'ref:'
						? await invoicesByYourRef.call(context, division, values, SALES_INVOICE_DEFAULT_FIELDS, firstItem.get(batch[0])!)
						: await invoicesByKeyGroup.call(context, division, values, firstItem.get(batch[0])!);
				batch.forEach((id, index) => found.set(id, { invoices: rows.get(values[index]) ?? [] }));
			} catch (error) {
				for (const id of batch) found.set(id, { error });
			}
		}
	}
	return found;
}

/** An invoice found by the order's export key: the same means already exported; different is refused. */
async function foundByKey(context: IExecuteFunctions, division: number, invoice: InvoiceToCreate, invoices: IDataObject[]): Promise<ItemOutcome> {
	const key = invoice.exportKey!;
	const { invoice: found, differences } = await differencesFromFound(context, division, key, invoice.body, invoices, invoice.itemIndex);
	if (differences.length === 0) {
		return { result: { ...found, skipped: true, reason: `Exact already has the invoice for ${key} (invoice ${String(found.InvoiceNumber ?? found.InvoiceID)})` } };
	}
	const message = `Exact already has an invoice for ${key} that differs from the order now: ${differences.join('; ')}. Credit that invoice in Exact and export the order again, or correct the invoice in Exact`;
	const error = new NodeOperationError(context.getNode(), message, { itemIndex: invoice.itemIndex });
	return {
		error: withFailureDetails(withFailureKind(error, FailureKind.invoiceDiffers), {
			exportKey: key,
			existingInvoice: { InvoiceID: found.InvoiceID, InvoiceNumber: found.InvoiceNumber ?? null },
			differences,
		}),
	};
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
			const lookupId = lookupIdOf(invoice);
			if (invoice.skipIfExists) {
				let lookup = known.get(lookupId);
				if (lookup === undefined) {
					// An earlier item with this YourRef failed to create it, maybe after Exact stored it: ask again.
					lookup = (await lookUp(context, division, [invoice])).get(lookupId)!;
					known.set(lookupId, lookup);
				}
				if ('error' in lookup) {
					outcomes.set(itemIndex, { error: lookup.error });
					if (stopAtFirstError) return false;
					continue;
				}
				if (lookup.invoices.length > 0) {
					let outcome: ItemOutcome;
					try {
						outcome = lookupId.startsWith('key:') ? await foundByKey(context, division, invoice, lookup.invoices) : skippedResult(lookup.invoices[0], yourRef);
					} catch (error) {
						outcome = { error };
					}
					outcomes.set(itemIndex, outcome);
					if ('error' in outcome && stopAtFirstError) return false;
					continue;
				}
			}
			try {
				const created = await exactCreate.call(context, division, SALES_INVOICE_PATH, invoice.body, itemIndex);
				if (invoice.skipIfExists) known.set(lookupId, { invoices: [created] });
				outcomes.set(itemIndex, { result: invoice.skipIfExists ? { ...created, skipped: false } : created });
			} catch (error) {
				if (invoice.skipIfExists) known.delete(lookupId);
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
