import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { eq, exactGetAll, odataString } from '../transport';
import { divisionForList, listInDivision } from './listDivision';

async function options(
	context: ILoadOptionsFunctions,
	what: string,
	resource: string,
	select: string[],
	toOption: (row: IDataObject) => INodePropertyOptions,
	filter?: string,
): Promise<INodePropertyOptions[]> {
	const division = await divisionForList(context, what);
	const rows = await listInDivision(context, division, async () => await exactGetAll.call(context, { division, resource, select, filter, orderBy: 'Code', limit: 1000 }));
	return rows.map(toOption);
}

const label = (row: IDataObject) => `${String(row.Code ?? '').trim()} – ${String(row.Description ?? '')}`;

export async function getJournals(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'journals', 'financial/Journals', ['Code', 'Description'], (row) => ({ name: label(row), value: String(row.Code ?? '').trim() }));
}

/** Profit-and-loss accounts only (BalanceType W): the accounts an item's revenue and its invoice lines book on. */
export async function getRevenueGlAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'GL accounts', 'financial/GLAccounts', ['ID', 'Code', 'Description'], (row) => ({ name: label(row), value: String(row.ID) }), eq('BalanceType', odataString('W')));
}

export async function getGlAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'GL accounts', 'financial/GLAccounts', ['ID', 'Code', 'Description'], (row) => ({ name: label(row), value: String(row.ID) }));
}

export async function getVatCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'VAT codes', 'vat/VATCodes', ['Code', 'Description'], (row) => ({ name: label(row), value: String(row.Code ?? '').trim() }));
}

export async function getPaymentConditions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'payment conditions', 'cashflow/PaymentConditions', ['Code', 'Description'], (row) => ({ name: label(row), value: String(row.Code ?? '').trim() }));
}

export async function getItemGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'item groups', 'logistics/ItemGroups', ['ID', 'Code', 'Description'], (row) => ({ name: label(row), value: String(row.ID) }));
}
