/**
 * Exact item → OutSmart material, with the item's revenue GL account written into the chosen material free
 * field (the seed's recommended import method: then every work-order material line carries its GLA). Prices
 * go as OutSmart shows them for materials: two decimals with a comma. The item group becomes a material
 * category link.
 */
import type { ImportResult } from './importResult';
import { formatCommaDecimal, isTruthy } from './importResult';
import { parseDecimalText, text, trimCode } from './values';

export interface OutSmartMaterial {
	code: string;
	description: string;
	price: string;
	unit: string;
	vat_code: string;
	[freeField: string]: string;
}

export interface OutSmartMaterialCategory {
	mct_mat_code: string;
	mct_cat_code: string;
}

/**
 * Which fields of a mapped material count as a change (see RELATION_CHANGE_FIELDS): its own fields and
 * the free field that receives the GLA, when one does.
 */
export function materialChangeFields(glaFreeFieldNumber: number): string[] {
	const own: string[] = ['code', 'description', 'price', 'unit', 'vat_code'] satisfies Array<keyof OutSmartMaterial>;
	return glaFreeFieldNumber >= 1 && glaFreeFieldNumber <= 5 ? [...own, `freefield${glaFreeFieldNumber}`] : own;
}

export interface ItemImportOptions {
	/** 1..5: the material free field that receives the GL account code; 0 = do not write the GLA. */
	glaFreeFieldNumber: number;
	/** Item group codes to import; empty = all. */
	itemGroups: string[];
	skipLabourItems: boolean;
	/** Refuse items without a revenue GL account (for the GLA update operation). */
	requireGla: boolean;
}

export function isLabourItem(item: Record<string, unknown>): boolean {
	return isTruthy(item.IsTime);
}

export function itemToMaterial(item: Record<string, unknown>, options: ItemImportOptions): ImportResult<OutSmartMaterial> {
	const code = trimCode(item.Code);
	if (code === '') return { problem: 'An Exact item has no code' };
	const group = trimCode(item.ItemGroupCode);
	if (options.itemGroups.length > 0 && !options.itemGroups.includes(group)) {
		return { skip: `Item ${code} is in item group ${group || '(none)'}, which is not imported` };
	}
	if (options.skipLabourItems && isLabourItem(item)) return { skip: `Item ${code} is a labour item (imported as an hour type)` };
	const glCode = trimCode(item.GLRevenueCode);
	if (options.requireGla && glCode === '') {
		return { problem: `Item ${code} has no revenue GL account in Exact: set one on the item so the material gets its GLA` };
	}
	const price = parseDecimalText(item.StandardSalesPrice) ?? 0;
	const record: OutSmartMaterial = {
		code,
		description: text(item.Description).trim() || code,
		price: formatCommaDecimal(price),
		unit: text(item.Unit).trim() || 'stuk',
		vat_code: trimCode(item.SalesVatCode),
	};
	if (options.glaFreeFieldNumber >= 1 && options.glaFreeFieldNumber <= 5) record[`freefield${options.glaFreeFieldNumber}`] = glCode;
	return { record };
}

export function itemToMaterialCategory(item: Record<string, unknown>): ImportResult<OutSmartMaterialCategory> {
	const code = trimCode(item.Code);
	const group = trimCode(item.ItemGroupCode);
	if (group === '') return { skip: `Item ${code} has no item group` };
	return { record: { mct_mat_code: code, mct_cat_code: group } };
}
