import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';

import * as deleteRecord from './delete.operation';
import * as getAll from './getAll.operation';
import { MASTER_RESOURCES } from './resources';
import * as upsert from './upsert.operation';
import { MASTER_DATA } from '../../transport';
import { withArticle } from '../../../shared/words';

export const operations: OperationMap = { delete: deleteRecord, getAll, upsert };

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const operationProperties: INodeProperties[] = MASTER_RESOURCES.map(({ resource, singular, plural, writable }) => {
	const options = [];
	if (writable) {
		options.push({
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: `Create or update ${plural}`,
		});
	}
	if ('deleteEntity' in MASTER_DATA[resource]) {
		options.push({ name: 'Delete', value: 'delete', description: `Delete ${withArticle(singular)}`, action: `Delete ${withArticle(singular)}` });
	}
	options.push({ name: 'Get Many', value: 'getAll', description: `Get many ${plural}`, action: `Get many ${plural}` });
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: 'getAll',
		description: `What to do with ${capitalise(plural).toLowerCase()}`,
	} as INodeProperties;
});

export const description: INodeProperties[] = [
	...operationProperties,
	...getAll.description,
	...upsert.description,
	...deleteRecord.description,
];
