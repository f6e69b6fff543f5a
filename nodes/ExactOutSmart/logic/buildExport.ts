/**
 * One work order → what Exact gets: a sales invoice (materials, and hours per hour type), time
 * transactions on the Exact project, and/or the work-order PDF as a document. Every check that Exact would
 * otherwise fail on (unknown customer, item, GL account or VAT code; payment-condition mismatch) is made
 * here, and all problems of an order are reported together so one fix round is enough.
 */
import type { ExactAccountRecord, ExactCatalog, ExactItemRecord } from './exactCatalog';
import type { ExportSettings } from './exportSettings';
import { YOUR_REF_MAX_LENGTH } from './exportSettings';
import type { ExportMode, ExportTrigger } from './exportTriggers';
import { exclusionReason, finishedDate, isBeforeCutOver, selectTrigger } from './exportTriggers';
import { itemRevenueGlCode, resolveGla, revenueAccountProblem } from './gla';
import { hoursPerHourType } from './hours';
import type { InvoiceAmounts } from './money';
import { invoiceAmounts, lineAmount, lineVat, toCents } from './money';
import { checkOrderPaymentCondition, samePaymentCondition } from './paymentConditions';
import { renderTemplate } from './tags';
import { priceListPrice } from './priceList';
import { dateInRange, parseDecimalText, roundTo, text, trimCode } from './values';
import type { Workorder, WorkorderMaterial } from './workorder';
import { invoiceDebtorNumber, linesOf, missingNumberProblem, notFinishedReason, unreadableLinesProblem, withShownNumber, workorderLabel } from './workorder';

export interface SalesInvoiceLine {
	Item: string;
	Description: string;
	Quantity: number;
	UnitPrice: number;
	/** A fraction (0.1 = 10 %), SalesInvoiceLines.Discount; absent = none. */
	Discount?: number;
	GLAccount: string;
	VATCode: string;
	Project?: string;
}

export interface SalesInvoiceBody {
	Journal: string;
	/** The site customer when it is an Exact account, else the paying party. */
	OrderedBy: string;
	/** The paying party (the order's invoice debtor). */
	InvoiceTo: string;
	/** The site customer, when it is an Exact account. */
	DeliverTo?: string;
	OrderDate?: string;
	YourRef: string;
	PaymentCondition?: string;
	Description: string;
	Remarks?: string;
	PaymentReference?: string;
	SalesInvoiceLines: SalesInvoiceLine[];
}

/** The money of one invoice as Exact will book it, line by line and in total (see money.ts). */
export interface InvoiceMoney extends InvoiceAmounts {
	lines: Array<{ amount: number; vat: number; vatPercentage: number }>;
}

export interface DocumentRequest {
	Account: string;
	Subject: string;
	Type: number;
	FileName: string;
	pdfUrl: string;
}

export interface WorkorderIdentity {
	rowId: string;
	workorderNo: string;
	customerDebtorNumber: string;
}

export interface TriggerSummary {
	name: string;
	status: string;
	workstatus: string;
	mode: ExportMode;
	successStatus: string;
	errorStatus: string;
}

export interface ExportItem {
	workorder: WorkorderIdentity;
	trigger: TriggerSummary;
	yourRef: string;
	/**
	 * `[OutSmart <row id> M|MH]`: the key of this order's invoice in this mode, at the start of its Remarks;
	 * it (not YourRef, which the office may fill with a customer's PO number) finds an earlier export.
	 */
	exportKey?: string;
	invoice?: SalesInvoiceBody;
	/** Line amounts, VAT and totals of the invoice, to the cent. */
	money?: InvoiceMoney;
	/** Every pricing, VAT, payment and leave-off decision, in words, for the dry run and the execution log. */
	decisions: string[];
	document?: DocumentRequest;
}

export type BuildOutcome =
	| { kind: 'export'; item: ExportItem }
	| { kind: 'skip'; reason: string; workorder: WorkorderIdentity; trigger?: TriggerSummary }
	| { kind: 'fail'; problems: string[]; workorder: WorkorderIdentity; trigger?: TriggerSummary; decisions?: string[] };

export function identityOf(order: Workorder): WorkorderIdentity {
	return { rowId: text(order.id), workorderNo: text(order.WorkorderNo), customerDebtorNumber: invoiceDebtorNumber(order) };
}

function summarise(trigger: ExportTrigger): TriggerSummary {
	const { name, status, workstatus, mode, successStatus, errorStatus } = trigger;
	return { name, status, workstatus, mode, successStatus, errorStatus };
}

/** YourRef: the 'YourRef' tag mapping when there is one (e.g. [ExternProjectNr]), else prefix + work-order number. */
export function yourRefOf(order: Workorder, settings: Pick<ExportSettings, 'tagMappings' | 'yourRefPrefix'>): string {
	const mapping = settings.tagMappings.find((entry) => entry.field === 'YourRef');
	if (mapping) return renderTemplate(mapping.template, order).trim();
	return `${settings.yourRefPrefix}${text(order.WorkorderNo).trim()}`;
}

