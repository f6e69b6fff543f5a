import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { exactRequest, getDivision, odataString } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { USED_ENDPOINTS } from './endpoints';
import { toNodeError } from '../../../shared/nodeError';

export const description: INodeProperties[] = forOperations('access', ['check'], [
	{
		displayName: 'Stop on Missing Rights',
		name: 'failOnMissing',
		type: 'boolean',
		default: false,
		description: 'Whether to fail the node when any endpoint is not allowed, instead of only reporting it',
	},
]);

/**
 * Asks Exact (users/UserHasRights) for each endpoint this package uses whether the connected user may
 * call it in the division, and names the modules behind the missing ones: a missing licence shows up
 * as a readable list before a workflow fails halfway.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const details: IDataObject[] = [];
	for (const { endpoint, action, module } of USED_ENDPOINTS) {
		let allowed = false;
		let problem: string | undefined;
		try {
			const answer = (await exactRequest.call(this, {
				method: 'GET',
				division,
				resource: 'users/UserHasRights',
				qs: { endpoint: odataString(endpoint), action: odataString(action) },
				itemIndex,
			})) as IDataObject | IDataObject[] | undefined;
			const record = Array.isArray(answer) ? answer[0] : answer;
			allowed = record?.UserHasRights === true || record?.UserHasRights === 'true';
		} catch (error) {
			// A 403 here (licence, division scope) is itself the answer; anything else is a real failure.
			if (!(error instanceof NodeApiError) || error.httpCode !== '403') throw toNodeError(this.getNode(), error, itemIndex);
			problem = error.message;
		}
		details.push({ endpoint, action, module, allowed, ...(problem ? { problem } : {}) });
	}
	const missing = details.filter((detail) => !detail.allowed);
	const missingModules = [...new Set(missing.map((detail) => String(detail.module)))];
	const result: IDataObject = {
		division,
		allAllowed: missing.length === 0,
		missing: missing.map((detail) => `${String(detail.action)} ${String(detail.endpoint)}`),
		missingModules,
		summary:
			missing.length === 0
				? `The connected user may call every endpoint this integration uses in division ${division}.`
				: `Missing in division ${division}: ${missingModules.join(', ')}. Check the user's rights and the company's licence in Exact Online.`,
		details,
	};
	if (missing.length > 0 && this.getNodeParameter('failOnMissing', itemIndex, false)) {
		throw new NodeApiError(this.getNode(), result as unknown as import('n8n-workflow').JsonObject, {
			message: String(result.summary),
			description: (result.missing as string[]).join('\n'),
			itemIndex,
		});
	}
	return result;
}
