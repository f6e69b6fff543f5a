import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { entityPath, exactRequest } from '../transport';
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
		if (single && /^crm\/Accounts\(/i.test(resource)) return await withMainContactName(context, content.Division, single);
		return single ?? null;
	} catch (error) {
		if (String((error as { httpCode?: unknown }).httpCode) === '404') return null;
		throw toNodeError(context.getNode(), error);
	}
}

/**
 * An account as the relations import needs it: Exact accounts carry only the main contact's ID (`MainContact`; picqer
 * Account.php, bramkn fieldConfigArray), so its name is read by ID (one more call per account event, only when the
 * account has a main contact) and added as `MainContactFullName`, as Sync → Get Changes does from the contacts feed.
 * A contact that cannot be read leaves the name out (null): never an empty name that would blank OutSmart's.
 */
async function withMainContactName(context: IWebhookFunctions, division: number, account: IDataObject): Promise<IDataObject> {
	// Fields chosen without MainContact: nothing to add.
	if (!('MainContact' in account)) return account;
	const id = typeof account.MainContact === 'string' ? account.MainContact.trim() : '';
	if (id === '') return { ...account, MainContactFullName: null };
	try {
		const contact = (await exactRequest.call(context, {
			method: 'GET',
			division,
			resource: entityPath('crm/Contacts', id),
			qs: { $select: 'ID,FullName' },
		})) as IDataObject | undefined;
		const name = typeof contact?.FullName === 'string' ? contact.FullName.trim() : '';
		return { ...account, MainContactFullName: name === '' ? null : name };
	} catch {
		return { ...account, MainContactFullName: null };
	}
}

export function parseFieldList(text: unknown): string[] {
	return String(text ?? '')
		.split(',')
		.map((field) => field.trim())
		.filter((field) => field !== '');
}
