import type { IDataObject } from 'n8n-workflow';
import { gt, odataInt64 } from './odata';
import type { ExactContext } from './types';

type GetAll = (
	this: ExactContext,
	options: { division: number; resource: string; select: string[]; filter?: string; itemIndex?: number },
) => Promise<IDataObject[]>;

/**
 * Adds `MainContactFullName` to accounts. Exact accounts carry only the main contact's ID (`MainContact`; picqer
 * Account.php and SyncAccount.php, bramkn fieldConfigArray), so the names are read in bulk from the contacts sync
 * feed (`ID`, `FullName`, `Timestamp`: picqer SyncContact.php): one call per
 * 1000 contacts for the whole run, none when no account has a main contact. A contact the feed does not name
 * gets null, never an empty name.
 */
export async function addMainContactNames(
	context: ExactContext,
	getAll: GetAll,
	division: number,
	accounts: IDataObject[],
	itemIndex?: number,
): Promise<IDataObject[]> {
	const idOf = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
	const wanted = new Set(accounts.map((account) => idOf(account.MainContact)).filter((id) => id !== ''));
	if (wanted.size === 0) return accounts.map((account) => ({ ...account, MainContactFullName: null }));
	const contacts = await getAll.call(context, {
		division,
		resource: 'sync/CRM/Contacts',
		select: ['ID', 'FullName', 'Timestamp'],
		filter: gt('Timestamp', odataInt64('1')),
		itemIndex,
	});
	const names = new Map<string, string>();
	for (const contact of contacts) {
		const id = idOf(contact.ID);
		const name = typeof contact.FullName === 'string' ? contact.FullName.trim() : '';
		if (wanted.has(id) && name !== '') names.set(id, name);
	}
	return accounts.map((account) => ({ ...account, MainContactFullName: names.get(idOf(account.MainContact)) ?? null }));
}
