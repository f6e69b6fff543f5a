import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { failureKindOf, OperationFailure } from '../../../shared/failureDetails';
import { FailureKind } from '../../../shared/failureKinds';
import { entityPath, exactCreate, exactDelete, orFilterChunks, withExactLane } from '../../transport';
import type { ItemOutcome } from '../common/types';
import { SALES_INVOICE_DEFAULT_FIELDS, SALES_INVOICE_PATH } from './fields';
import { createdAt, createdOrder, differencesFromFound, invoicesByKeyGroup, keyGroupOf, keyIn } from './exportKey';
import { invoicesByYourRef } from './findByYourRef';
import type { InvoiceProcessing } from './processInvoice';
import { processSalesInvoice } from './processInvoice';

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
	/** Leave the created invoice as a draft (default), or process it (and e-mail it). */
	processing?: InvoiceProcessing;
}

/** What an invoice is looked up by: its export key's group, else its YourRef. */
function lookupIdOf(invoice: InvoiceToCreate): string {
	const group = invoice.exportKey ? keyGroupOf(invoice.exportKey) : undefined;
	return group ? `key:${group}` : `ref:${invoice.yourRef}`;
}

/** An invoice this execution created, by its look-up id (export key group or YourRef). */
interface CreatedHere {
	itemIndex: number;
	invoice: IDataObject;
	request: InvoiceToCreate;
}

type Lookup = { invoices: IDataObject[] } | { error: unknown };

function skippedResult(invoice: IDataObject, yourRef: string): ItemOutcome {
	return { result: { ...invoice, skipped: true, reason: `An invoice with YourRef "${yourRef}" already exists` } };
}

/**
 * Looks many references and export keys up, one OR filter per call; a failed call fails only those it carried.
 * `settle`: the look-up after creating, which may spend the daily budget's reserve (the invoices exist already).
 */