/** What finds a work order's invoice again in Exact: the order's row id, the number shown, and its YourRef. */
export interface InvoiceReference {
	rowId: string;
	number: string;
	workorder: { rowId: string; workorderNo: string };
	yourRef: string;
}

/**
 * The invoice reference of an order as the export writes it (the shown number from "Work-Order Number
 * From", YourRef from the prefix or the YourRef tag), so a later step (e.g. the payment status) matches
 * Exact's invoices with the same rule instead of undoing it.
 */
export function invoiceReferenceOf(order: Workorder, settings: Pick<ExportSettings, 'tagMappings' | 'yourRefPrefix' | 'numberFrom'>): InvoiceReference {
	const shown = withShownNumber(order, settings.numberFrom);
	const rowId = text(order.id).trim();
	const number = text(shown.WorkorderNo).trim();
	const fromTag = settings.tagMappings.some((entry) => entry.field === 'YourRef');
	return { rowId, number, workorder: { rowId, workorderNo: number }, yourRef: number || fromTag ? yourRefOf(shown, settings) : '' };
}

/** The export key of an order's invoice in a mode ('' when the order has no row id). */
export function exportKeyOf(rowId: string, mode: ExportMode): string {
	const id = rowId.trim().replace(/[[\]\s]+/g, '');
	if (id === '' || mode === 'pdfOnly') return '';
	return `[OutSmart ${id} ${mode === 'materialsOnly' ? 'M' : 'MH'}]`;
}

/** `[OutSmart 501 MH]` → `[OutSmart 501 `: every key of the same order starts with it. */
export function exportKeyGroupOf(key: string): string {
	return key.replace(/\S+\]$/, '');
}

function mappedField(order: Workorder, settings: ExportSettings, field: string, fallback: string): string {
	const mapping = settings.tagMappings.find((entry) => entry.field === field);
	return renderTemplate(mapping ? mapping.template : fallback, order);
}

/** What the lines of one order share: the customer, the price source, the VAT override, the project. */
interface LineContext {
	order: Workorder;
	settings: ExportSettings;
	catalog: ExactCatalog;
	payer?: ExactAccountRecord;
	orderDate: string;
	vatOverride: string;
	projectId?: string;
	problems: string[];
	decisions: string[];
}

interface PricedLine {
	line: SalesInvoiceLine;
	amount: number;
	vat: number;
	vatPercentage: number;
}

/**
 * The line's VAT code: a per-order override (checked against Exact's VAT codes), else the customer's
 * (Accounts.SalesVATCode: reverse charge, ICP, exempt customers), else the item's, else the default.
 */
function vatCodeFor(context: LineContext, itemVatCode: string, subject: string): { code: string; percentage: number } {
	const { settings, catalog, payer, problems } = context;
	let code: string;
	let why: string;
	if (context.vatOverride) {
		code = context.vatOverride;
		why = 'the order\'s VAT override';
	} else if (payer?.salesVatCode) {
		code = payer.salesVatCode;
		why = `customer ${payer.code}'s sales VAT code`;
	} else if (itemVatCode) {
		code = itemVatCode;
		why = 'the item\'s sales VAT code';
	} else {
		code = settings.defaultVatCode;
		why = 'the default VAT code';
	}
	if (code === '') {
		problems.push(`${subject} has no VAT code in Exact and no default VAT code is set`);
		return { code, percentage: 0 };
	}
	if (!catalog.vatCodes.has(code)) {
		problems.push(`${subject} uses VAT code ${code} (${why}), which does not exist in Exact`);
		return { code, percentage: 0 };
	}
	const details = catalog.vatCodeDetails.get(code);
	if (details?.euSalesListing.toUpperCase() === 'L' && payer && (payer.vatNumber ?? '').trim() === '') {
		problems.push(`Customer ${payer.code} (${payer.name}) is invoiced under EU VAT code ${code}, but has no VAT number in Exact: add the customer's VAT number, or correct the VAT code`);
	}
	const note = `${subject}: VAT code ${code} from ${why}`;
	if (!context.decisions.includes(note)) context.decisions.push(note);
	return { code, percentage: details?.percentage ?? 0 };
}

function revenueGlFor(context: LineContext, itemCode: string, subject: string): string {
	const { settings, catalog, problems } = context;
	const glCode = itemRevenueGlCode(itemCode, catalog) || settings.gla.defaultGlAccountCode;
	const glAccount = catalog.glAccountsByCode.get(glCode);
	if (!glAccount) {
		problems.push(
			glCode === ''
				? `${subject} has no revenue GL account in Exact (on the item or its item group) and no default GL account is set`
				: `${subject} has GL account ${glCode}, which does not exist in Exact`,
		);
		return '';
	}
	const refusal = revenueAccountProblem(glAccount);
	if (refusal) problems.push(`${subject} has GL account ${glCode}${refusal}`);
	return glAccount.id;
}

