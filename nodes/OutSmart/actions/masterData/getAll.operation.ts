import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { getMasterData, MASTER_DATA, normaliseOutSmartRecord, type MasterDataResource } from '../../transport';
import { applyLimit, filtersProperty, readFilters } from '../common.descriptions';
import { returnAllAndLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { ALL_MASTER } from './resources';

/**
 * Lists OutSmart documents advanced filters for: relations (OutSmart's Postman collection, `relations` with
 * `key[]/value[]/operator[]`) and free-field definitions (Blueprint "freefields"), both in
 * CloudEcosystemDev/outsmart-component (README.md, lib/spec.json). Elsewhere a filter may be ignored and the
 * whole list answered, so it is not offered.
 */
export const FILTERABLE_MASTER: MasterDataResource[] = ['relation', 'freeField'];

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{ ...filtersProperty, displayOptions: { show: { resource: FILTERABLE_MASTER } } },
	{
		displayName: 'Normalise Values',
		name: 'normalise',
		type: 'boolean',
		default: false,
		description: "Whether to turn OutSmart's comma decimals (e.g. material prices) into numbers and its dates into ISO dates",
	},
];

export const description = updateDisplayOptions({ show: { resource: ALL_MASTER, operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const resource = this.getNodeParameter('resource', itemIndex) as MasterDataResource;
	const filters = FILTERABLE_MASTER.includes(resource) ? readFilters(this, itemIndex) : [];
	const records = await getMasterData.call(this, MASTER_DATA[resource].endpoint, { filters, itemIndex });
	const limited = applyLimit(this, itemIndex, records);
	return this.getNodeParameter('normalise', itemIndex, false) ? limited.map(normaliseOutSmartRecord) : limited;
}
