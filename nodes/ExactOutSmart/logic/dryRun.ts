/** The dry-run verdict for one order: would export, would skip (and why), or would fail (and why). */
import type { BuildOutcome, TriggerSummary, WorkorderIdentity } from './buildExport';
import type { ExactCatalog } from './exactCatalog';

export type DryRunVerdict = 'wouldExport' | 'wouldSkip' | 'wouldFail';

export interface DryRunReport {
	verdict: DryRunVerdict;
	workorder: WorkorderIdentity;
	trigger?: TriggerSummary;
	reason: string;
	problems: string[];
	invoiceLineCount?: number;
	invoiceAmountExclVat?: number;
	invoiceVatAmount?: number;
	invoiceAmountInclVat?: number;
	/** Price source, VAT code and why, what was left off: every decision the build made. */
	decisions?: string[];
	document?: boolean;
}

export function dryRunReport(outcome: BuildOutcome, catalog: ExactCatalog): DryRunReport {
	if (outcome.kind === 'skip') {
		return { verdict: 'wouldSkip', workorder: outcome.workorder, trigger: outcome.trigger, reason: outcome.reason, problems: [] };
	}
	if (outcome.kind === 'fail') {
		return {
			verdict: 'wouldFail',
			workorder: outcome.workorder,
			trigger: outcome.trigger,
			reason: `Would fail because ${outcome.problems.join('; ')}`,
			problems: outcome.problems,
		};
	}
	const { item } = outcome;
	if (item.invoice && catalog.existingYourRefs.has(item.yourRef)) {
		return {
			verdict: 'wouldSkip',
			workorder: item.workorder,
			trigger: item.trigger,
			reason: `Already exported: Exact has a sales invoice with YourRef ${item.yourRef}`,
			problems: [],
		};
	}
	const lines = item.invoice?.SalesInvoiceLines ?? [];
	return {
		verdict: 'wouldExport',
		workorder: item.workorder,
		trigger: item.trigger,
		reason: `Would export as ${item.trigger.mode}${item.invoice ? ` (invoice ${item.yourRef}, ${lines.length} lines)` : ''}${item.document ? ' with the work-order PDF' : ''}`,
		problems: [],
		...(item.invoice && item.money
			? {
					invoiceLineCount: lines.length,
					invoiceAmountExclVat: item.money.amountExclVat,
					invoiceVatAmount: item.money.vatAmount,
					invoiceAmountInclVat: item.money.amountInclVat,
				}
			: {}),
		decisions: item.decisions,
		document: item.document !== undefined,
	};
}