/** The customer's own price for the item in Exact (a SalesItemPrice for the account, valid on the order date). */
function agreementFor(context: LineContext, item: ExactItemRecord, quantity: number): number | undefined {
	const { payer, catalog, orderDate } = context;
	if (!payer) return undefined;
	// A quantity break applies from its quantity on: the highest one the line reaches wins.
	let best: { price: number; from: number } | undefined;
	for (const entry of catalog.priceAgreements) {
		if (entry.accountId !== payer.id || entry.itemId !== item.id || !dateInRange(orderDate, entry.startDate, entry.endDate)) continue;
		const from = entry.quantity ?? 0;
		if (from > quantity) continue;
		if (!best || from > best.from) best = { price: entry.price, from };
	}
	return best?.price;
}

/**
 * Exact's price for this customer: its own SalesItemPrice valid on the order date, or its price list's entry,
 * else the item's standard price, with the customer's sales discount. Where Exact leaves the outcome open (an
 * agreement and a list that disagree; a list and a sales discount together) the order is refused.
 */
function exactPriceFor(
	context: LineContext,
	item: ExactItemRecord,
	quantity: number,
	subject: string,
): { unitPrice: number; discount: number; source: string } | undefined {
	const { payer, problems } = context;
	const agreed = agreementFor(context, item, quantity);
	const listed = priceListPrice(context.catalog.priceListEntries, payer, item, quantity, context.orderDate);
	if (listed.kind === 'problem') {
		problems.push(`${subject}: ${listed.problem}`);
		return undefined;
	}
	const discount = accountDiscount(context);
	if (listed.kind === 'price') {
		const net = toCents(listed.unitPrice * (1 - listed.discount));
		if (agreed !== undefined && toCents(agreed) !== net) {
			problems.push(
				`${subject}: customer ${payer!.code} has a price agreement of ${agreed} and price list ${listCode(context)} gives ${net} in Exact, ` +
					`and Exact does not document which wins: end the agreement or take the item off the list`,
			);
			return undefined;
		}
		if (discount > 0) {
			problems.push(
				`Customer ${payer!.code} (${payer!.name}) has price list ${listCode(context)} in Exact and a sales discount of ${roundTo(discount * 100, 4)} %, ` +
					`and Exact does not document how the two combine: remove the discount or the list in Exact`,
			);
			return undefined;
		}
		return listed;
	}
	const less = discount ? `, less the customer's ${roundTo(discount * 100, 4)} % sales discount` : '';
	if (agreed !== undefined) return { unitPrice: agreed, discount, source: `customer ${payer!.code}'s price agreement in Exact${less}` };
	if (item.salesPrice === undefined) {
		problems.push(`${subject} has no sales price in Exact`);
		return undefined;
	}
	return { unitPrice: item.salesPrice, discount, source: `the item's standard sales price in Exact${less}` };
}

/** The code of the price list the paying customer uses, for messages. */
function listCode(context: LineContext): string {
	const id = context.payer?.priceList ?? '';
	return context.catalog.priceListEntries.find((entry) => entry.priceListId === id)?.priceListCode || id;
}

/**
 * With OutSmart prices, a price agreement, price list or sales discount the customer has in Exact is not on the
 * work order: an order price that differs from what Exact agreed is refused rather than invoiced too high.
 */
function checkAgainstAgreement(
	context: LineContext,
	item: ExactItemRecord,
	subject: string,
	price: { unitPrice: number; discount: number },
	deliberate: boolean,
	quantity: number,
): void {
	if (deliberate) return;
	const net = toCents(price.unitPrice * (1 - price.discount));
	const agreed = agreementFor(context, item, quantity);
	if (agreed !== undefined) {
		if (net === toCents(agreed)) context.decisions.push(`${subject}: ${net} is customer ${context.payer!.code}'s price agreement in Exact`);
		else {
			context.problems.push(
				`${subject}: customer ${context.payer!.code} has a price agreement of ${agreed} in Exact, but OutSmart gives ${net}: ` +
					`choose the price source "Exact prices", or put the agreed price in OutSmart's prices (the materials import template copies Exact's agreements there)`,
			);
		}
		return;
	}
	const listed = priceListPrice(context.catalog.priceListEntries, context.payer, item, quantity, context.orderDate);
	if (listed.kind === 'problem') context.problems.push(`${subject}: ${listed.problem}`);
	if (listed.kind !== 'price') return;
	const listNet = toCents(listed.unitPrice * (1 - listed.discount));
	if (net === listNet) {
		context.decisions.push(`${subject}: ${net} is ${listed.source} in Exact`);
		return;
	}
	context.problems.push(
		`${subject}: customer ${context.payer!.code} has price list ${listCode(context)} in Exact, which gives ${listNet}, but OutSmart gives ${net}: ` +
			`choose the price source "Exact prices", or carry the list into OutSmart's prices (the materials import's Map Price Agreements, option Include Price Lists)`,
	);
}

function accountDiscount(context: LineContext): number {
	const discount = context.payer?.discountSales ?? 0;
	return Number.isFinite(discount) && discount > 0 && discount < 1 ? discount : 0;
}

