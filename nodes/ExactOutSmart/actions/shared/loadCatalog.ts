/**
 * Fetches what a batch of work orders needs from Exact in a few calls: each kind of record is asked for
 * with one `Code eq … or …` filter per chunk of codes, never one call per line, and kept for the rest of
 * the execution.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { anyOf, exactGetAll, odataString, padAccountCode } from '../../../ExactOnline/transport';
import type { CatalogNeeds } from '../../logic/buildExport';
import type { ExactCatalog, ExactGlAccountRecord } from '../../logic/exactCatalog';
import { emptyCatalog } from '../../logic/exactCatalog';
import { parseDecimalText, text, trimCode } from '../../logic/values';

/** Codes per filter: short enough for Exact's URL limits (a 300-value OR is ~12 kB). */
export const CODES_PER_CALL = 40;

function chunks<T>(values: T[], size: number): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < values.length; start += size) result.push(values.slice(start, start + size));
	return result;
}

async function getByCodes(
	context: IExecuteFunctions,
	division: number,
	resource: string,
	field: string,
	codes: string[],
	select: string[],
	literal: (code: string) => string = odataString,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (const chunk of chunks([...new Set(codes)], CODES_PER_CALL)) {
		rows.push(...(await exactGetAll.call(context, { division, resource, select, filter: anyOf(field, chunk.map(literal)) })));
	}
	return rows;
}

function isTrue(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

export function toGlAccount(row: IDataObject): ExactGlAccountRecord {
	const type = Number(row.Type);
	return {
		id: text(row.ID),
		code: trimCode(row.Code),
		description: text(row.Description),
		type: Number.isFinite(type) && row.Type !== null && row.Type !== undefined ? type : undefined,
		blocked: isTrue(row.IsBlocked),
	};
}

export async function loadGlAccounts(context: IExecuteFunctions, division: number, codes: string[]): Promise<Map<string, ExactGlAccountRecord>> {
	const accounts = new Map<string, ExactGlAccountRecord>();
	if (codes.length === 0) return accounts;
	const rows = await getByCodes(context, division, 'financial/GLAccounts', 'Code', codes, ['ID', 'Code', 'Description', 'Type', 'IsBlocked']);
	for (const row of rows) accounts.set(trimCode(row.Code), toGlAccount(row));
	return accounts;
}

export async function loadCatalog(
	context: IExecuteFunctions,
	division: number,
	needs: CatalogNeeds,
	options: { existingInvoices: boolean },
): Promise<ExactCatalog> {
	const catalog = emptyCatalog();
	const validDebtors = needs.debtorNumbers.filter((code) => code.length <= 18);
	if (validDebtors.length > 0) {
		const rows = await getByCodes(context, division, 'crm/Accounts', 'Code', validDebtors, ['ID', 'Code', 'Name', 'PaymentConditionSales', 'SalesVATCode', 'Blocked'], (code) =>
			odataString(padAccountCode(code)),
		);
		for (const row of rows) {
			catalog.accountsByCode.set(trimCode(row.Code), {
				id: text(row.ID),
				code: trimCode(row.Code),
				name: text(row.Name),
				paymentConditionSales: trimCode(row.PaymentConditionSales),
				salesVatCode: trimCode(row.SalesVATCode),
				blocked: isTrue(row.Blocked),
			});
		}
	}
	if (needs.itemCodes.length > 0) {
		const rows = await getByCodes(context, division, 'logistics/Items', 'Code', needs.itemCodes, [
			'ID', 'Code', 'Description', 'StandardSalesPrice', 'SalesVatCode', 'GLRevenueCode', 'Unit',
		]);
		for (const row of rows) {
			catalog.itemsByCode.set(trimCode(row.Code), {
				id: text(row.ID),
				code: trimCode(row.Code),
				description: text(row.Description),
				salesPrice: parseDecimalText(row.StandardSalesPrice),
				salesVatCode: trimCode(row.SalesVatCode),
				glRevenueCode: trimCode(row.GLRevenueCode),
				unit: text(row.Unit),
			});
		}
	}
	// The items' own revenue accounts are only known now; they are checked like the others.
	const glCodes = new Set(needs.glAccountCodes);
	for (const item of catalog.itemsByCode.values()) if (item.glRevenueCode) glCodes.add(item.glRevenueCode);
	catalog.glAccountsByCode = await loadGlAccounts(context, division, [...glCodes]);
	const vatRows = await exactGetAll.call(context, { division, resource: 'vat/VATCodes', select: ['Code'] });
	for (const row of vatRows) catalog.vatCodes.add(trimCode(row.Code));
	if (needs.projectCodes.length > 0) {
		const rows = await getByCodes(context, division, 'project/Projects', 'Code', needs.projectCodes, ['ID', 'Code']);
		for (const row of rows) catalog.projectsByCode.set(trimCode(row.Code), { id: text(row.ID), code: trimCode(row.Code) });
	}
	if (options.existingInvoices && needs.yourRefs.length > 0) {
		const rows = await getByCodes(context, division, 'salesinvoice/SalesInvoices', 'YourRef', needs.yourRefs, ['InvoiceID', 'YourRef']);
		for (const row of rows) catalog.existingYourRefs.add(text(row.YourRef).trim());
	}
	return catalog;
}
