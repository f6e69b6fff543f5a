/**
 * General Ledger Accounts (GLA) for invoice lines. The user chooses where a material's GLA comes from: a
 * free field on the work-order material line (OutSmart's manual method, filled by the item import), the
 * Exact item's revenue account (or its item group's when the item has none, as Exact resolves it), or one
 * default. Whatever the source, the account must exist in Exact and be a revenue account: Exact refuses
 * balance-sheet accounts on sales lines ("Ongeldig: Grootboekrekeningtype").
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

/** GLAccounts.Type values that are income (picqer GLAccount.php: 110 = Revenue, 140 = Exceptional income). */
const REVENUE_TYPES = new Set([110, 140]);

/**
 * Why an account cannot carry a sales line ('' = it can). Profit and loss versus balance sheet is
 * GLAccounts.BalanceType W/B (picqer GLAccount.php), not a range of Type; among P&L accounts only
 * revenue types book sales (ours: cost accounts such as 111 Cost of goods are refused as well, so revenue
 * never lands on a cost account).
 */
export function revenueAccountProblem(account: ExactGlAccountRecord): string {
	if (account.blocked) return ', which is blocked in Exact: unblock it or use another account';
	const balanceType = (account.balanceType ?? '').trim().toUpperCase();
	if (balanceType === 'B' || (balanceType === '' && account.type !== undefined && account.type < 100)) {
		return ` (${account.description}), a balance-sheet account that Exact refuses on sales lines: use a revenue account`;
	}
	if (account.type !== undefined && !REVENUE_TYPES.has(account.type)) {
		return ` (${account.description}), a profit-and-loss account that is not a revenue account (type ${account.type}): use a revenue account`;
	}
	return '';
}

/** The revenue GL code Exact uses for an item: its own, else its item group's ('' = none). */
export function itemRevenueGlCode(itemCode: string, catalog: ExactCatalog): string {
	const item = catalog.itemsByCode.get(itemCode);
	if (!item) return '';
	if (item.glRevenueCode) return item.glRevenueCode;
	return item.itemGroupCode ? catalog.itemGroupsByCode.get(item.itemGroupCode)?.glRevenueCode ?? '' : '';
}

export type GlaResult = { account: ExactGlAccountRecord } | { problem: string };

/** The GLA code a material line asks for, before it is checked against Exact ('' = none). */
export function requestedGlaCode(material: WorkorderMaterial, settings: GlaSettings, catalog: ExactCatalog): string {
	let code = '';
	if (settings.source === 'materialFreeField') code = text(material[`MaterialFreeField${settings.freeFieldNumber}`]).trim();
	else if (settings.source === 'exactItem') code = itemRevenueGlCode(text(material.MaterialCode).trim(), catalog);
	return code || settings.defaultGlAccountCode;
}

function fixFor(settings: GlaSettings, materialCode: string): string {
	if (settings.source === 'materialFreeField') {
		return `fill MaterialFreeField${settings.freeFieldNumber} of material ${materialCode} in OutSmart (or run the item import that writes the GLA), or set a default GL account`;
	}
	if (settings.source === 'exactItem') return `set a revenue GL account on item ${materialCode} or on its item group in Exact, or set a default GL account`;
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
	const refusal = revenueAccountProblem(account);
	if (refusal) return { problem: `${label} has GL account ${code}${refusal}` };
	return { account };
}