function priced(context: LineContext, line: SalesInvoiceLine, vatPercentage: number, quantityDecimals = 4): PricedLine {
	const rounded: SalesInvoiceLine = { ...line, Quantity: roundTo(line.Quantity, quantityDecimals), UnitPrice: roundTo(line.UnitPrice, 4) };
	if (!rounded.Discount) delete rounded.Discount;
	if (context.projectId) rounded.Project = context.projectId;
	const amount = lineAmount(rounded.Quantity, rounded.UnitPrice, rounded.Discount ?? 0);
	return { line: rounded, amount, vat: lineVat(amount, vatPercentage), vatPercentage };
}

function isMarkedFree(material: WorkorderMaterial, settings: ExportSettings): boolean {
	if (!(settings.freeOfChargeField >= 1)) return false;
	const value = text(material[`MaterialFreeField${settings.freeOfChargeField}`]).trim().toLowerCase();
	return value !== '' && !['0', 'nee', 'no', 'false'].includes(value);
}

/** Reads a written price: undefined when absent, NaN when unreadable. */
function writtenNumber(value: unknown): number | undefined {
	const written = text(value).trim();
	if (written === '') return undefined;
	return parseDecimalText(written) ?? Number.NaN;
}

function materialLines(context: LineContext): PricedLine[] {
	const { order, settings, catalog, problems, decisions } = context;
	const lines: PricedLine[] = [];
	const materials = linesOf(order, 'Materials');
	if (!materials) {
		problems.push(unreadableLinesProblem('Materials'));
		return lines;
	}
	for (const material of materials) {
		const code = text(material.MaterialCode).trim();
		const name = text(material.MaterialName).trim();
		const materialType = text(material.MaterialType).trim().toUpperCase() || 'USAGE';
		if (!settings.invoicedMaterialTypes.has(materialType)) {
			decisions.push(`Material ${code} left off: material type ${materialType} is not invoiced`);
			continue;
		}
		const quantity = parseDecimalText(material.MaterialNr);
		if (quantity === undefined) {
			problems.push(`Material ${code} has no readable quantity ('${text(material.MaterialNr)}')`);
			continue;
		}
		if (quantity === 0) continue;
		if (quantity < 0) {
			problems.push(`Material ${code} has a negative quantity (${text(material.MaterialNr)}): a return is credited with a credit note in Exact, never on an invoice; remove the return line in OutSmart and credit it in Exact`);
			continue;
		}
		const item = catalog.itemsByCode.get(code);
		if (!item) {
			problems.push(`Material ${code} (${name}) does not exist in Exact as an item: create item ${code} in Exact or correct the code in OutSmart`);
			continue;
		}
		const unit = text(material.MaterialUnit).trim();
		if (unit !== '' && item.unit.trim() !== '' && unit.toLowerCase() !== item.unit.trim().toLowerCase()) {
			problems.push(`Material ${code} is counted in '${unit}' in OutSmart but in '${item.unit.trim()}' in Exact: correct the unit of the material in OutSmart or of the item in Exact`);
			continue;
		}
		const gla = resolveGla(material, settings.gla, catalog);
		if ('problem' in gla) problems.push(gla.problem);
		const price = materialPrice(context, material, item, code, quantity);
		if (price === undefined) continue;
		if (price.unitPrice * (1 - price.discount) === 0) {
			if (!isMarkedFree(material, settings)) {
				problems.push(`Material ${code} has a price of 0,00: enter the price in OutSmart, or mark the line free of charge${settings.freeOfChargeField >= 1 ? ` (MaterialFreeField${settings.freeOfChargeField})` : ''}`);
				continue;
			}
			decisions.push(`Material ${code} invoiced free of charge (marked free)`);
		}
		const vat = vatCodeFor(context, item.salesVatCode, `Item ${code}`);
		lines.push(
			priced(
				context,
				{
					Item: item.id,
					Description: name || item.description,
					Quantity: quantity,
					UnitPrice: price.unitPrice,
					Discount: price.discount,
					GLAccount: 'account' in gla ? gla.account.id : '',
					VATCode: vat.code,
				},
				vat.percentage,
			),
		);
	}
	return lines;
}

/**
 * A material line's price. The order's own discount (MaterialOriginalPrice with
 * MaterialDiscountPercentage) becomes Exact's line Discount. With Exact prices, a technician's deliberate
 * change (MaterialPrice differs from MaterialOriginalPrice without a discount) is kept.
 */
