import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { exactGetAll, exactRequest } from '../transport';

/** Division lists read at most this many administrations (an accountant's user can open hundreds). */
const MOST_DIVISIONS = 1000;

/**
 * The administrations (divisions) the connected user can open: current/Me names one, and from any division
 * system/Divisions lists them all. None when Exact names no current division.
 */
export async function divisionsOfUser(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const me = await exactRequest.call(context, { method: 'GET', resource: 'current/Me', qs: { $select: 'CurrentDivision' } });
	const current = Number((Array.isArray(me) ? me[0] : me)?.CurrentDivision);
	if (!Number.isInteger(current) || current <= 0) return [];
	return await exactGetAll.call(context, {
		division: current,
		resource: 'system/Divisions',
		select: ['Code', 'Description', 'CustomerName'],
		orderBy: 'Code',
		limit: MOST_DIVISIONS,
	});
}

/**
 * How a node names a division in its Division dropdown: the action node lists `code – name` by code, the
 * trigger and the integration node `name (code)` by name. Each keeps what its users already see.
 */
export type DivisionLabel = 'codeFirst' | 'nameFirst';

/** The Division dropdown (listSearch method `searchDivisions`), filtered by the text typed. */
export function divisionSearch(label: DivisionLabel) {
	return async function searchDivisions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const rows = await divisionsOfUser(this);
		const entries = rows.map((row) => {
			const code = String(row.Code);
			const name = label === 'codeFirst' ? `${code} – ${String(row.Description ?? row.CustomerName ?? '')}` : `${String(row.Description ?? '').trim()} (${code})`;
			return { name, value: code };
		});
		if (label === 'nameFirst') entries.sort((a, b) => a.name.localeCompare(b.name));
		const wanted = (filter ?? '').trim().toLowerCase();
		return { results: entries.filter((entry) => wanted === '' || entry.name.toLowerCase().includes(wanted)) };
	};
}
