/**
 * Fetches what a batch of work orders needs from Exact in a few calls: each kind of record is asked for
 * with one `Code eq … or …` filter per chunk of codes (exactGetByValues), never one call per line, and kept
 * for the rest of the execution.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { keyGroupFilter, keyIn, openInvoicesByGroup } from '../../../ExactOnline/actions/salesInvoice/exportKey';
import { exactGetAccountsByCode, exactGetAll, exactGetByValues, odataGuid } from '../../../ExactOnline/transport';
import type { CatalogNeeds } from '../../logic/buildExport';
import type { ExactCatalog, ExactGlAccountRecord, ExactPriceListEntry } from '../../logic/exactCatalog';
import { emptyCatalog } from '../../logic/exactCatalog';
import { parseDecimalText, text, trimCode } from '../../logic/values';

async function getByCodes(
	context: IExecuteFunctions,
	division: number,
	resource: string,
	field: string,
	values: string[],
	select: string[],
	literal?: (value: string) => string,
): Promise<IDataObject[]> {
	return await exactGetByValues.call(context, { division, resource, select, field, values, literal });
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
		balanceType: text(row.BalanceType).trim(),
		blocked: isTrue(row.IsBlocked),
	};
}

export async function loadGlAccounts(context: IExecuteFunctions, division: number, codes: string[]): Promise<Map<string, ExactGlAccountRecord>> {
	const accounts = new Map<string, ExactGlAccountRecord>();
	if (codes.length === 0) return accounts;
	const rows = await getByCodes(context, division, 'financial/GLAccounts', 'Code', codes, ['ID', 'Code', 'Description', 'Type', 'BalanceType', 'IsBlocked']);
	for (const row of rows) accounts.set(trimCode(row.Code), toGlAccount(row));
	return accounts;
}

function numberOrUndefined(value: unknown): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	return typeof value === 'number' ? value : parseDecimalText(value);
}

/**
 * The entries of the price lists the customers use, with their period's dates: two reads (the lists' periods,
 * then the periods' entries), only when a customer of the batch has a list (Accounts.PriceList).
 */
export async function loadPriceListEntries(context: IExecuteFunctions, division: number, priceListIds: string[]): Promise<ExactPriceListEntry[]> {
	const lists = [...new Set(priceListIds.filter((id) => id !== ''))];
	if (lists.length === 0) return [];
	const periods = await getByCodes(context, division, 'sales/SalesPriceListPeriods', 'PriceList', lists, ['ID', 'PriceList', 'StartDate', 'EndDate'], odataGuid);
	if (periods.length === 0) return [];
	const periodById = new Map(periods.map((period) => [text(period.ID), period]));
	const rows = await getByCodes(
		context,
		division,
		'sales/SalesPriceListVolumeDiscounts',
		'PriceListPeriod',
		[...periodById.keys()],
		['ID', 'PriceListCode', 'PriceListPeriod', 'Item', 'ItemGroupCode', 'Quantity', 'EntryMethod', 'Discount', 'BasePriceAmount', 'NewPrice', 'Unit'],
		odataGuid,
	);
	const entries: ExactPriceListEntry[] = [];
	for (const row of rows) {
		const period = periodById.get(text(row.PriceListPeriod));
		if (!period) continue;
		entries.push({
			priceListId: text(period.PriceList),
			priceListCode: text(row.PriceListCode).trim(),
			startDate: text(period.StartDate).slice(0, 10),
			endDate: text(period.EndDate).slice(0, 10),
			itemId: text(row.Item).trim(),
			itemGroupCode: trimCode(row.ItemGroupCode),
			quantity: numberOrUndefined(row.Quantity) ?? 0,
			entryMethod: numberOrUndefined(row.EntryMethod) ?? 0,
			discount: numberOrUndefined(row.Discount),
			basePriceAmount: numberOrUndefined(row.BasePriceAmount),
			newPrice: numberOrUndefined(row.NewPrice),
			unit: text(row.Unit).trim(),
		});
	}
	return entries;
}

