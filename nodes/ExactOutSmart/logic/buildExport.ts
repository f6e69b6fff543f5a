/**
 * One work order → what Exact gets: a sales invoice (materials, and hours per hour type), time
 * transactions on the Exact project, and/or the work-order PDF as a document. Every check that Exact would
 * otherwise fail on (unknown customer, item, GL account or VAT code; payment-condition mismatch) is made
 * here, and all problems of an order are reported together so one fix round is enough.
 */
import type { ExactAccountRecord, ExactCatalog } from './exactCatalog';
import type { ExportSettings } from './exportSettings';
import { YOUR_REF_MAX_LENGTH } from './exportSettings';
import type { ExportMode, ExportTrigger } from './exportTriggers';
import { exclusionReason, finishedDate, isBeforeCutOver, selectTrigger } from './exportTriggers';
import { resolveGla } from './gla';
import { hoursPerHourType } from './hours';
import { checkOrderPaymentCondition } from './paymentConditions';
import { renderTemplate } from './tags';
import { parseDecimalText, roundTo, text, trimCode } from './values';
import type { Workorder } from './workorder';
import { invoiceDebtorNumber, linesOf, missingNumberProblem, notFinishedReason, unreadableLinesProblem, withShownNumber, workorderLabel } from './workorder';

export interface SalesInvoiceLine {
	Item: string;
	Description: string;
	Quantity: number;
	UnitPrice: number;
	GLAccount: string;
	VATCode: string;
}

export interface SalesInvoiceBody {
	Journal: string;
	OrderedBy: string;
	OrderDate?: string;
	YourRef: string;
	PaymentCondition?: string;
	Description: string;
	Remarks?: string;
	PaymentReference?: string;
	SalesInvoiceLines: SalesInvoiceLine[];
}

export interface TimeTransactionBody {
	Item: string;
	Quantity: number;
	Date?: string;
	Project: string;
	Account: string;
	Notes: string;
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
	invoice?: SalesInvoiceBody;
	document?: DocumentRequest;
	timeTransactions?: TimeTransactionBody[];
}

export type BuildOutcome =
	| { kind: 'export'; item: ExportItem }
	| { kind: 'skip'; reason: string; workorder: WorkorderIdentity; trigger?: TriggerSummary }
	| { kind: 'fail'; problems: string[]; workorder: WorkorderIdentity; trigger?: TriggerSummary };

export function identityOf(order: Workorder): WorkorderIdentity {
	return { rowId: text(order.id), workorderNo: text(order.WorkorderNo), customerDebtorNumber: invoiceDebtorNumber(order) };
}

function summarise(trigger: ExportTrigger): TriggerSummary {
	const { name, status, workstatus, mode, successStatus, errorStatus } = trigger;
	return { name, status, workstatus, mode, successStatus, errorStatus };
}

export function yourRefOf(order: Workorder, settings: ExportSettings): string {
	return `${settings.yourRefPrefix}${text(order.WorkorderNo).trim()}`;
}

function mappedField(order: Workorder, settings: ExportSettings, field: string, fallback: string): string {
	const mapping = settings.tagMappings.find((entry) => entry.field === field);
	return renderTemplate(mapping ? mapping.template : fallback, order);
}

function vatCodeFor(itemVatCode: string, settings: ExportSettings, catalog: ExactCatalog, subject: string, problems: string[]): string {
	const code = itemVatCode || settings.defaultVatCode.trim();
	if (code === '') problems.push(`${subject} has no VAT code in Exact and no default VAT code is set`);
	else if (!catalog.vatCodes.has(code)) problems.push(`${subject} uses VAT code ${code}, which does not exist in Exact`);
	return code;
}

function materialLines(order: Workorder, settings: ExportSettings, catalog: ExactCatalog, problems: string[]): SalesInvoiceLine[] {
	const lines: SalesInvoiceLine[] = [];
	const materials = linesOf(order, 'Materials');
	if (!materials) {
		problems.push(unreadableLinesProblem('Materials'));
		return lines;
	}
	for (const material of materials) {
		const code = text(material.MaterialCode).trim();
		const quantity = parseDecimalText(material.MaterialNr);
		if (quantity === undefined) {
			problems.push(`Material ${code} has no readable quantity ('${text(material.MaterialNr)}')`);
			continue;
		}
		if (quantity === 0) continue;
		const item = catalog.itemsByCode.get(code);
		if (!item) {
			problems.push(`Material ${code} (${text(material.MaterialName)}) does not exist in Exact as an item: create item ${code} in Exact or correct the code in OutSmart`);
			continue;
		}
		const gla = resolveGla(material, settings.gla, catalog);
		if ('problem' in gla) problems.push(gla.problem);
		const unitPrice = materialUnitPrice(material.MaterialPrice, item.salesPrice, code, problems);
		const vatCode = vatCodeFor(item.salesVatCode, settings, catalog, `Item ${code}`, problems);
		lines.push({
			Item: item.id,
			Description: text(material.MaterialName).trim() || item.description,
			Quantity: quantity,
			UnitPrice: unitPrice ?? 0,
			GLAccount: 'account' in gla ? gla.account.id : '',
			VATCode: vatCode,
		});
	}
	return lines;
}

