import type { IExecuteFunctions } from 'n8n-workflow';
import { getMasterData } from '../../../OutSmart/transport';
import type { ExactCatalog } from '../../logic/exactCatalog';
import type { ExportSettings } from '../../logic/exportSettings';
import { parseDecimalText, text } from '../../logic/values';
import { readRelationTermField } from './exportSettings.description';

/**
 * The payment term of every OutSmart relation by debtor number, read once per execution (OutSmart lists
 * relations in one call and has no OR filter), only when the payment-condition check uses them.
 */
export async function loadRelationTerms(this: IExecuteFunctions, settings: ExportSettings): Promise<Map<string, string>> {
	const terms = new Map<string, string>();
	if (settings.paymentConditionSource !== 'outSmartRelation') return terms;
	const field = readRelationTermField.call(this);
	for (const relation of await getMasterData.call(this, 'relations')) {
		const debtor = text(relation.debtor_number).trim();
		if (debtor) terms.set(debtor, text(relation[field]).trim());
	}
	return terms;
}

/**
 * OutSmart's hour types (`hourtypes`: `sale_price`), read once per execution when the node has an OutSmart
 * credential, so that with OutSmart prices the hours take OutSmart's price.
 *
 * `cost_booking` / `sale_booking` do not say whether an hour type is billable: the Blueprint
 * (CloudEcosystemDev/outsmart-component README.md, hourtypes) documents them only as required 0/1 flags,
 * and its one example has the billable "Normale uren" at 0/0 and sick leave "ZK" (price 0,00) at 1/1. Reading
 * `sale_booking = 0` as "not billable" would leave every normal hour off the invoice. Hour types that are
 * never invoiced are named in the export's Non-Billable Hour Types.
 */
export async function loadOutSmartHourTypes(this: IExecuteFunctions, catalog: ExactCatalog, options: { prices?: boolean } = {}): Promise<void> {
	try {
		await this.getCredentials('outSmartApi');
	} catch {
		return;
	}
	for (const row of await getMasterData.call(this, 'hourtypes')) {
		const code = text(row.code).trim();
		if (!code) continue;
		catalog.outSmartHourTypes.set(code, { code, billable: true, salePrice: parseDecimalText(row.sale_price) });
	}
	if (!options.prices) return;
	// Work periods carry no price: a customer's price agreement for an hour type lives in OutSmart's prices
	// (lib/spec.json `/prices`, GetPrices), one call for all of them.
	for (const row of await getMasterData.call(this, 'prices')) {
		const price = parseDecimalText(row.price);
		if (price === undefined) continue;
		catalog.outSmartPrices.push({
			material: text(row.material).trim(),
			hourType: text(row.hourtype).trim(),
			debtorNumber: text(row.debtornr).trim(),
			startDate: text(row.date_start).trim().slice(0, 10),
			endDate: text(row.date_end).trim().slice(0, 10),
			price,
		});
	}
}
