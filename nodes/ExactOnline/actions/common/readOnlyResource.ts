import type { INodeProperties } from 'n8n-workflow';
import type { ReadSpec } from './readOperations';
import { makeGetManyOperation, makeGetOperation } from './readOperations';
import type { OperationMap } from './types';

/** A master-data list Exact only lets integrations read: Get and Get Many. */
export function makeReadOnlyResource(spec: ReadSpec & { plural: string }): { operations: OperationMap; description: INodeProperties[] } {
	const get = makeGetOperation(spec);
	const getAll = makeGetManyOperation(spec);
	const singular = spec.label.toLowerCase();
	const article = /^[aeiou]/.test(singular) ? 'an' : 'a';
	return {
		operations: { get, getAll },
		description: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [spec.resource] } },
				options: [
					{ name: 'Get', value: 'get', description: `Get ${article} ${singular}`, action: `Get ${article} ${singular}` },
					{ name: 'Get Many', value: 'getAll', description: `Get many ${spec.plural}`, action: `Get many ${spec.plural}` },
				],
				default: 'getAll',
			},
			...get.description,
			...getAll.description,
		],
	};
}
