/**
 * salesinvoice/SalesInvoices POST with embedded lines, validated the way Exact does (journal, customer, items,
 * GL account type, VAT code, payment condition), plus the receivable that a later payment settles.
 */
import { randomUUID } from 'node:crypto';
import type { SimulatedClock } from '../shared/clock';
import { addExactDays, startOfExactDay } from './exactTime';
import { isGuid, readEntityInput, requireFields } from './entityInput';
import { ApiError } from './httpUtils';
import { padCode } from './padding';
import { findEntityBySet } from './schema';
import type { ExactStore, Row } from './store';

const SALES_JOURNAL_TYPE = 20;
const FIRST_INVOICE_NUMBER = 26_000_001;

/**
 * Cents, half away from zero, per line (ours: Exact documents AmountFC and VATAmountFC per line but not
 * its rounding; the package's money.ts follows the same rule so the dry run and the invoice agree).
 */
function roundCents(value: number): number {
	const clean = Number(value.toPrecision(12));
	return (Math.sign(clean) * Math.round(Math.abs(clean) * 100)) / 100;
}

/** Invoice dates are date-only: Amsterdam midnight, as Exact stores them (see exactTime.ts). */
function startOfDay(epochMs: number): number {
	return startOfExactDay(epochMs);
}

function findByCode(store: ExactStore, division: number, entitySet: string, code: string): Row | undefined {
	const wanted = code.trim().toLowerCase();
	return store.rows(division, entitySet).find((row) => String(row.Code).trim().toLowerCase() === wanted);
}

function requireAccount(store: ExactStore, division: number, id: unknown, field: string): Row {
	const account = isGuid(id) ? store.get(division, 'Accounts', id) : undefined;
	if (!account) throw new ApiError(400, `Invalid reference: ${field}`);
	return account;
}

export function nextInvoiceNumber(store: ExactStore, division: number): number {
	const numbers = store.rows(division, 'SalesInvoices').map((row) => Number(row.InvoiceNumber) || 0);
	return Math.max(FIRST_INVOICE_NUMBER - 1, ...numbers) + 1;
}

/**
 * The entry of the customer's price list (Accounts.PriceList) for the item on a date: the period that holds the
 * date (sales/SalesPriceListPeriods StartDate/EndDate), the item's own entry before its item group's, the highest
 * volume (Quantity) the line reaches (sales/SalesPriceListVolumeDiscounts; Pi-Systems src/Entity/Sales/*.php).
 * Ours: how the entry is chosen, both period ends included.
 */
function priceListEntry(store: ExactStore, division: number, customer: Row | undefined, item: Row, quantity: number, date: number): Row | undefined {
	if (!customer?.PriceList) return undefined;
	const periods = new Set(
		store
			.rows(division, 'SalesPriceListPeriods')
			.filter((period) => period.PriceList === customer.PriceList && Number(period.StartDate ?? 0) <= date && (period.EndDate === null || period.EndDate === undefined || date <= Number(period.EndDate)))
			.map((period) => period.ID),
	);
	const entries = store.rows(division, 'SalesPriceListVolumeDiscounts').filter((entry) => periods.has(entry.PriceListPeriod) && Number(entry.Quantity ?? 0) <= Math.abs(quantity));
	const own = entries.filter((entry) => entry.Item === item.ID);
	const candidates = own.length > 0 ? own : entries.filter((entry) => !entry.Item && entry.ItemGroup && entry.ItemGroup === item.ItemGroup);
	return candidates.sort((a, b) => Number(b.Quantity ?? 0) - Number(a.Quantity ?? 0))[0];
}