function materialPrice(
	context: LineContext,
	material: WorkorderMaterial,
	item: ExactItemRecord,
	code: string,
	quantity: number,
): { unitPrice: number; discount: number } | undefined {
	const { problems, decisions, settings } = context;
	const written = writtenNumber(material.MaterialPrice);
	const original = writtenNumber(material.MaterialOriginalPrice);
	const percentage = writtenNumber(material.MaterialDiscountPercentage);
	for (const [field, value] of [['MaterialPrice', written], ['MaterialOriginalPrice', original], ['MaterialDiscountPercentage', percentage]] as const) {
		if (value !== undefined && (Number.isNaN(value) || value < 0)) {
			problems.push(`Material ${code} has an unreadable or negative ${field} '${text(material[field])}': enter a number in OutSmart, e.g. 12,50`);
			return undefined;
		}
	}
	if (percentage !== undefined && percentage > 100) {
		problems.push(`Material ${code} has a discount of ${text(material.MaterialDiscountPercentage)} %, more than 100 %`);
		return undefined;
	}
	const orderDiscount = percentage !== undefined && percentage > 0 ? roundTo(percentage / 100, 6) : 0;
	if (orderDiscount > 0 && original !== undefined) {
		decisions.push(`Material ${code}: ${original} less the order's ${percentage} % discount`);
		const price = { unitPrice: original, discount: orderDiscount };
		if (settings.priceSource === 'outSmart') checkAgainstAgreement(context, item, `Material ${code}`, price, false, quantity);
		return price;
	}
	if (settings.priceSource === 'exact') {
		const changed = written !== undefined && original !== undefined && written !== original;
		if (changed) {
			decisions.push(`Material ${code}: the technician's price ${written} kept (list price ${original})`);
			return { unitPrice: written, discount: 0 };
		}
		return pricedFromExact(context, item, quantity, `Material ${code}`);
	}
	if (written === undefined) {
		problems.push(`Material ${code} has no price on the work order`);
		return undefined;
	}
	const price = { unitPrice: written, discount: orderDiscount };
	checkAgainstAgreement(context, item, `Material ${code}`, price, original !== undefined && written !== original, quantity);
	return price;
}

/**
 * The hour type's price in OutSmart's prices on the order date: the paying customer's own row before a row for
 * every customer, the latest start first (the order of the material prices OutSmart fills into order lines). Work
 * periods carry no price, so this is where an imported price agreement for hours is found.
 */
function outSmartHourTypePrice(context: LineContext, hourType: string): { price: number; source: string } | undefined {
	const { catalog, payer, orderDate } = context;
	const debtor = payer?.code ?? '';
	const rows = catalog.outSmartPrices
		.filter((row) => row.hourType === hourType && row.material === '' && (row.debtorNumber === '' || (debtor !== '' && row.debtorNumber === debtor)))
		.filter((row) => dateInRange(orderDate, row.startDate, row.endDate))
		.sort((a, b) => Number(b.debtorNumber !== '') - Number(a.debtorNumber !== '') || b.startDate.localeCompare(a.startDate));
	const row = rows[0];
	if (!row) return undefined;
	return { price: row.price, source: row.debtorNumber ? `customer ${row.debtorNumber}'s hour-type price in OutSmart` : 'the hour type\'s price for every customer in OutSmart' };
}

/** Hours and travel priced from the chosen source: OutSmart's hour-type price, or Exact's. */
function hourPrice(
	context: LineContext,
	item: ExactItemRecord,
	hourType: string | undefined,
	subject: string,
	quantity: number,
): { unitPrice: number; discount: number } | undefined {
	const { settings, catalog, problems, decisions } = context;
	if (settings.priceSource === 'outSmart' && hourType !== undefined) {
		const agreed = outSmartHourTypePrice(context, hourType);
		const known = catalog.outSmartHourTypes.get(hourType);
		if (agreed === undefined && known?.salePrice === undefined) {
			problems.push(`${subject}: hour type ${hourType} has no sales price in OutSmart`);
			return undefined;
		}
		if (agreed) decisions.push(`${subject}: ${agreed.price} from ${agreed.source}`);
		const price = { unitPrice: agreed?.price ?? known!.salePrice!, discount: 0 };
		checkAgainstAgreement(context, item, subject, price, false, quantity);
		return price;
	}
	return pricedFromExact(context, item, quantity, subject);
}

/** Exact's price for the line, with the decision written down for the dry run. */
function pricedFromExact(context: LineContext, item: ExactItemRecord, quantity: number, subject: string): { unitPrice: number; discount: number } | undefined {
	const exact = exactPriceFor(context, item, quantity, subject);
	if (!exact) return undefined;
	context.decisions.push(`${subject}: ${exact.unitPrice} from ${exact.source}`);
	return { unitPrice: exact.unitPrice, discount: exact.discount };
}

