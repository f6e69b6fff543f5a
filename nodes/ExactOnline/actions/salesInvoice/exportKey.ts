/**
 * The export key: what finds the invoice already made for one work order, whatever the office types in
 * YourRef. It is kept in the invoice's Remarks as `[OutSmart <row id> <mode>]` (a field the export writes
 * and the office does not fill), and looked up together with the other keys of the same order, so an
 * order exported "materials only" and later "materials and hours" is seen. A credit note (Type 8021) is no
 * export of the order: one carrying the same key cancels an invoice with that key (ours: that Exact's
 * "credit" copies the Remarks is not documented; the office can also start the credit note's remarks with
 * the key), so "credit and re-export" works. A found invoice is compared with what the order gives now:
 * the same customer, lines and amount mean "already exported"; anything else is refused with "credit and
 * re-export, or correct in Exact", never silently skipped and never invoiced twice.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { and, contains, eq, exactGetAll, exactGetByValues, odataGuid, or } from '../../transport';
import { SALES_INVOICE_PATH } from './fields';

const KEY = /^\[(.+) (\S+)\]$/;

/** SalesInvoices.Type (picqer SalesInvoice.php): 8020 sales invoice, 8021 sales credit note. */
export const SALES_INVOICE_TYPE = 8020;
export const CREDIT_NOTE_TYPE = 8021;

/** `[OutSmart 501 MH]` → `[OutSmart 501 ` (the order's keys all start with it); undefined when not a key. */
export function keyGroupOf(key: string): string | undefined {
	const match = KEY.exec(key.trim());
	return match ? `[${match[1]} ` : undefined;
}

/** The export key at the start of a Remarks text ('' = none). */
export function keyIn(remarks: unknown): string {
	const match = /^\[[^[\]]+ \S+\]/.exec(String(remarks ?? '').trim());
	return match ? match[0] : '';
}

/** Created: which of two invoices is older (a draft has no number yet), for credits and for settling duplicates. */
const FOUND_FIELDS = ['InvoiceID', 'InvoiceNumber', 'Remarks', 'YourRef', 'OrderedBy', 'InvoiceTo', 'AmountFCExclVat', 'Type', 'Status', 'StatusDescription', 'Created'];

