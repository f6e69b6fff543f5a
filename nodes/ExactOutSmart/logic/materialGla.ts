/**
 * GLA check of OutSmart materials: every material needs a GL account code in its GLA free field, and that
 * account must exist in Exact as a profit-and-loss account. One report line per material.
 */
import type { ExactGlAccountRecord } from './exactCatalog';
import { revenueAccountProblem } from './gla';
import { text, trimCode } from './values';

export type MaterialGlaStatus = 'ok' | 'missing' | 'unknown' | 'blocked' | 'balanceSheet' | 'notRevenue';

export interface MaterialGlaReport {
	code: string;
	description: string;
	glAccountCode: string;
	status: MaterialGlaStatus;
	message: string;
}

export function checkMaterialGla(
	material: Record<string, unknown>,
	freeFieldNumber: number,
	glAccountsByCode: Map<string, ExactGlAccountRecord>,
): MaterialGlaReport {
	const code = trimCode(material.code);
	const description = text(material.description).trim();
	const glAccountCode = trimCode(material[`freefield${freeFieldNumber}`]);
	const base = { code, description, glAccountCode };
	if (glAccountCode === '') {
		return { ...base, status: 'missing', message: `Material ${code} has no GL account in free field ${freeFieldNumber}: run the item import or fill it in OutSmart` };
	}
	const account = glAccountsByCode.get(glAccountCode);
	if (!account) {
		return { ...base, status: 'unknown', message: `Material ${code} has GL account ${glAccountCode}, which does not exist in Exact` };
	}
	if (account.blocked) return { ...base, status: 'blocked', message: `Material ${code} has GL account ${glAccountCode}, which is blocked in Exact` };
	const refusal = revenueAccountProblem(account);
	if (refusal) return { ...base, status: refusal.includes('balance-sheet') ? 'balanceSheet' : 'notRevenue', message: `Material ${code} has GL account ${glAccountCode}${refusal}` };
	return { ...base, status: 'ok', message: `Material ${code}: GL account ${glAccountCode} (${account.description})` };
}
