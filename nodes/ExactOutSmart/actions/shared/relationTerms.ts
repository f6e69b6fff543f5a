import type { IExecuteFunctions } from 'n8n-workflow';
import { getMasterData } from '../../../OutSmart/transport';
import type { ExportSettings } from '../../logic/exportSettings';
import { text } from '../../logic/values';
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
