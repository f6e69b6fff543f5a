import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getMasterData } from '../transport';

function toOptions(records: IDataObject[], valueField: string, nameField: string): INodePropertyOptions[] {
	return records
		.filter((record) => record[valueField] !== undefined && record[valueField] !== '')
		.map((record) => {
			const value = String(record[valueField]);
			const label = String(record[nameField] ?? '');
			return { name: label && label !== value ? `${label} (${value})` : value, value };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getWorkStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await getMasterData.call(this, 'workstatusses'), 'sta_code', 'sta_name');
}

export async function getWorkTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await getMasterData.call(this, 'worktypes'), 'wrt_name', 'wrt_description');
}

export async function getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await getMasterData.call(this, 'paymentmethods'), 'pmd_description', 'pmd_description');
}

export async function getFreeFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const records = await getMasterData.call(this, 'freefields');
	return records
		.map((record) => ({
			name: `${String(record.fld_entity ?? '')}: ${String(record.fld_name ?? '')} (slot ${String(record.fld_order ?? '')})`,
			value: `${String(record.fld_entity ?? '')}:${String(record.fld_order ?? '')}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
