import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/runPerItem';
import { deleteEntity, MASTER_DATA, type MasterDataEndpoint, type MasterDataResource } from '../../transport';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { DELETABLE_MASTER } from './resources';

const KEY_NAMES: Record<string, string> = {
	code: 'Code',
	db_row: 'Row ID',
	debtor_number: 'Debtor Number',
	description: 'Description',
	name: 'Name',
	number: 'Number',
};

const keyProperties: INodeProperties[] = DELETABLE_MASTER.map((resource) => {
	const keys = (MASTER_DATA[resource] as MasterDataEndpoint).deleteKeys ?? [];
	const property: INodeProperties = {
		displayName: 'Delete By',
		name: 'deleteKey',
		type: 'options',
		options: keys
			.map((key) => ({ name: KEY_NAMES[key] ?? key, value: key }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
		displayOptions: { show: { resource: [resource] } },
	};
	// The natural key of the entity comes first in its list.
	property.default = keys[0] ?? '';
	return property;
});

const properties: INodeProperties[] = [
	...keyProperties,
	{
		displayName: 'Value',
		name: 'deleteValue',
		type: 'string',
		required: true,
		default: '',
		description: 'Records whose chosen field equals this value are deleted',
	},
];

export const description = updateDisplayOptions({ show: { resource: DELETABLE_MASTER, operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const resource = this.getNodeParameter('resource', itemIndex) as MasterDataResource;
	const definition = MASTER_DATA[resource] as MasterDataEndpoint;
	const key = this.getNodeParameter('deleteKey', itemIndex) as string;
	const value = String(this.getNodeParameter('deleteValue', itemIndex, ''));
	const count = await deleteEntity.call(this, definition.deleteEntity as string, key, value, itemIndex);
	return { deleted: count > 0, count, [key]: value };
}