/**
 * The price on the work order wins; only an empty one falls back to Exact's sales price. A price that is
 * present but unreadable or negative is refused: silently charging Exact's price instead would invoice
 * the customer an amount nobody entered.
 */
function materialUnitPrice(onOrder: unknown, inExact: number | undefined, code: string, problems: string[]): number | undefined {
	const written = text(onOrder).trim();
	if (written === '') {
		if (inExact === undefined) problems.push(`Material ${code} has no price on the work order nor in Exact`);
		return inExact;
	}
	const price = parseDecimalText(written);
	if (price === undefined) {
		problems.push(`Material ${code} has an unreadable MaterialPrice '${written}': enter a number in OutSmart, e.g. 12,50`);
		return undefined;
	}
	if (price < 0) {
		problems.push(`Material ${code} has a negative MaterialPrice (${written}): correct the price in OutSmart; returns belong on a credit invoice`);
		return undefined;
	}
	return price;
}

interface LabourLine {
	line: SalesInvoiceLine;
	dates: string[];
}

function labourLines(order: Workorder, settings: ExportSettings, catalog: ExactCatalog, problems: string[]): LabourLine[] {
	const hours = hoursPerHourType(order, settings.defaultHourType);
	problems.push(...hours.problems);
	const lines: LabourLine[] = [];
	for (const entry of hours.lines) {
		const itemCode = settings.hourTypeItems.get(entry.hourType) ?? entry.hourType;
		const item = catalog.itemsByCode.get(itemCode);
		if (!item) {
			problems.push(`Hour type ${entry.hourType} has no labour item ${itemCode} in Exact: create it, or map the hour type to an existing labour item`);
			continue;
		}
		if (item.salesPrice === undefined) problems.push(`Labour item ${itemCode} has no sales price in Exact`);
		const glCode = item.glRevenueCode || settings.gla.defaultGlAccountCode.trim();
		const glAccount = catalog.glAccountsByCode.get(glCode);
		if (!glAccount) {
			problems.push(
				glCode === ''
					? `Labour item ${itemCode} has no revenue GL account in Exact and no default GL account is set`
					: `Labour item ${itemCode} has GL account ${glCode}, which does not exist in Exact`,
			);
		}
		const vatCode = vatCodeFor(item.salesVatCode, settings, catalog, `Labour item ${itemCode}`, problems);
		lines.push({
			line: {
				Item: item.id,
				Description: item.description,
				Quantity: entry.hours,
				UnitPrice: item.salesPrice ?? 0,
				GLAccount: glAccount?.id ?? '',
				VATCode: vatCode,
			},
			dates: entry.dates,
		});
	}
	return lines;
}

