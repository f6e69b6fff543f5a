import type { IExecuteFunctions } from 'n8n-workflow';
import { getMasterData } from '../../../OutSmart/transport';
import type { ExportSettings } from '../../logic/exportSettings';
import { materialsMissingFreeField, withMasterFreeFields } from '../../logic/materialMaster';
import { text } from '../../logic/values';
import type { Workorder } from '../../logic/workorder';

/**
 * Fills the GLA free field of lines that lack it from OutSmart's material master, with one read of
 * `materials` for the whole batch (OutSmart's filters cannot ask for a list of codes), and only when some
 * line lacks it.
 */
export async function withMaterialMasterGla(this: IExecuteFunctions, orders: Workorder[], settings: ExportSettings): Promise<Workorder[]> {
	const missing = new Set(materialsMissingFreeField(orders, settings.gla));
	if (missing.size === 0) return orders;
	const masterFreeFields = new Map<string, string>();
	for (const material of await getMasterData.call(this, 'materials')) {
		const code = text(material.code).trim();
		if (missing.has(code)) masterFreeFields.set(code, text(material[`freefield${settings.gla.freeFieldNumber}`]).trim());
	}
	return withMasterFreeFields(orders, settings.gla, masterFreeFields);
}
