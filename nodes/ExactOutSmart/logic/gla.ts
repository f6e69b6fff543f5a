/**
 * General Ledger Accounts (GLA) for invoice lines. The user chooses where a material's GLA comes from: a
 * free field on the work-order material line (OutSmart's manual method, filled by the item import), the
 * Exact item's revenue account, or one default. Whatever the source, the account must exist in Exact and be
 * a profit-and-loss account: Exact refuses balance-sheet accounts on sales lines ("Ongeldig:
 * Grootboekrekeningtype").
 */
import type { ExactCatalog, ExactGlAccountRecord } from './exactCatalog';
import type { WorkorderMaterial } from './workorder';
import { text } from './values';

export type GlaSource = 'materialFreeField' | 'exactItem' | 'default';

export interface GlaSettings {
	source: GlaSource;
	/** 1..5: which MaterialFreeField holds the GLA code. */
	freeFieldNumber: number;
	/** GL account code used by the 'default' source, and as fallback when set. */
	defaultGlAccountCode: string;
}

const FIRST_PROFIT_AND_LOSS_TYPE = 100;

export type GlaResult = { account: ExactGlAccountRecord } | { problem: string };

/** The GLA code a material line asks for, before it is checked against Exact ('' = none). */
export function requestedGlaCode(material: WorkorderMaterial, settings: GlaSettings, catalog: ExactCatalog): string {
	let code = '';
	if (settings.source === 'materialFreeField') code = text(material[`MaterialFreeField${settings.freeFieldNumber}`]).trim();
	else if (settings.source === 'exactItem') code = catalog.itemsByCode.get(text(material.MaterialCode).trim())?.glRevenueCode ?? '';
	return code || settings.defaultGlAccountCode.trim();
}

function fixFor(settings: GlaSettings, materialCode: string): string {
	if (settings.source === 'materialFreeField') {
		return `fill MaterialFreeField${settings.freeFieldNumber} of material ${materialCode} in OutSmart (or run the item import that writes the GLA), or set a default GL account`;
	}
	if (settings.source === 'exactItem') return `set a revenue GL account on item ${materialCode} in Exact, or set a default GL account`;
	return 'set the default GL account';
}

export function resolveGla(material: WorkorderMaterial, settings: GlaSettings, catalog: ExactCatalog): GlaResult {
	const materialCode = text(material.MaterialCode).trim();
	const label = `Material ${materialCode}${material.MaterialName ? ` (${text(material.MaterialName)})` : ''}`;
	const code = requestedGlaCode(material, settings, catalog);
	if (code === '') return { problem: `${label} has no GL account: ${fixFor(settings, materialCode)}` };
	const account = catalog.glAccountsByCode.get(code);
	if (!account) {
		return { problem: `${label} has GL account ${code}, which does not exist in Exact: ${fixFor(settings, materialCode)}, or create GL account ${code} in Exact` };
	}
	if (account.blocked) return { problem: `${label} has GL account ${code}, which is blocked in Exact: unblock it or use another account` };
	if (account.type !== undefined && account.type < FIRST_PROFIT_AND_LOSS_TYPE) {
		return { problem: `${label} has GL account ${code} (${account.description}), a balance-sheet account that Exact refuses on sales lines: use a revenue account` };
	}
	return { account };
}