function findAccount(order: Workorder, catalog: ExactCatalog, problems: string[]): ExactAccountRecord | undefined {
	const debtor = invoiceDebtorNumber(order);
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
	if (settings.cutOverDate.trim() !== '' && isBeforeCutOver(order, settings.cutOverDate.trim())) {
		return { kind: 'skip', workorder, trigger, reason: `${workorderLabel(order)} was finished on ${finishedDate(order)}, before the cut-over date ${settings.cutOverDate.trim()}` };
	}
	const excluded = exclusionReason(order, chosen);
	if (excluded) return { kind: 'skip', workorder, trigger, reason: `${workorderLabel(order)} is not invoiced: ${excluded}` };
	const notFinished = notFinishedReason(order);
	if (notFinished) {
		if (settings.unfinishedOrders === 'skip') return { kind: 'skip', workorder, trigger, reason: notFinished };
		return { kind: 'fail', workorder, trigger, problems: [`${notFinished}: it is not invoiced; finish it in OutSmart or leave it out of the export`] };
	}
	const problems: string[] = [];
	if (workorder.workorderNo === '') problems.push(missingNumberProblem(settings.numberFrom));
	const yourRef = yourRefOf(order, settings);
	if (yourRef.length > YOUR_REF_MAX_LENGTH) problems.push(`YourRef '${yourRef}' is longer than ${YOUR_REF_MAX_LENGTH} characters: shorten the prefix`);
	const account = findAccount(order, catalog, problems);
	const item: ExportItem = { workorder, trigger, yourRef };
	const wantsPdf = chosen.mode === 'pdfOnly' || settings.attachPdf;
	if (chosen.mode !== 'pdfOnly') {
		const outSmartCondition = outSmartPaymentCondition(order, settings, relationTerms);
		if (account) {
			const refusal = checkOrderPaymentCondition(outSmartCondition, account.paymentConditionSales, account.code);
			if (refusal) problems.push(refusal);
		}
		const lines = materialLines(order, settings, catalog, problems);
		const labour = chosen.mode === 'materialsAndHours' ? labourLines(order, settings, catalog, problems) : [];
		if (chosen.mode === 'materialsAndHours' && settings.hoursAsTimeTransactions) {
			const projectCode = text(order.ProjectNr).trim();
			const project = catalog.projectsByCode.get(projectCode);
			if (labour.length > 0 && !project) {
				problems.push(projectCode === '' ? 'Hours go to an Exact project, but the work order has no ProjectNr' : `Project ${projectCode} does not exist in Exact`);
			}
			item.timeTransactions = labour.map(({ line, dates }) => ({
				Item: line.Item,
				Quantity: line.Quantity,
				Date: dates[dates.length - 1] ?? finishedDate(order),
				Project: project?.id ?? '',
				Account: account?.id ?? '',
				Notes: `${workorderLabel(order)}`,
			}));
		} else {
			lines.push(...labour.map(({ line }) => line));
		}
		if (lines.length === 0) problems.push(`${workorderLabel(order)} has nothing to invoice (no materials${chosen.mode === 'materialsAndHours' && !settings.hoursAsTimeTransactions ? ' and no hours' : ''})`);
		const remarks = mappedField(order, settings, 'Remarks', '');
		const paymentReference = mappedField(order, settings, 'PaymentReference', '');
		item.invoice = {
			Journal: settings.journal.trim(),
			OrderedBy: account?.id ?? '',
			...(finishedDate(order) ? { OrderDate: finishedDate(order) } : {}),
			YourRef: yourRef,
			...(account?.paymentConditionSales ? { PaymentCondition: account.paymentConditionSales } : {}),
			Description: mappedField(order, settings, 'Description', 'Werkbon [WorkorderNo]'),
			...(remarks ? { Remarks: remarks } : {}),
			...(paymentReference ? { PaymentReference: paymentReference } : {}),
			SalesInvoiceLines: lines.map((line) => ({ ...line, Quantity: roundTo(line.Quantity, 4), UnitPrice: roundTo(line.UnitPrice, 4) })),
		};
	}
	if (wantsPdf) {
		const pdfUrl = text(order.PdfUrl).trim();
		if (pdfUrl === '') problems.push(`${workorderLabel(order)} has no PdfUrl: OutSmart has no PDF for it yet`);
		item.document = {
			Account: account?.id ?? '',
			Subject: mappedField(order, settings, 'DocumentSubject', 'Werkbon [WorkorderNo]'),
			Type: settings.documentType,
			FileName: `werkbon-${text(order.WorkorderNo).trim().replace(/[^A-Za-z0-9_-]+/g, '_')}.pdf`,
			pdfUrl,
		};
	}
	if (problems.length > 0) return { kind: 'fail', workorder, trigger, problems };
	return { kind: 'export', item };
}

/** What a batch of orders asks of Exact, so the lookups can be made in a few batched calls. */
export interface CatalogNeeds {
	debtorNumbers: string[];
	itemCodes: string[];
	glAccountCodes: string[];
	projectCodes: string[];
	yourRefs: string[];
}

export function catalogNeeds(orders: Workorder[], settings: ExportSettings): CatalogNeeds {
	const debtors = new Set<string>();
	const items = new Set<string>();
	const glCodes = new Set<string>();
	const projects = new Set<string>();
	const yourRefs = new Set<string>();
	if (settings.gla.defaultGlAccountCode.trim()) glCodes.add(settings.gla.defaultGlAccountCode.trim());
	for (const rawOrder of orders) {
		const order = withShownNumber(rawOrder, settings.numberFrom);
		const debtor = invoiceDebtorNumber(order);
		if (debtor) debtors.add(debtor);
		if (order.WorkorderNo) yourRefs.add(yourRefOf(order, settings));
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
		const project = text(order.ProjectNr).trim();
		if (project && settings.hoursAsTimeTransactions) projects.add(project);
	}
	return {
		debtorNumbers: [...debtors],
		itemCodes: [...items],
		glAccountCodes: [...glCodes],
		projectCodes: [...projects],
		yourRefs: [...yourRefs],
	};
}