function labourLines(context: LineContext): PricedLine[] {
	const { order, settings, catalog, problems, decisions } = context;
	const nonBillable = new Set(settings.nonBillableHourTypes);
	for (const hourType of catalog.outSmartHourTypes.values()) if (!hourType.billable) nonBillable.add(hourType.code);
	const hours = hoursPerHourType(order, { defaultHourType: settings.defaultHourType, minimumHourType: settings.minimumHourType, nonBillableHourTypes: nonBillable });
	problems.push(...hours.problems);
	decisions.push(...hours.leftOff);
	const lines: PricedLine[] = [];
	for (const entry of hours.lines) {
		const itemCode = settings.hourTypeItems.get(entry.hourType) ?? entry.hourType;
		const item = catalog.itemsByCode.get(itemCode);
		if (!item) {
			problems.push(`Hour type ${entry.hourType} has no labour item ${itemCode} in Exact: create it, or map the hour type to an existing labour item`);
			continue;
		}
		const subject = `Labour item ${itemCode}`;
		const glAccount = revenueGlFor(context, itemCode, subject);
		const price = hourPrice(context, item, entry.hourType, subject, entry.minutes / 60);
		if (entry.topUpMinutes > 0) decisions.push(`Minimum hours: ${roundTo(entry.topUpMinutes / 60, 4)} h added at hour type ${entry.hourType}`);
		if (!price) continue;
		const vat = vatCodeFor(context, item.salesVatCode, subject);
		// Hours keep their minutes: 6 decimals make 80 minutes 1.333333 h, which prices to the cent.
		lines.push(
			priced(
				context,
				{ Item: item.id, Description: item.description, Quantity: entry.minutes / 60, UnitPrice: price.unitPrice, Discount: price.discount, GLAccount: glAccount, VATCode: vat.code },
				vat.percentage,
				6,
			),
		);
	}
	lines.push(...travelLines(context, hours.travelDistance, hours.billableDates.length || (hours.lines.length > 0 ? 1 : 0)));
	return lines;
}

function travelLines(context: LineContext, distance: number, workDays: number): PricedLine[] {
	const { settings, catalog, problems, decisions } = context;
	if (settings.travel.mode === 'off') return [];
	const quantity = settings.travel.mode === 'kilometre' ? distance : workDays;
	if (quantity <= 0) return [];
	const itemCode = settings.travel.itemCode;
	const item = catalog.itemsByCode.get(itemCode);
	const subject = `Travel item ${itemCode}`;
	if (!item) {
		problems.push(`${subject} does not exist in Exact: create it or correct the travel item in the export configuration`);
		return [];
	}
	const glAccount = revenueGlFor(context, itemCode, subject);
	const price = hourPrice(context, item, undefined, subject, quantity);
	if (!price) return [];
	const vat = vatCodeFor(context, item.salesVatCode, subject);
	decisions.push(settings.travel.mode === 'kilometre' ? `Travel: ${quantity} km` : `Travel: ${quantity} call-out charge(s)`);
	return [priced(context, { Item: item.id, Description: item.description, Quantity: quantity, UnitPrice: price.unitPrice, Discount: price.discount, GLAccount: glAccount, VATCode: vat.code }, vat.percentage)];
}

function findAccount(debtor: string, catalog: ExactCatalog, problems: string[]): ExactAccountRecord | undefined {
	if (debtor === '') {
		problems.push('The work order has no customer debtor number');
		return undefined;
	}
	const account = catalog.accountsByCode.get(debtor);
	if (!account) {
		problems.push(`Customer ${debtor} does not exist in Exact: create the account with code ${debtor} in Exact or correct the debtor number in OutSmart`);
		return undefined;
	}
	if (account.blocked) problems.push(`Customer ${debtor} (${account.name}) is blocked in Exact`);
	return account;
}

/** The order's payment condition as OutSmart knows it ('' = unknown, no check). */
export function outSmartPaymentCondition(order: Workorder, settings: ExportSettings, relationTerms: Map<string, string>): string {
	if (settings.paymentConditionSource === 'orderTemplate') return renderTemplate(settings.paymentConditionTemplate, order);
	if (settings.paymentConditionSource === 'outSmartRelation') return relationTerms.get(invoiceDebtorNumber(order)) ?? '';
	return '';
}

/** OutSmart payment methods that say the customer paid on site (Blueprint values "pin betaling", "contant voldaan"). */
const PAID_ON_SITE = /\b(pin|contant|cash|kaart|card)\b|voldaan|betaald/i;

/**
 * The invoice's payment condition: a mapped OutSmart payment method wins (paid on site means no open
 * invoice with reminders); a paid-on-site method without a mapping is refused; otherwise the account's
 * condition, checked against what OutSmart holds.
 */
function paymentConditionFor(context: LineContext, relationTerms: Map<string, string>): string | undefined {
	const { order, settings, catalog, payer, problems, decisions } = context;
	const method = text(order.PaymentMethod).trim();
	const mapped = method ? settings.paymentMethodConditions.get(method.toLowerCase()) : undefined;
	if (mapped) {
		if (catalog.paymentConditions.size > 0 && ![...catalog.paymentConditions].some((code) => samePaymentCondition(code, mapped))) {
			problems.push(`Payment method '${method}' is mapped to payment condition ${mapped}, which does not exist in Exact`);
		}
		decisions.push(`Payment condition ${mapped} for OutSmart payment method '${method}'`);
		return mapped;
	}
	if (method && PAID_ON_SITE.test(method)) {
		problems.push(`The order was paid on site ('${method}'), but no Exact payment condition is mapped to that payment method: map it in the export configuration so no open invoice with reminders follows`);
		return undefined;
	}
	if (!payer) return undefined;
	// The order's payment method as OutSmart holds it: the payment-condition import writes Exact's conditions
	// as payment methods "code - description" (paymentConditionToOutSmart.ts), so such a method names one.
	const named = /^(\S+) - /.exec(method)?.[1];
	if (named) {
		const refusal = checkOrderPaymentCondition(named, payer.paymentConditionSales, payer.code);
		if (refusal) problems.push(`${refusal} (the order's payment method in OutSmart is '${method}')`);
		return payer.paymentConditionSales || undefined;
	}
	const refusal = checkOrderPaymentCondition(outSmartPaymentCondition(order, settings, relationTerms), payer.paymentConditionSales, payer.code);
	if (refusal) problems.push(refusal);
	return payer.paymentConditionSales || undefined;
}