async function lookUp(context: IExecuteFunctions, division: number, invoices: InvoiceToCreate[], { settle = false } = {}): Promise<Map<string, Lookup>> {
	const firstItem = new Map<string, number>();
	for (const invoice of invoices) if (invoice.skipIfExists && !firstItem.has(lookupIdOf(invoice))) firstItem.set(lookupIdOf(invoice), invoice.itemIndex);
	const found = new Map<string, Lookup>();
	for (const kind of ['ref:', 'key:']) {
		const ids = [...firstItem.keys()].filter((id) => id.startsWith(kind));
		for (const batch of orFilterChunks(ids)) {
			const values = batch.map((id) => id.slice(kind.length));
			try {
				const rows =
					kind === 'ref:'
						? await invoicesByYourRef.call(context, division, values, SALES_INVOICE_DEFAULT_FIELDS, firstItem.get(batch[0])!, { useDailyReserve: settle })
						: await invoicesByKeyGroup.call(context, division, values, firstItem.get(batch[0])!, { useDailyReserve: settle });
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
	return {
		error: new OperationFailure(context.getNode(), message, {
			kind: FailureKind.invoiceDiffers,
			itemIndex: invoice.itemIndex,
			details: {
				exportKey: key,
				existingInvoice: { InvoiceID: found.InvoiceID, InvoiceNumber: found.InvoiceNumber ?? null },
				differences,
			},
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
		const createdHere = new Map<string, CreatedHere>();
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
	createdHere: Map<string, CreatedHere>,
): Promise<boolean> {
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
			if (invoice.skipIfExists) {
				known.set(lookupId, { invoices: [created] });
				createdHere.set(lookupId, { itemIndex, invoice: created, request: invoice });
			}
			outcomes.set(itemIndex, { result: invoice.skipIfExists ? { ...created, skipped: false } : created });
		} catch (error) {
			if (invoice.skipIfExists) known.delete(lookupId);
			outcomes.set(itemIndex, { error });
			if (stopAtFirstError) return false;
		}
	}
	return true;
}

/** An invoice as people find it in Exact: its number, or for a draft (no number yet) its ID. */
function invoiceLabel(invoice: IDataObject): string {
	return invoice.InvoiceNumber === null || invoice.InvoiceNumber === undefined ? `draft ${String(invoice.InvoiceID)}` : String(invoice.InvoiceNumber);
}

/** What the order's invoice is found by, in messages. */
function labelOf(request: InvoiceToCreate): string {
	return request.exportKey ? `export key ${request.exportKey}` : `YourRef "${request.yourRef}"`;
}

/** The order's identity and the invoices involved, for the failed item's details. */
function settleDetails(request: InvoiceToCreate, invoice: IDataObject, twins: IDataObject[] = []): IDataObject {
	const brief = (row: IDataObject) => ({ InvoiceID: row.InvoiceID, InvoiceNumber: row.InvoiceNumber ?? null, Created: row.Created ?? null });
	return {
		...(request.exportKey ? { exportKey: request.exportKey } : {}),
		yourRef: request.yourRef,
		createdInvoice: brief(invoice),
		...(twins.length > 0 ? { invoices: twins.map(brief) } : {}),
	};
}

/**
 * This execution created the order's invoice but cannot tell whether another execution created a second one at
 * the same time. The item fails (its order goes to the error status, its invoice stays a draft) instead of
 * passing with a possible duplicate: the transport already retried what can be retried, and removing this copy
 * blindly could remove the only invoice another execution reports as standing.
 */
function unsettled(context: IExecuteFunctions, request: InvoiceToCreate, invoice: IDataObject, reason: string, twins: IDataObject[] = [], cause?: unknown): OperationFailure {
	const label = labelOf(request);
	const causeDetails = cause === undefined ? {} : { cause: { kind: failureKindOf(cause, context.getNode()), message: cause instanceof Error ? cause.message : String(cause) } };
	return new OperationFailure(
		context.getNode(),
		`Invoice ${invoiceLabel(invoice)} was created for ${label}, but this execution could not check whether another execution created one at the same time: ${reason}`,
		{
			kind: FailureKind.duplicateUnsettled,
			itemIndex: request.itemIndex,
			description: `Look in Exact Online for invoices with ${label}. If there are two, remove the one created later, then export the order again: it finds the remaining invoice.`,
			details: { ...settleDetails(request, invoice, twins), ...causeDetails },
		},
	);
}

const sameId = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();

/**
 * The section above is exclusive within this process only; an execution on another n8n process (a
 * queue-mode worker) can pass its own look-up at the same moment, and Exact has no unique key on
 * YourRef or Remarks. So after creating, look the created invoices up once more (one call per OR filter) and
 * settle any duplicate by one rule every process applies alike: the oldest invoice (by Exact's Created) stands;
 * each process removes the invoices it created itself that are not the oldest, and the process whose invoice is
 * the oldest removes the younger drafts too (for a process that stopped before its own look-up). A copy this look-up
 * cannot see was created after the look-up answered, so after this execution's own copy: a later Created, a
 * younger invoice, which its own process removes. The item whose copy was removed returns the standing invoice
 * as skipped, like any existing one. When the look-up fails, does not return this execution's own copy, or
 * returns a twin without Created, the item fails (FailureKind.duplicateUnsettled) rather than passing with a
 * possible duplicate; so does a copy Exact refuses to remove, with both invoice numbers.
 */
async function settleDuplicates(
	context: IExecuteFunctions,
	division: number,
	createdHere: Map<string, CreatedHere>,
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	if (createdHere.size === 0) return;
	const created = [...createdHere.values()].map(({ request }) => ({ ...request, skipIfExists: true, body: {} }));
	const found = await lookUp(context, division, created, { settle: true });
	for (const [lookupId, { itemIndex, invoice, request }] of createdHere) {
		const label = labelOf(request);
		const lookup = found.get(lookupId);
		if (!lookup || 'error' in lookup) {
			const cause = lookup && 'error' in lookup ? lookup.error : undefined;
			const why = cause instanceof Error ? ` (${cause.message})` : '';
			outcomes.set(itemIndex, { error: unsettled(context, request, invoice, `the look-up after creating it failed${why}`, [], cause) });
			continue;
		}
		// By export key, the order's group holds its other modes too: only the same key is a duplicate.
		const twins = request.exportKey ? lookup.invoices.filter((row) => keyIn(row.Remarks) === request.exportKey) : lookup.invoices;
		const removedCopy = (standing: IDataObject): ItemOutcome => ({
			result: {
				...standing,
				skipped: true,
				reason: `An invoice with ${label} was created at the same time by another execution; that one stands and this execution's copy (invoice ${invoiceLabel(invoice)}) was removed`,
				removedDuplicate: invoice.InvoiceID,
			},
		});
		if (!twins.some((row) => sameId(row.InvoiceID, invoice.InvoiceID))) {
			// The execution whose invoice is older may have removed this copy already (see removeYoungerDrafts).
			const own = createdAt(invoice);
			const older = own === undefined ? undefined : [...twins].sort(createdOrder).find((row) => (createdAt(row) ?? Number.MAX_SAFE_INTEGER) < own);
			outcomes.set(itemIndex, older ? removedCopy(older) : { error: unsettled(context, request, invoice, 'the look-up after creating it did not return it', twins) });
			continue;
		}
		if (twins.length < 2) continue;
		if (twins.some((row) => createdAt(row) === undefined)) {
			outcomes.set(itemIndex, { error: unsettled(context, request, invoice, 'Exact returned no creation time (Created) to tell which invoice is older', twins) });
			continue;
		}
		const oldest = [...twins].sort(createdOrder)[0];
		if (sameId(oldest.InvoiceID, invoice.InvoiceID)) {
			// Only by export key: a YourRef alone may also be typed by the office on an invoice of its own.
			if (request.exportKey) await removeYoungerDrafts(context, division, request, invoice, twins, outcomes);
			continue;
		}
		const refusal = await removeInvoice(context, division, invoice, itemIndex);
		if (refusal === undefined) outcomes.set(itemIndex, removedCopy(oldest));
		else {
			outcomes.set(itemIndex, {
				error: new OperationFailure(
					context.getNode(),
					`Two invoices with ${label} exist (${invoiceLabel(oldest)} and ${invoiceLabel(invoice)}): another execution created one at the same time, and Exact refused to remove this execution's copy ${invoiceLabel(invoice)}`,
					{
						kind: FailureKind.duplicateUnsettled,
						itemIndex,
						description: `Remove invoice ${invoiceLabel(invoice)} in Exact Online by hand. ${refusal}`,
						details: { ...settleDetails(request, invoice, twins), standingInvoice: { InvoiceID: oldest.InvoiceID, InvoiceNumber: oldest.InvoiceNumber ?? null } },
					},
				),
			});
		}
	}
}

/**
 * Removes a draft and returns undefined, or why Exact refused. One another execution removed already (404)
 * counts as removed.
 */
async function removeInvoice(context: IExecuteFunctions, division: number, invoice: IDataObject, itemIndex: number): Promise<string | undefined> {
	try {
		await exactDelete.call(context, division, entityPath(SALES_INVOICE_PATH, String(invoice.InvoiceID)), itemIndex);
		return undefined;
	} catch (error) {
		return Number((error as { httpCode?: string }).httpCode) === 404 ? undefined : (error as Error).message;
	}
}

/**
 * This execution's invoice is the oldest: it also removes the younger drafts with the same export key. Their own
 * executions remove them too (a second removal finds nothing), but one that stopped between its POST and its
 * look-up never would, and its copy would stay a duplicate. A younger twin that is no longer a draft was
 * processed by hand in Exact: it is left alone and the item fails, naming both invoices.
 */
async function removeYoungerDrafts(
	context: IExecuteFunctions,
	division: number,
	request: InvoiceToCreate,
	invoice: IDataObject,
	twins: IDataObject[],
	outcomes: Map<number, ItemOutcome>,
): Promise<void> {
	const younger = twins.filter((row) => !sameId(row.InvoiceID, invoice.InvoiceID));
	const removed: unknown[] = [];
	for (const row of younger) {
		const draft = row.InvoiceNumber === null || row.InvoiceNumber === undefined || row.InvoiceNumber === '';
		const problem = draft ? await removeInvoice(context, division, row, request.itemIndex) : `Invoice ${invoiceLabel(row)} is no longer a draft.`;
		if (problem === undefined) {
			removed.push(row.InvoiceID);
		} else {
			outcomes.set(request.itemIndex, {
				error: new OperationFailure(
					context.getNode(),
					`Two invoices with ${labelOf(request)} exist (${invoiceLabel(invoice)} and ${invoiceLabel(row)}): another execution created the second one at the same time, and it could not be removed`,
					{
						kind: FailureKind.duplicateUnsettled,
						itemIndex: request.itemIndex,
						description: `Invoice ${invoiceLabel(invoice)} stands. Remove invoice ${invoiceLabel(row)} in Exact Online by hand (credit it if it was processed). ${problem}`,
						details: { ...settleDetails(request, invoice, twins), standingInvoice: { InvoiceID: invoice.InvoiceID, InvoiceNumber: invoice.InvoiceNumber ?? null } },
					},
				),
			});
			return;
		}
	}
	const outcome = outcomes.get(request.itemIndex);
	if (removed.length > 0 && outcome && 'result' in outcome) outcomes.set(request.itemIndex, { result: { ...outcome.result, removedDuplicates: removed } });
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
