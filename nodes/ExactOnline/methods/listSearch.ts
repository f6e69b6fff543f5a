import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { and, contains, eq, exactGetAll, odataString, or } from '../transport';
import { divisionSearch } from './divisions';
import { divisionForList, listInDivision } from './listDivision';

const SEARCH_LIMIT = 60;

/** Divisions of the connected user, `code – name`, by code. */
export const searchDivisions = divisionSearch('codeFirst');

export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const division = await divisionForList(this, 'accounts');
	const text = (filter ?? '').trim();
	const rows = await listInDivision(this, division, async () =>
		await exactGetAll.call(this, {
			division,
			resource: 'crm/Accounts',
			select: ['ID', 'Code', 'Name'],
			filter: text ? or(contains('Name', text), eq('trim(Code)', odataString(text))) : and(eq('Blocked', 'false')),
			limit: SEARCH_LIMIT,
		}),
	);
	return { results: rows.map((row) => ({ name: `${String(row.Name)} (${String(row.Code ?? '').trim()})`, value: String(row.ID) })) };
}

export async function searchItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const division = await divisionForList(this, 'items');
	const text = (filter ?? '').trim();
	const rows = await listInDivision(this, division, async () =>
		await exactGetAll.call(this, {
			division,
			resource: 'logistics/Items',
			select: ['ID', 'Code', 'Description'],
			filter: text ? or(contains('Description', text), eq('Code', odataString(text))) : eq('IsSalesItem', 'true'),
			limit: SEARCH_LIMIT,
		}),
	);
	return { results: rows.map((row) => ({ name: `${String(row.Code)} – ${String(row.Description ?? '')}`, value: String(row.ID) })) };
}

/** Revenue (profit-and-loss, BalanceType W) GL accounts, by code or description: what an invoice line books on. */
export async function searchRevenueGlAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const division = await divisionForList(this, 'GL accounts');
	const text = (filter ?? '').trim();
	const revenue = eq('BalanceType', odataString('W'));
	const rows = await listInDivision(this, division, async () =>
		await exactGetAll.call(this, {
			division,
			resource: 'financial/GLAccounts',
			select: ['ID', 'Code', 'Description'],
			filter: text ? and(revenue, or(contains('Description', text), eq('Code', odataString(text)))) : revenue,
			orderBy: 'Code',
			limit: SEARCH_LIMIT,
		}),
	);
	return { results: rows.map((row) => ({ name: `${String(row.Code ?? '').trim()} – ${String(row.Description ?? '')}`, value: String(row.ID) })) };
}

/** Sales VAT codes, by code or description; Exact keys VAT codes by code. */
export async function searchVatCodes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const division = await divisionForList(this, 'VAT codes');
	const needle = (filter ?? '').trim().toLowerCase();
	const rows = await listInDivision(this, division, async () =>
		await exactGetAll.call(this, { division, resource: 'vat/VATCodes', select: ['Code', 'Description'], orderBy: 'Code', limit: 1000 }),
	);
	return {
		results: rows
			.map((row) => ({ name: `${String(row.Code ?? '').trim()} – ${String(row.Description ?? '')}`, value: String(row.Code ?? '').trim() }))
			.filter((row) => !needle || row.name.toLowerCase().includes(needle)),
	};
}