/**
 * Builds the export of one order, or says why it is skipped or fails. `relationTerms` holds the payment
 * term of OutSmart relations by debtor number, for the 'outSmartRelation' payment-condition source.
 */
export function buildExport(
	rawOrder: Workorder,
	settings: ExportSettings,
	catalog: ExactCatalog,
	relationTerms: Map<string, string> = new Map(),
): BuildOutcome {
	// From here on WorkorderNo is the number the setting "Work-Order Number From" gives; the row id identifies the order.
	const order = withShownNumber(rawOrder, settings.numberFrom);
	const workorder = identityOf(order);
	const chosen = selectTrigger(order, settings.triggers);
	if (!chosen) {
		return { kind: 'skip', workorder, reason: `${workorderLabel(order)} is in status ${text(order.status)}${order.WorkStatus ? ` / work status ${text(order.WorkStatus)}` : ''}, which no export trigger uses` };
	}
	const trigger = summarise(chosen);
	if (settings.cutOverDate !== '' && isBeforeCutOver(order, settings.cutOverDate)) {
		return { kind: 'skip', workorder, trigger, reason: `${workorderLabel(order)} was finished on ${finishedDate(order)}, before the cut-over date ${settings.cutOverDate}` };
	}
	const excluded = exclusionReason(order, chosen);
	if (excluded) return { kind: 'skip', workorder, trigger, reason: `${workorderLabel(order)} is not invoiced: ${excluded}` };
	const notFinished = notFinishedReason(order);
	if (notFinished) {
		if (settings.unfinishedOrders === 'skip') return { kind: 'skip', workorder, trigger, reason: notFinished };
		return { kind: 'fail', workorder, trigger, problems: [`${notFinished}: it is not invoiced; finish it in OutSmart or leave it out of the export`] };
	}
	const problems: string[] = [];
	const decisions: string[] = [];
	if (workorder.workorderNo === '') problems.push(missingNumberProblem(settings.numberFrom));
	const yourRef = yourRefOf(order, settings);
	if (yourRef.length > YOUR_REF_MAX_LENGTH) problems.push(`YourRef '${yourRef}' is longer than ${YOUR_REF_MAX_LENGTH} characters: shorten the prefix`);
	const payer = findAccount(invoiceDebtorNumber(order), catalog, problems);
	const item: ExportItem = { workorder, trigger, yourRef, decisions };
	const wantsPdf = chosen.mode === 'pdfOnly' || settings.attachPdf;
	if (chosen.mode !== 'pdfOnly') {
		const siteDebtor = text(order.CustomerDebtorNr).trim();
		const site = siteDebtor && siteDebtor !== payer?.code ? catalog.accountsByCode.get(siteDebtor) : undefined;
		if (site?.blocked) problems.push(`Site customer ${siteDebtor} (${site.name}) is blocked in Exact`);
		const vatOverride = settings.vatOverrideTemplate.trim() ? renderTemplate(settings.vatOverrideTemplate, order).trim() : '';
		const projectCode = text(order.ProjectNr).trim();
		let projectId: string | undefined;
		if (settings.projectOnLines && projectCode) {
			projectId = catalog.projectsByCode.get(projectCode)?.id;
			if (!projectId) problems.push(`Project ${projectCode} does not exist in Exact: create it, correct the ProjectNr in OutSmart, or turn off "Project on Lines"`);
		}
		const context: LineContext = { order, settings, catalog, payer, orderDate: finishedDate(order) ?? '', vatOverride, projectId, problems, decisions };
		decisions.push(`Prices from ${settings.priceSource === 'exact' ? 'Exact' : 'OutSmart'}`);
		if (settings.priceSource === 'outSmart' && payer?.discountSales && payer.discountSales > 0) {
			problems.push(
				`Customer ${payer.code} (${payer.name}) has a sales discount of ${roundTo(payer.discountSales * 100, 4)} % in Exact, which OutSmart's prices do not carry: ` +
					`choose the price source "Exact prices", or remove the discount in Exact`,
			);
		}
		const paymentCondition = paymentConditionFor(context, relationTerms);
		const lines = materialLines(context);
		if (chosen.mode === 'materialsAndHours') lines.push(...labourLines(context));
		if (lines.length === 0) problems.push(`${workorderLabel(order)} has nothing to invoice (no materials${chosen.mode === 'materialsAndHours' ? ' and no hours' : ''})`);
		const exportKey = exportKeyOf(workorder.rowId, chosen.mode);
		if (exportKey === '') problems.push('The work order has no row id (id), which its invoice is found by on a later export');
		else item.exportKey = exportKey;
		const userRemarks = mappedField(order, settings, 'Remarks', '').trim();
		const remarks = exportKey ? `${exportKey}${userRemarks ? ` ${userRemarks}` : ''}` : userRemarks;
		const paymentReference = mappedField(order, settings, 'PaymentReference', '');
		item.invoice = {
			Journal: settings.journal,
			OrderedBy: site?.id ?? payer?.id ?? '',
			InvoiceTo: payer?.id ?? '',
			...(site ? { DeliverTo: site.id } : {}),
			...(finishedDate(order) ? { OrderDate: finishedDate(order) } : {}),
			YourRef: yourRef,
			...(paymentCondition ? { PaymentCondition: paymentCondition } : {}),
			Description: mappedField(order, settings, 'Description', 'Werkbon [WorkorderNo]'),
			...(remarks ? { Remarks: remarks } : {}),
			...(paymentReference ? { PaymentReference: paymentReference } : {}),
			SalesInvoiceLines: lines.map((entry) => entry.line),
		};
		item.money = {
			...invoiceAmounts(lines.map(({ amount, vat }) => ({ amount, vat }))),
			lines: lines.map(({ amount, vat, vatPercentage }) => ({ amount, vat, vatPercentage })),
		};
		if (item.money.amountInclVat < 0) problems.push(`${workorderLabel(order)} would give an invoice with a negative total: credit it with a credit note in Exact`);
	}
	if (wantsPdf) {
		const pdfUrl = text(order.PdfUrl).trim();
		if (pdfUrl === '') problems.push(`${workorderLabel(order)} has no PdfUrl: OutSmart has no PDF for it yet`);
		item.document = {
			Account: payer?.id ?? '',
			Subject: mappedField(order, settings, 'DocumentSubject', 'Werkbon [WorkorderNo]'),
			Type: settings.documentType,
			FileName: `werkbon-${text(order.WorkorderNo).trim().replace(/[^A-Za-z0-9_-]+/g, '_')}.pdf`,
			pdfUrl,
		};
	}
	if (problems.length > 0) return { kind: 'fail', workorder, trigger, problems, decisions };
	return { kind: 'export', item };
}