/** When Exact created the invoice (ms), from its read-only Created; undefined when not read or not a time. */
export function createdAt(row: IDataObject): number | undefined {
	const parsed = Date.parse(String(row.Created ?? ''));
	return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * Oldest first: by Created (Exact sets it, to the millisecond: `/Date(1382667906263)/` in exactonline-api-dotnet-client
 * test/ExactOnline.Client.Sdk.UnitTests/Json/Response_Json_Object_SalesInvoice.txt), then InvoiceNumber, then InvoiceID,
 * so that every process orders the same rows alike. A row without Created sorts last.
 */
export function createdOrder(a: IDataObject, b: IDataObject): number {
	const time = (row: IDataObject) => createdAt(row) ?? Number.MAX_SAFE_INTEGER;
	return (
		time(a) - time(b) ||
		(Number(a.InvoiceNumber) || Number.MAX_SAFE_INTEGER) - (Number(b.InvoiceNumber) || Number.MAX_SAFE_INTEGER) ||
		String(a.InvoiceID).localeCompare(String(b.InvoiceID))
	);
}

/** The OData filter for every invoice and credit note of these key groups (Type is a mandatory-filter field). */
export function keyGroupFilter(groups: string[]): string {
	return and(or(eq('Type', String(SALES_INVOICE_TYPE)), eq('Type', String(CREDIT_NOTE_TYPE))), or(...groups.map((group) => contains('Remarks', group))));
}

/**
 * The invoices of each key group that no credit note with the same key cancels (the earliest invoices are
 * the ones cancelled first), by group. The rows must carry Created.
 */
export function openInvoicesByGroup(rows: IDataObject[]): Map<string, IDataObject[]> {
	const byKey = new Map<string, { invoices: IDataObject[]; credits: number }>();
	for (const row of rows) {
		const key = keyIn(row.Remarks);
		if (!key || !keyGroupOf(key)) continue;
		const entry = byKey.get(key) ?? { invoices: [], credits: 0 };
		if (Number(row.Type) === CREDIT_NOTE_TYPE) entry.credits += 1;
		else entry.invoices.push(row);
		byKey.set(key, entry);
	}
	const open = new Map<string, IDataObject[]>();
	for (const [key, { invoices, credits }] of byKey) {
		// The oldest are cancelled first. Ours: by Created, since a draft has no number (a credited order's new draft
		// would otherwise sort before the invoice the credit note cancels).
		const sorted = [...invoices].sort(createdOrder);
		const remaining = sorted.slice(Math.min(credits, sorted.length));
		if (remaining.length === 0) continue;
		const group = keyGroupOf(key)!;
		open.set(group, [...(open.get(group) ?? []), ...remaining]);
	}
	return open;
}

/** Open invoices (not credited) per key group, VALUES_PER_FILTER groups per call. */
export async function invoicesByKeyGroup(
	this: IExecuteFunctions,
	division: number,
	groups: string[],
	itemIndex: number,
	{ useDailyReserve = false }: { useDailyReserve?: boolean } = {},
): Promise<Map<string, IDataObject[]>> {
	const wanted = [...new Set(groups)];
	const found = new Map<string, IDataObject[]>(wanted.map((group) => [group, []]));
	const rows = await exactGetByValues.call(this, { division, resource: SALES_INVOICE_PATH, select: FOUND_FIELDS, field: 'Remarks', values: wanted, filterOf: keyGroupFilter, itemIndex, useDailyReserve });
	for (const [group, invoices] of openInvoicesByGroup(rows)) found.get(group)?.push(...invoices);
	return found;
}

async function linesOfInvoice(context: IExecuteFunctions, division: number, invoiceId: string, itemIndex: number): Promise<IDataObject[]> {
	return await exactGetAll.call(context, {
		division,
		resource: 'salesinvoice/SalesInvoiceLines',
		select: ['Item', 'Quantity', 'UnitPrice', 'Discount'],
		filter: eq('InvoiceID', odataGuid(invoiceId)),
		itemIndex,
	});
}

function lineSignature(line: IDataObject): string {
	const number = (value: unknown, decimals: number) => (value === undefined || value === null ? '' : Number(value).toFixed(decimals));
	return [String(line.Item ?? '').toLowerCase(), number(line.Quantity, 4), number(line.UnitPrice, 4), number(line.Discount ?? 0, 4)].join('|');
}

/**
 * How the invoice found for an order differs from the one it would get now ([] = the same). `invoices`
 * are every invoice of the order's key group.
 */
export async function differencesFromFound(
	context: IExecuteFunctions,
	division: number,
	key: string,
	body: IDataObject,
	invoices: IDataObject[],
	itemIndex: number,
): Promise<{ invoice: IDataObject; differences: string[] }> {
	const same = invoices.find((invoice) => keyIn(invoice.Remarks) === key.trim());
	if (!same) {
		const other = invoices[0];
		return { invoice: other, differences: [`it was exported before as ${keyIn(other.Remarks)} (invoice ${String(other.InvoiceNumber ?? other.InvoiceID)})`] };
	}
	const differences: string[] = [];
	if (invoices.length > 1) differences.push(`Exact holds ${invoices.length} invoices for this order`);
	const payer = String(body.InvoiceTo ?? body.OrderedBy ?? '').toLowerCase();
	const foundPayer = String(same.InvoiceTo ?? same.OrderedBy ?? '').toLowerCase();
	if (payer && foundPayer && payer !== foundPayer) differences.push('the customer differs');
	const wanted = ((body.SalesInvoiceLines as IDataObject[] | undefined) ?? []).map(lineSignature).sort();
	const found = (await linesOfInvoice(context, division, String(same.InvoiceID), itemIndex)).map(lineSignature).sort();
	if (wanted.join('\n') !== found.join('\n')) differences.push(`the lines differ (${found.length} in Exact, ${wanted.length} now)`);
	return { invoice: same, differences };
}
