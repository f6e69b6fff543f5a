import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { exactGetAll, exactRequest, getDivision } from '../../transport';
import { forOperations } from '../common/displayOptions';

export const description: INodeProperties[] = forOperations('customApiCall', ['call'], [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: "e.g. project/Projects or crm/Accounts(guid'…')",
		description: 'The endpoint after /api/v1/{division}/',
	},
	{
		displayName: 'Without Division',
		name: 'withoutDivision',
		type: 'boolean',
		default: false,
		description: 'Whether the endpoint has no division in its path (current/Me, system/Users)',
	},
	{
		displayName: 'Query Parameters (JSON)',
		name: 'query',
		type: 'json',
		default: '{}',
		description: 'E.g. {"$select": "ID,Code", "$filter": "Code eq \'1\'"}; lists need a $select.',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
	},
	{
		displayName: 'Return All Pages',
		name: 'allPages',
		type: 'boolean',
		default: false,
		description: 'Whether to follow __next links and return every row of a list (GET only)',
		displayOptions: { show: { method: ['GET'] } },
	},
]);

function parseJson(this: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter(name, itemIndex, '{}');
	if (typeof raw === 'object' && raw !== null) return raw as IDataObject;
	try {
		const parsed = JSON.parse(String(raw || '{}')) as unknown;
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// reported below
	}
	throw new NodeOperationError(this.getNode(), `The ${name === 'body' ? 'Body' : 'Query Parameters'} field must hold a JSON object`, { itemIndex });
}

/** Any endpoint through the same lane, pacing, token and error handling as the built-in operations. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = String(this.getNodeParameter('path', itemIndex)).trim().replace(/^\/+/, '');
	if (!path || /^[a-z]+:\/\//i.test(path) || path.split('/').includes('..')) {
		throw new NodeOperationError(this.getNode(), `"${path}" is not an endpoint path (write it without host or /api/v1/division)`, { itemIndex });
	}
	const withoutDivision = this.getNodeParameter('withoutDivision', itemIndex, false) as boolean;
	const division = withoutDivision ? undefined : await getDivision.call(this, itemIndex);
	const qs = parseJson.call(this, 'query', itemIndex);
	const body = method === 'POST' || method === 'PUT' ? parseJson.call(this, 'body', itemIndex) : undefined;
	if (method === 'GET' && division !== undefined && this.getNodeParameter('allPages', itemIndex, false)) {
		const { $select, $filter, $orderby, ...rest } = qs;
		const select = String($select ?? '').split(',').map((field) => field.trim()).filter(Boolean);
		if (select.length === 0) throw new NodeOperationError(this.getNode(), 'Add a $select to the query to read all pages', { itemIndex });
		return await exactGetAll.call(this, {
			division,
			resource: path,
			select,
			filter: $filter === undefined ? undefined : String($filter),
			orderBy: $orderby === undefined ? undefined : String($orderby),
			qs: rest,
			itemIndex,
		});
	}
	const result = await exactRequest.call(this, { method, division, resource: path, qs, body, itemIndex });
	if (result === undefined) return { success: true };
	return result;
}
