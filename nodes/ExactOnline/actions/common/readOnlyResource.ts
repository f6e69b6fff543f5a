import type { INodeProperties } from 'n8n-workflow';
import type { ReadSpec } from './readOperations';
import { makeGetAllOperation, makeGetOperation } from './readOperations';
import type { OperationMap } from './types';
import { inSentence, withArticle } from '../../../shared/words';

/** A master-data list Exact only lets integrations read: Get and Get Many. */
export function makeReadOnlyResource(spec: ReadSpec & { plural: string }): { operations: OperationMap; description: INodeProperties[] } {
	const get = makeGetOperation(spec);
	const getAll = makeGetAllOperation(spec);
	const one = withArticle(inSentence(spec.label));
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
					{ name: 'Get', value: 'get', description: `Get ${one}`, action: `Get ${one}` },
					{ name: 'Get Many', value: 'getAll', description: `Get many ${spec.plural}`, action: `Get many ${spec.plural}` },
				],
				default: 'getAll',
			},
			...get.description,
			...getAll.description,
		],
	};
}