export async function loadCatalog(
	context: IExecuteFunctions,
	division: number,
	needs: CatalogNeeds,
	options: { existingInvoices: boolean; priceAgreements?: boolean; paymentConditions?: boolean },
): Promise<ExactCatalog> {
	const catalog = emptyCatalog();
	if (needs.debtorNumbers.length > 0) {
		const rows = await exactGetAccountsByCode.call(context, {
			division,
			codes: needs.debtorNumbers,
			select: ['ID', 'Code', 'Name', 'PaymentConditionSales', 'SalesVATCode', 'Blocked', 'DiscountSales', 'PriceList', 'VATNumber'],
		});
		for (const row of rows) {
			catalog.accountsByCode.set(trimCode(row.Code), {
				id: text(row.ID),
				code: trimCode(row.Code),
				name: text(row.Name),
				paymentConditionSales: trimCode(row.PaymentConditionSales),
				salesVatCode: trimCode(row.SalesVATCode),
				blocked: isTrue(row.Blocked),
				discountSales: typeof row.DiscountSales === 'number' ? row.DiscountSales : 0,
				priceList: text(row.PriceList).trim(),
				vatNumber: text(row.VATNumber).trim(),
			});
		}
	}
	if (needs.itemCodes.length > 0) {
		const rows = await getByCodes(context, division, 'logistics/Items', 'Code', needs.itemCodes, [
			'ID', 'Code', 'Description', 'StandardSalesPrice', 'SalesVatCode', 'GLRevenueCode', 'Unit', 'ItemGroupCode',
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
				itemGroupCode: trimCode(row.ItemGroupCode),
			});
		}
	}
	// Exact books an item without its own revenue account on its item group's (Items.GLRevenue docs).
	const groupCodes = [...new Set([...catalog.itemsByCode.values()].filter((item) => !item.glRevenueCode && item.itemGroupCode).map((item) => item.itemGroupCode!))];
	if (groupCodes.length > 0) {
		for (const row of await getByCodes(context, division, 'logistics/ItemGroups', 'Code', groupCodes, ['ID', 'Code', 'GLRevenueCode'])) {
			catalog.itemGroupsByCode.set(trimCode(row.Code), { code: trimCode(row.Code), glRevenueCode: trimCode(row.GLRevenueCode) });
		}
	}
	if (options.priceAgreements && catalog.itemsByCode.size > 0 && catalog.accountsByCode.size > 0) {
		const itemIds = [...catalog.itemsByCode.values()].map((item) => item.id);
		const rows = await getByCodes(context, division, 'logistics/SalesItemPrices', 'Item', itemIds, ['ID', 'Account', 'Item', 'Price', 'Quantity', 'StartDate', 'EndDate'], odataGuid);
		const accountIds = new Set([...catalog.accountsByCode.values()].map((account) => account.id));
		for (const row of rows) {
			const accountId = text(row.Account).trim();
			const price = typeof row.Price === 'number' ? row.Price : parseDecimalText(row.Price);
			if (!accountId || !accountIds.has(accountId) || price === undefined) continue;
			catalog.priceAgreements.push({
				accountId,
				itemId: text(row.Item),
				price,
				startDate: text(row.StartDate).slice(0, 10),
				endDate: text(row.EndDate).slice(0, 10),
				quantity: typeof row.Quantity === 'number' ? row.Quantity : parseDecimalText(row.Quantity) ?? 0,
			});
		}
	}
	if (options.priceAgreements && catalog.itemsByCode.size > 0) {
		catalog.priceListEntries = await loadPriceListEntries(context, division, [...catalog.accountsByCode.values()].map((account) => account.priceList ?? ''));
	}
	// The items' own revenue accounts are only known now; they are checked like the others.
	const glCodes = new Set(needs.glAccountCodes);
	for (const item of catalog.itemsByCode.values()) if (item.glRevenueCode) glCodes.add(item.glRevenueCode);
	for (const group of catalog.itemGroupsByCode.values()) if (group.glRevenueCode) glCodes.add(group.glRevenueCode);
	catalog.glAccountsByCode = await loadGlAccounts(context, division, [...glCodes]);
	const vatRows = await exactGetAll.call(context, { division, resource: 'vat/VATCodes', select: ['Code', 'Percentage', 'EUSalesListing'] });
	for (const row of vatRows) {
		const code = trimCode(row.Code);
		catalog.vatCodes.add(code);
		catalog.vatCodeDetails.set(code, { code, percentage: typeof row.Percentage === 'number' ? row.Percentage : 0, euSalesListing: text(row.EUSalesListing).trim() });
	}
	if (options.paymentConditions) {
		const conditionRows = await exactGetAll.call(context, { division, resource: 'cashflow/PaymentConditions', select: ['Code'] });
		for (const row of conditionRows) catalog.paymentConditions.add(trimCode(row.Code));
	}
	if (needs.projectCodes.length > 0) {
		const rows = await getByCodes(context, division, 'project/Projects', 'Code', needs.projectCodes, ['ID', 'Code']);
		for (const row of rows) catalog.projectsByCode.set(trimCode(row.Code), { id: text(row.ID), code: trimCode(row.Code) });
	}
	if (options.existingInvoices && needs.yourRefs.length > 0) {
		const rows = await getByCodes(context, division, 'salesinvoice/SalesInvoices', 'YourRef', needs.yourRefs, ['InvoiceID', 'YourRef']);
		for (const row of rows) catalog.existingYourRefs.add(text(row.YourRef).trim());
	}
	if (options.existingInvoices && needs.exportKeyGroups.length > 0) {
		const rows = await exactGetByValues.call(context, {
			division,
			resource: 'salesinvoice/SalesInvoices',
			select: ['InvoiceID', 'InvoiceNumber', 'Remarks', 'InvoiceTo', 'OrderedBy', 'AmountFCExclVat', 'Type', 'Created'],
			field: 'Remarks',
			values: needs.exportKeyGroups,
			filterOf: keyGroupFilter,
		});
		for (const [group, invoices] of openInvoicesByGroup(rows)) {
			const list = invoices.map((row) => ({
				exportKey: keyIn(row.Remarks),
				// A draft has no number until it is processed (#15 point 9): it is named by its ID.
				invoiceNumber: text(row.InvoiceNumber) || `draft ${text(row.InvoiceID)}`,
				payerId: text(row.InvoiceTo) || text(row.OrderedBy),
				amountExclVat: typeof row.AmountFCExclVat === 'number' ? row.AmountFCExclVat : Number.NaN,
			}));
			catalog.existingByKeyGroup.set(group, list);
		}
	}
	return catalog;
}
