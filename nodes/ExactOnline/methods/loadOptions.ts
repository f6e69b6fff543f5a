import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { exactGetAll, getDivision } from '../transport';

async function options(
	context: ILoadOptionsFunctions,
	resource: string,
	select: string[],
	toOption: (row: IDataObject) => INodePropertyOptions,
): Promise<INodePropertyOptions[]> {
	const division = getDivision.call(context);
	const rows = await exactGetAll.call(context, { division, resource, select, orderBy: 'Code', limit: 1000 });
	return rows.map(toOption);
}

const label = (row: IDataObject) => `${String(row.Code ?? '').trim()} – ${String(row.Description ?? '')}`;

export async function getJournals(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'financial/Journals', ['Code', 'Description'], (row) => ({ name: label(row), value: String(row.Code ?? '').trim() }));
}

export async function getGlAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'financial/GLAccounts', ['ID', 'Code', 'Description'], (row) => ({ name: label(row), value: String(row.ID) }));
}

export async function getVatCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'vat/VATCodes', ['Code', 'Description'], (row) => ({ name: label(row), value: String(row.Code ?? '').trim() }));
}

export async function getPaymentConditions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'cashflow/PaymentConditions', ['Code', 'Description'], (row) => ({ name: label(row), value: String(row.Code ?? '').trim() }));
}

export async function getItemGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, 'logistics/ItemGroups', ['ID', 'Code', 'Description'], (row) => ({ name: label(row), value: String(row.ID) }));
}
