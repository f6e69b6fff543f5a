/**
 * The whole export configuration (one place, shared by Validate, Build Sales Invoice and Dry Run) and the
 * check that refuses it before any order is touched.
 */
import type { ExportStart, ExportTrigger } from './exportTriggers';
import { findTriggerProblems } from './exportTriggers';
import type { GlaSettings } from './gla';
import type { TagMapping } from './tags';
import { findTagProblems, unknownTagsIn } from './tags';
import { toIsoDate } from './values';
import type { NumberSource } from './workorder';
import { NUMBER_SOURCES } from './workorder';

/** What happens to an order that is unfinished (WorkFinished 0) or archived: its error status with the reason, or left out. */
export type UnfinishedOrders = 'error' | 'skip';

export type PaymentConditionSource = 'none' | 'orderTemplate' | 'outSmartRelation';

/**
 * Where line prices come from. 'outSmart': materials at the work order's price, hours at OutSmart's hour
 * type price. 'exact': Exact's price for the customer (a customer-specific SalesItemPrice, else the item's
 * standard price) less the account's sales discount; a technician's deliberate price change is kept.
 */
export type PriceSource = 'outSmart' | 'exact';

export type TravelMode = 'off' | 'kilometre' | 'callOut';

/** Draft ('te verwerken'), processed (booked), or processed and e-mailed (salesinvoice/PrintedSalesInvoices). */
export type InvoiceProcessing = 'draft' | 'process' | 'processAndSend';

/** The export configuration as readExportSettings reads it: codes, dates and names arrive trimmed. */
export interface ExportSettings {
	triggers: ExportTrigger[];
	start: ExportStart;
	/** Y-m-d; orders finished before it are never exported. Empty = no cut-over. */
	cutOverDate: string;
	yourRefPrefix: string;
	journal: string;
	gla: GlaSettings;
	tagMappings: TagMapping[];
	/**
	 * Where the order's payment condition as OutSmart knows it comes from: nowhere (no check), a tag template
	 * on the work order, or the payment term of the customer's OutSmart relation.
	 */
	paymentConditionSource: PaymentConditionSource;
	/** The tag template for the 'orderTemplate' source. */
	paymentConditionTemplate: string;
	/** VAT code for lines whose Exact item has none. */
	defaultVatCode: string;
	/** OutSmart hour type → Exact labour item code; hour types not listed use their own code. */
	hourTypeItems: Map<string, string>;
	/** Hour type for work periods without one ('' = such periods fail the order). */
	defaultHourType: string;
	/** Hour type the minimum-hours top-up is billed at ('' = the default hour type). */
	minimumHourType: string;
	/** Hour types never invoiced, besides those OutSmart marks as not booked on sales. */
	nonBillableHourTypes: Set<string>;
	priceSource: PriceSource;
	/** Travel: off, the periods' distance as a kilometre item, or a fixed call-out item per work day. */
	travel: { mode: TravelMode; itemCode: string };
	/** Tag template giving a per-order VAT code (e.g. [FreeField4]); '' = none. */
	vatOverrideTemplate: string;
	/** Material free field (1-5) that marks a line free of charge; 0 = none. */
	freeOfChargeField: number;
	/** MaterialType values that are invoiced; a line without a type counts as USAGE. */
	invoicedMaterialTypes: Set<string>;
	/** OutSmart payment method (lower case) → Exact payment condition code. */
	paymentMethodConditions: Map<string, string>;
	/** Put the Exact project (work order ProjectNr) on every line. */
	projectOnLines: boolean;
	/** Also hand over the work-order PDF as an Exact document in the invoice modes. */
	attachPdf: boolean;
	/** What the export's create step does with each invoice: leave it a draft, process it, or process and e-mail it. */
	invoiceProcessing: InvoiceProcessing;
	/** Exact document type for the work-order PDF. */
	documentType: number;
	/** Which field gives the number shown to people and used in YourRef (default: WorkorderNo, else OrderNr). */
	numberFrom?: NumberSource;
	/** Unfinished (WorkFinished 0) or archived orders: 'error' (default) fails them with the reason, 'skip' leaves them out. */
	unfinishedOrders?: UnfinishedOrders;
}

/** Exact's YourRef holds about 30 characters (unverified; the stricter limit is kept). */
export const YOUR_REF_MAX_LENGTH = 30;

export function findExportSettingsProblems(settings: ExportSettings): string[] {
	const problems = findTriggerProblems(settings.triggers, settings.start);
	problems.push(...findTagProblems(settings.tagMappings));
	if (settings.paymentConditionSource === 'orderTemplate' && settings.paymentConditionTemplate.trim() === '') {
		problems.push('The payment condition comes from the work order, but no template is set (e.g. [FreeField3])');
	}
	for (const tag of unknownTagsIn(settings.paymentConditionTemplate)) {
		problems.push(`Unknown tag [${tag}] in the payment-condition template ('${settings.paymentConditionTemplate}')`);
	}
	if (settings.cutOverDate !== '' && toIsoDate(settings.cutOverDate.slice(0, 10)) === undefined) {
		problems.push(`Cut-over date '${settings.cutOverDate}' is not a date: use YYYY-MM-DD`);
	}
	const invoices = settings.triggers.some((trigger) => trigger.mode !== 'pdfOnly');
	if (invoices && settings.journal.trim() === '') problems.push('No sales journal is set: choose the Exact journal the invoices go to');
	if (settings.gla.source === 'materialFreeField' && !(settings.gla.freeFieldNumber >= 1 && settings.gla.freeFieldNumber <= 5)) {
		problems.push(`GLA free field ${settings.gla.freeFieldNumber} does not exist: OutSmart materials have free fields 1 to 5`);
	}
	if (settings.gla.source === 'default' && settings.gla.defaultGlAccountCode === '') {
		problems.push('The GLA source is "default" but no default GL account is set');
	}
	if (settings.numberFrom !== undefined && !NUMBER_SOURCES.includes(settings.numberFrom)) {
		problems.push(`Work-Order Number From '${String(settings.numberFrom)}' is not known: use ${NUMBER_SOURCES.join(', ')}`);
	}
	if (settings.unfinishedOrders !== undefined && settings.unfinishedOrders !== 'error' && settings.unfinishedOrders !== 'skip') {
		problems.push(`Unfinished or Archived Orders '${String(settings.unfinishedOrders)}' is not known: use error or skip`);
	}
	if (settings.travel.mode !== 'off' && settings.travel.itemCode === '') {
		problems.push('Travel is invoiced, but no travel item is set: enter the Exact item code for kilometres or the call-out charge');
	}
	for (const tag of unknownTagsIn(settings.vatOverrideTemplate)) {
		problems.push(`Unknown tag [${tag}] in the VAT-code override template ('${settings.vatOverrideTemplate}')`);
	}
	if (!(settings.freeOfChargeField >= 0 && settings.freeOfChargeField <= 5)) {
		problems.push(`Free-of-charge field ${settings.freeOfChargeField} does not exist: OutSmart materials have free fields 1 to 5 (0 = none)`);
	}
	if (settings.yourRefPrefix.length >= YOUR_REF_MAX_LENGTH) {
		problems.push(`The YourRef prefix '${settings.yourRefPrefix}' leaves no room for the work-order number (YourRef holds ${YOUR_REF_MAX_LENGTH} characters)`);
	}
	return problems;
}
