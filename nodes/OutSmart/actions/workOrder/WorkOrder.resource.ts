import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';

import * as create from './create.operation';
import * as downloadPdf from './downloadPdf.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as markProcessed from './markProcessed.operation';
import * as replaceMaterials from './replaceMaterials.operation';
import * as update from './update.operation';

export const operations: OperationMap = { create, downloadPdf, get, getAll, markProcessed, replaceMaterials, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workOrder'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a work order', action: 'Create a work order' },
			{ name: 'Download PDF', value: 'downloadPdf', description: 'Download the work order PDF', action: 'Download a work order PDF' },
			{ name: 'Get', value: 'get', description: 'Get a work order without changing its status', action: 'Get a work order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get work orders without changing their status', action: 'Get many work orders' },
			{
				name: 'Mark Processed',
				value: 'markProcessed',
				description: 'Move a work order to Afgehandeld, after a confirmed export',
				action: 'Mark a work order processed',
			},
			{
				name: 'Replace Materials',
				value: 'replaceMaterials',
				description: 'Replace the material lines of a work order',
				action: 'Replace the materials of a work order',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change work date, time, employee or work status',
				action: 'Update a work order',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...create.description,
	...update.description,
	...markProcessed.description,
	...downloadPdf.description,
	...replaceMaterials.description,
];
