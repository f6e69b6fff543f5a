/** The dry-run verdict for one order: would export, would skip (and why), or would fail (and why). */
import type { BuildOutcome, TriggerSummary, WorkorderIdentity } from './buildExport';
import { exportKeyGroupOf } from './buildExport';
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
			...(outcome.decisions ? { decisions: outcome.decisions } : {}),
		};
	}
	const { item } = outcome;
	const earlier = item.invoice && item.exportKey ? catalog.existingByKeyGroup.get(exportKeyGroupOf(item.exportKey)) ?? [] : [];
	if (earlier.length > 0) {
		const same = earlier.find((invoice) => invoice.exportKey === item.exportKey);
		const payer = (item.invoice?.InvoiceTo || item.invoice?.OrderedBy || '').toLowerCase();
		const differences: string[] = [];
		if (!same) differences.push(`it was exported before as ${earlier[0].exportKey} (invoice ${earlier[0].invoiceNumber})`);
		else {
			if (earlier.length > 1) differences.push(`Exact holds ${earlier.length} invoices for this order`);
			if (payer && same.payerId && same.payerId.toLowerCase() !== payer) differences.push('the customer differs');
			if (item.money && same.amountExclVat !== item.money.amountExclVat) differences.push(`the amount differs (${same.amountExclVat} in Exact, ${item.money.amountExclVat} now)`);
		}
		if (differences.length === 0) {
			return {
				verdict: 'wouldSkip',
				workorder: item.workorder,
				trigger: item.trigger,
				reason: `Already exported: Exact has invoice ${same!.invoiceNumber} for ${item.exportKey}`,
				problems: [],
			};
		}
		const problem = `Exact already has an invoice for ${item.exportKey} that differs from the order now: ${differences.join('; ')}. Credit that invoice in Exact and export the order again, or correct the invoice in Exact`;
		return { verdict: 'wouldFail', workorder: item.workorder, trigger: item.trigger, reason: `Would fail because ${problem}`, problems: [problem] };
	}
	if (item.invoice && !item.exportKey && catalog.existingYourRefs.has(item.yourRef)) {
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
