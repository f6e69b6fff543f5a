/** Exact labour item → OutSmart hour type (code = item code, so exports find the item back). */
import type { ImportResult } from './importResult';
import { formatDotDecimal } from './importResult';
import { isLabourItem } from './itemToMaterial';
import { parseDecimalText, text, trimCode } from './values';

export interface OutSmartHourType {
	code: string;
	name: string;
	cost_booking: '0' | '1';
	sale_booking: '0' | '1';
	sale_price: string;
	cost_price: string;
	active: '0' | '1';
}

/** Which fields of a mapped hour type count as a change (see RELATION_CHANGE_FIELDS); the booking flags do not. */
export const HOUR_TYPE_CHANGE_FIELDS: ReadonlyArray<keyof OutSmartHourType> = ['code', 'name', 'sale_price', 'cost_price', 'active'];

export interface LabourImportOptions {
	/** Item group codes that hold labour items; empty = items marked as time (IsTime) in Exact. */
	labourItemGroups: string[];
}

export function labourItemToHourType(item: Record<string, unknown>, options: LabourImportOptions): ImportResult<OutSmartHourType> {
	const code = trimCode(item.Code);
	if (code === '') return { problem: 'An Exact item has no code' };
	const group = trimCode(item.ItemGroupCode);
	const isLabour = options.labourItemGroups.length > 0 ? options.labourItemGroups.includes(group) : isLabourItem(item);
	if (!isLabour) return { skip: `Item ${code} is not a labour item` };
	return {
		record: {
			code,
			name: text(item.Description).trim() || code,
			// As the Blueprint's billable "Normale uren" (CloudEcosystemDev/outsmart-component README.md, hourtypes
			// example); its sick leave "ZK" has 1/1. The flags' meaning is not documented further.
			cost_booking: '0',
			sale_booking: '0',
			sale_price: formatDotDecimal(parseDecimalText(item.StandardSalesPrice) ?? 0),
			cost_price: formatDotDecimal(parseDecimalText(item.CostPriceStandard) ?? 0),
			active: '1',
		},
	};
}