/** What a batch of orders asks of Exact, so the lookups can be made in a few batched calls. */
export interface CatalogNeeds {
	debtorNumbers: string[];
	itemCodes: string[];
	glAccountCodes: string[];
	projectCodes: string[];
	yourRefs: string[];
	/** The orders' export-key groups (`[OutSmart <row id> `), to find earlier exports. */
	exportKeyGroups: string[];
}

export function catalogNeeds(orders: Workorder[], settings: ExportSettings): CatalogNeeds {
	const debtors = new Set<string>();
	const items = new Set<string>();
	const glCodes = new Set<string>();
	const projects = new Set<string>();
	const yourRefs = new Set<string>();
	const keyGroups = new Set<string>();
	if (settings.gla.defaultGlAccountCode) glCodes.add(settings.gla.defaultGlAccountCode);
	for (const rawOrder of orders) {
		const order = withShownNumber(rawOrder, settings.numberFrom);
		const debtor = invoiceDebtorNumber(order);
		if (debtor) debtors.add(debtor);
		const site = text(order.CustomerDebtorNr).trim();
		if (site) debtors.add(site);
		if (order.WorkorderNo) yourRefs.add(yourRefOf(order, settings));
		const key = exportKeyOf(text(order.id), 'materialsAndHours');
		if (key) keyGroups.add(exportKeyGroupOf(key));
		for (const material of linesOf(order, 'Materials') ?? []) {
			const code = text(material.MaterialCode).trim();
			if (code) items.add(code);
			if (settings.gla.source === 'materialFreeField') {
				const glCode = trimCode(material[`MaterialFreeField${settings.gla.freeFieldNumber}`]);
				if (glCode) glCodes.add(glCode);
			}
		}
		for (const period of linesOf(order, 'Workperiods') ?? []) {
			const hourType = text(period.HourType).trim() || settings.defaultHourType;
			if (hourType) items.add(settings.hourTypeItems.get(hourType) ?? hourType);
		}
		const minimumType = settings.minimumHourType || settings.defaultHourType;
		if (minimumType) items.add(settings.hourTypeItems.get(minimumType) ?? minimumType);
		if (settings.travel.mode !== 'off' && settings.travel.itemCode) items.add(settings.travel.itemCode);
		const project = text(order.ProjectNr).trim();
		if (project && settings.projectOnLines) projects.add(project);
	}
	return {
		debtorNumbers: [...debtors],
		itemCodes: [...items],
		glAccountCodes: [...glCodes],
		projectCodes: [...projects],
		yourRefs: [...yourRefs],
		exportKeyGroups: [...keyGroups],
	};
}
