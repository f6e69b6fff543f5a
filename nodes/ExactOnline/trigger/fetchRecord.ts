import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { exactRequest } from '../transport';
import type { ExactWebhookContent } from './events';
import { toNodeError } from '../../shared/nodeError';

/**
 * The changed record, read through the Exact transport (so the lane, rate limits and token refresh
 * apply). Only the path of ExactOnlineEndpoint is used: the host always comes from the credential, and the
 * path must belong to the event's division. Null when the record is gone (deleted after the event).
 */
export async function fetchEventRecord(context: IWebhookFunctions, content: ExactWebhookContent, fields: string[]): Promise<IDataObject | null> {
	if (!content.ExactOnlineEndpoint) return null;
	let pathname: string;
	try {
		pathname = new URL(content.ExactOnlineEndpoint).pathname;
	} catch {
		return null;
	}
	const prefix = `/api/v1/${content.Division}/`;
	if (!pathname.startsWith(prefix)) return null;
	const resource = decodeURIComponent(pathname.slice(prefix.length));
	const qs: IDataObject = {};
	if (fields.length > 0) qs.$select = fields.join(',');
	try {
		const record = await exactRequest.call(context, { method: 'GET', division: content.Division, resource, qs });
		const single = Array.isArray(record) ? record[0] : record;
		return single ?? null;
	} catch (error) {
		if (String((error as { httpCode?: unknown }).httpCode) === '404') return null;
		throw toNodeError(context.getNode(), error);
	}
}

export function parseFieldList(text: unknown): string[] {
	return String(text ?? '')
		.split(',')
		.map((field) => field.trim())
		.filter((field) => field !== '');
}
