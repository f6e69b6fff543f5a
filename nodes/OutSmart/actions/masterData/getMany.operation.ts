import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { getMasterData, MASTER_DATA, normaliseOutSmartRecord, type MasterDataResource } from '../../transport';
import { applyLimit, filtersProperty, readFilters } from '../common.descriptions';
import { returnAllAndLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { ALL_MASTER } from './resources';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	filtersProperty,
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
	const records = await getMasterData.call(this, MASTER_DATA[resource].endpoint, { filters: readFilters(this, itemIndex), itemIndex });
	const limited = applyLimit(this, itemIndex, records);
	return this.getNodeParameter('normalise', itemIndex, false) ? limited.map(normaliseOutSmartRecord) : limited;
}
