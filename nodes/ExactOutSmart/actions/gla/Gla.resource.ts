import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';
import * as checkMaterials from './checkMaterials.operation';
import * as mapItemGla from './mapItemGla.operation';

export const operations: OperationMap = { checkMaterials, mapItemGla };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['gla'] } },
		options: [
			{
				name: 'Check Materials',
				value: 'checkMaterials',
				description: 'Report OutSmart materials whose GL account is missing or unknown in Exact',
				action: 'Check the GL accounts of materials',
			},
			{
				name: 'Map Items to Material GLA Updates',
				value: 'mapItemGla',
				description: 'Exact items in, OutSmart material updates with the GL account out',
				action: 'Map items to material GLA updates',
			},
		],
		default: 'checkMaterials',
	},
	...checkMaterials.description,
	...mapItemGla.description,
];
