import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { exactGetAll, exactRequest } from '../transport';

/** The administrations the connected user can reach, for the Division dropdown. */
export async function searchDivisions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const me = await exactRequest.call(this, { method: 'GET', resource: 'current/Me', qs: { $select: 'CurrentDivision' } });
	const current = Number((Array.isArray(me) ? me[0] : me)?.CurrentDivision);
	if (!Number.isInteger(current) || current <= 0) return { results: [] };
	const rows: IDataObject[] = await exactGetAll.call(this, {
		division: current,
		resource: 'system/Divisions',
		select: ['Code', 'Description'],
	});
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = rows
		.map((row) => ({ name: `${String(row.Description ?? '').trim()} (${String(row.Code)})`, value: String(row.Code) }))
		.filter((entry) => wanted === '' || entry.name.toLowerCase().includes(wanted))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
