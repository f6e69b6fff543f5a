import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { getDivision } from '../transport';
import { divisionsOfUser } from './divisions';
import { toNodeError } from '../../shared/nodeError';

/**
 * The division a dropdown lists from. Before one is chosen the list says so, instead of showing the
 * division parser's error: "Choose the division first".
 */
export async function divisionForList(context: ILoadOptionsFunctions, what: string): Promise<number> {
	try {
		return await getDivision.call(context);
	} catch {
		throw new NodeOperationError(context.getNode(), `Choose the division first: ${what} are listed per administration`, {
			description: 'Pick the administration in the Division field above (from the list, or its number by code), or set a Default Division on the Exact Online credential, then open this list again.',
		});
	}
}

/**
 * Loads a list for a division; when Exact refuses it (403) and the division is not one of the user's,
 * the list says the division is wrong rather than pointing at rights or the licence.
 */
export async function listInDivision<T>(context: ILoadOptionsFunctions, division: number, load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '403') throw toNodeError(context.getNode(), error);
		let divisions: number[];
		try {
			divisions = (await divisionsOfUser(context)).map((row) => Number(row.Code));
		} catch {
			throw toNodeError(context.getNode(), error);
		}
		if (divisions.length === 0 || divisions.includes(division)) throw toNodeError(context.getNode(), error);
		throw new NodeOperationError(context.getNode(), `Division ${division} is not an administration this Exact user can open: choose the division from the list`, {
			description: `The connected Exact user can open ${divisions.length} division(s)${divisions.length > 0 ? `: ${divisions.slice(0, 10).join(', ')}${divisions.length > 10 ? ', ...' : ''}` : ''}.`,
		});
	}
}