function buildLine(store: ExactStore, division: number, invoiceId: string, input: unknown, lineNumber: number, invoiceDate: number, customer?: Row): Row {
	const lineDefinition = findEntityBySet('SalesInvoiceLines')!;
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		throw new ApiError(400, 'Error processing request stream. The request should be a valid top-level resource object.');
	}
	const { values } = readEntityInput(lineDefinition, input as Record<string, unknown>);
	requireFields(lineDefinition, values, ['Item']);
	const item = store.get(division, 'Items', String(values.Item));
	if (!item) throw new ApiError(400, 'Invalid reference: Item');
	if (item.IsSalesItem === false) throw new ApiError(400, `Item ${String(item.Code)} is not a sales item`);
	// Items.GLRevenue "overrules the GL account from the item group" (picqer Item.php, ItemGroup.php GLRevenue):
	// a line without its own GL account books on the item's, else on its item group's revenue account.
	const group = item.ItemGroup ? store.get(division, 'ItemGroups', String(item.ItemGroup)) : undefined;
	const glAccountId = values.GLAccount ?? item.GLRevenue ?? group?.GLRevenue;
	if (!glAccountId) throw new ApiError(400, 'Mandatory: GLAccount (SalesInvoiceLine)');
	const glAccount = store.get(division, 'GLAccounts', String(glAccountId));
	if (!glAccount) throw new ApiError(400, 'Invalid reference: GLAccount');
	// GLAccounts.BalanceType B (Balance Sheet) / W (Profit & Loss) (picqer GLAccount.php). The refusal text is
	// the one reported in the field ("Ongeldig: Grootboekrekeningtype"); ours: that it is a 400.
	if (glAccount.BalanceType !== 'W') throw new ApiError(400, 'Ongeldig: Grootboekrekeningtype. A sales line needs a profit-and-loss (revenue) G/L account.');
	const vatCodeText = String(values.VATCode ?? item.SalesVatCode ?? '').trim();
	const vatCode = vatCodeText ? findByCode(store, division, 'VATCodes', vatCodeText) : undefined;
	if (!vatCode) throw new ApiError(400, `Invalid reference: VATCode '${vatCodeText}'`);
	if (vatCode.IsBlocked) throw new ApiError(400, `VAT code ${vatCodeText} is blocked`);
	// A line without UnitPrice is priced by Exact: the customer's own SalesItemPrice (Account set), else its price
	// list's entry (priceListEntry below), else the item's general price, else StandardSalesPrice; without Discount
	// the account's DiscountSales applies, or the list entry's discount (Accounts.DiscountSales "Default discount
	// percentage for sales", SalesItemPrices.Account; picqer Account.php, SalesItemPrice.php; "these prices take
	// effect for sales orders, and sales invoices", Pi-Systems src/Entity/Sales/SalesPriceLists.php). Ours: the
	// order of these rules.
	const prices = store.rows(division, 'SalesItemPrices').filter((row) => row.Item === item.ID);
	const ownPrice = prices.find((row) => customer && row.Account === customer.ID);
	const quantity = values.Quantity === undefined || values.Quantity === null ? 1 : Number(values.Quantity);
	const listed = ownPrice ? undefined : priceListEntry(store, division, customer, item, quantity, invoiceDate);
	const listedPrice = listed && (Number(listed.EntryMethod) === 2 ? Number(listed.NewPrice) : Number(listed.BasePriceAmount ?? item.StandardSalesPrice ?? 0));
	const price = ownPrice ?? prices.find((row) => !row.Account);
	const unitPrice =
		values.UnitPrice === undefined || values.UnitPrice === null ? (listedPrice ?? Number(price?.Price ?? item.StandardSalesPrice ?? 0)) : Number(values.UnitPrice);
	const defaultDiscount = listed ? (Number(listed.EntryMethod) === 1 ? Number(listed.Discount ?? 0) : 0) : Number(customer?.DiscountSales ?? 0);
	const discount = values.Discount === undefined || values.Discount === null ? defaultDiscount : Number(values.Discount);
	const amount = values.AmountFC === undefined || values.AmountFC === null ? roundCents(quantity * unitPrice * (1 - discount)) : Number(values.AmountFC);
	const vatPercentage = Number(vatCode.Percentage ?? 0);
	const vatAmount = roundCents(amount * vatPercentage);
	return {
		...values,
		ID: randomUUID(),
		InvoiceID: invoiceId,
		LineNumber: lineNumber,
		Item: item.ID,
		ItemCode: item.Code,
		ItemDescription: item.Description,
		Description: values.Description ?? item.Description,
		GLAccount: glAccount.ID,
		GLAccountDescription: glAccount.Description,
		VATCode: padCode(vatCodeText, 3, 'left'),
		VATCodeDescription: vatCode.Description,
		VATPercentage: vatPercentage,
		Quantity: quantity,
		UnitPrice: unitPrice,
		NetPrice: roundCents(unitPrice * (1 - discount)),
		Discount: discount,
		AmountFC: amount,
		AmountDC: amount,
		VATAmountFC: vatAmount,
		VATAmountDC: vatAmount,
		UnitCode: values.UnitCode ?? item.Unit,
		UnitDescription: item.UnitDescription,
	};
}

/** Validates and stores an invoice with its lines and receivable; returns the stored header. */
export function createSalesInvoice(store: ExactStore, clock: SimulatedClock, division: number, body: Record<string, unknown>): Row {
	const definition = findEntityBySet('SalesInvoices')!;
	const { values, collections } = readEntityInput(definition, body);
	requireFields(definition, values, ['Journal', 'OrderedBy']);
	const lineInputs = collections.SalesInvoiceLines;
	if (!lineInputs || lineInputs.length === 0) throw new ApiError(400, 'Mandatory: SalesInvoiceLines (SalesInvoice)');

	const journal = findByCode(store, division, 'Journals', String(values.Journal));
	if (!journal) throw new ApiError(400, 'Invalid reference: Journal');
	if (journal.Type !== SALES_JOURNAL_TYPE) throw new ApiError(500, 'Invalid journal. The journal must be a sales journal.');

	const orderedBy = requireAccount(store, division, values.OrderedBy, 'OrderedBy');
	if (orderedBy.Blocked) throw new ApiError(400, `Account ${String(orderedBy.Code).trim()} is blocked`);
	if (orderedBy.Status !== 'C') throw new ApiError(400, `Account ${String(orderedBy.Code).trim()} is not a customer`);
	const invoiceTo = values.InvoiceTo ? requireAccount(store, division, values.InvoiceTo, 'InvoiceTo') : orderedBy;
	const deliverTo = values.DeliverTo ? requireAccount(store, division, values.DeliverTo, 'DeliverTo') : orderedBy;
	if (invoiceTo.Blocked) throw new ApiError(400, `Account ${String(invoiceTo.Code).trim()} is blocked`);

	const conditionCode = String(values.PaymentCondition ?? orderedBy.PaymentConditionSales ?? '').trim();
	const condition = conditionCode ? findByCode(store, division, 'PaymentConditions', conditionCode) : undefined;
	if (conditionCode && !condition) throw new ApiError(400, `Invalid reference: PaymentCondition '${conditionCode}'`);
	const type = values.Type === undefined || values.Type === null ? 8020 : Number(values.Type);
	if (type === 8023 || type === 8024) throw new ApiError(400, 'Direct sales invoices need a warehouse and a wholesale or manufacturing edition');
	if (type !== 8020 && type !== 8021) throw new ApiError(400, `Invalid: Type ${type}`);
	if (values.Document !== undefined && values.Document !== null && !store.get(division, 'Documents', String(values.Document))) {
		throw new ApiError(400, 'Invalid reference: Document');
	}

	const invoiceId = store.newGuid();
	const invoiceDate = startOfDay(clock.now());
	const lines = lineInputs.map((input, index) => buildLine(store, division, invoiceId, input, index + 1, invoiceDate, invoiceTo));
	const amountExcl = roundCents(lines.reduce((sum, line) => sum + Number(line.AmountFC), 0));
	const vatAmount = roundCents(lines.reduce((sum, line) => sum + Number(line.VATAmountFC), 0));
	const dueDate = (values.DueDate as number | undefined) ?? addExactDays(invoiceDate, Number(condition?.PaymentDays ?? 0));
	for (const line of lines) store.insert(division, 'SalesInvoiceLines', line, { silent: true });
	const invoice = store.insert(division, 'SalesInvoices', {
		...values,
		InvoiceID: invoiceId,
		// A created invoice is "te verwerken": no number and no receivable until it is processed through
		// salesinvoice/PrintedSalesInvoices (the SDK's POST response fixture has InvoiceNumber null and Status 20
		// Open: exactonline-api-dotnet-client Response_Json_Object_SalesInvoice; Pi-Systems/exact-online
		// src/Entity/SalesInvoice/PrintedSalesInvoices.php; picqer/exact-php-client #176).
		InvoiceNumber: null,
		Status: 20,
		StatusDescription: 'Open',
		Type: type,
		TypeDescription: type === 8021 ? 'Creditnota' : 'Verkoopfactuur',
		Journal: journal.Code,
		JournalDescription: journal.Description,
		OrderedBy: orderedBy.ID,
		OrderedByName: orderedBy.Name,
		InvoiceTo: invoiceTo.ID,
		InvoiceToName: invoiceTo.Name,
		DeliverTo: deliverTo.ID,
		DeliverToName: deliverTo.Name,
		PaymentCondition: condition?.Code ?? null,
		PaymentConditionDescription: condition?.Description ?? null,
		Currency: values.Currency ?? 'EUR',
		InvoiceDate: invoiceDate,
		OrderDate: values.OrderDate ?? invoiceDate,
		DueDate: dueDate,
		AmountFCExclVat: amountExcl,
		VATAmountFC: vatAmount,
		VATAmountDC: vatAmount,
		AmountFC: roundCents(amountExcl + vatAmount),
		AmountDC: roundCents(amountExcl + vatAmount),
	});
	return invoice;
}

export interface ProcessOptions {
	sendEmail?: boolean;
}

/**
 * Processes ("verwerkt") an invoice as a POST to salesinvoice/PrintedSalesInvoices does: it gets its number, is
 * booked (Status 50) and gets its receivable; with SendEmailToCustomer it is e-mailed too. Processing one that is
 * already processed prints it again and changes nothing else (ours).
 */
export function processSalesInvoice(store: ExactStore, division: number, invoiceId: string, options: ProcessOptions = {}): Row {
	const invoice = store.get(division, 'SalesInvoices', invoiceId);
	if (!invoice) throw new ApiError(400, `Invalid reference: InvoiceID`);
	if (invoice.Status === 50) return invoice;
	const invoiceNumber = nextInvoiceNumber(store, division);
	const invoiceTo = store.get(division, 'Accounts', String(invoice.InvoiceTo));
	const processed = store.update(division, 'SalesInvoices', invoiceId, {
		InvoiceNumber: invoiceNumber,
		Status: 50,
		StatusDescription: 'Verwerkt',
		...(options.sendEmail ? { EmailSentToCustomer: true } : {}),
	})!;
	store.insert(division, 'Receivables', {
		// ours: the receivable is the paying party's (InvoiceTo, "the Customer who will receive the invoice").
		ID: randomUUID(), Account: String(processed.InvoiceTo), AccountCode: invoiceTo?.Code, AccountName: invoiceTo?.Name, AmountDC: processed.AmountDC, AmountFC: processed.AmountFC,
		TransactionAmountDC: processed.AmountDC, TransactionAmountFC: processed.AmountFC, Currency: processed.Currency, Description: processed.Description ?? null,
		InvoiceDate: processed.InvoiceDate, DueDate: processed.DueDate, EntryDate: processed.InvoiceDate, InvoiceNumber: invoiceNumber, EntryNumber: invoiceNumber, Journal: processed.Journal,
		JournalDescription: processed.JournalDescription, PaymentCondition: processed.PaymentCondition ?? null, IsFullyPaid: false, Status: 20, TransactionEntryID: processed.InvoiceID,
		TransactionType: 20, YourRef: processed.YourRef ?? null, LastPaymentDate: null,
	}, { silent: true });
	return processed;
}

/** Books the full payment of a processed invoice: its receivable becomes fully paid. */
export function markInvoicePaid(store: ExactStore, clock: SimulatedClock, division: number, invoiceId: string): Row {
	const invoice = store.get(division, 'SalesInvoices', invoiceId);
	if (!invoice) throw new ApiError(404, `No sales invoice ${invoiceId} in division ${division}`);
	// Only a processed invoice has a receivable that a payment can settle.
	if (invoice.Status !== 50) throw new ApiError(409, `Sales invoice ${invoiceId} is not processed: process it first (salesinvoice/PrintedSalesInvoices)`);
	const receivable = store.rows(division, 'Receivables').find((row) => row.TransactionEntryID === invoice.InvoiceID);
	if (receivable) {
		store.update(division, 'Receivables', String(receivable.ID), { IsFullyPaid: true, Status: 50, LastPaymentDate: clock.now() }, { silent: true });
	}
	return store.get(division, 'SalesInvoices', invoiceId)!;
}
