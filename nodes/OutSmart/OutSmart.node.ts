import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { actionSubtitle } from '../shared/words';

import * as document from './actions/document/Document.resource';
import * as masterData from './actions/masterData/MasterData.resource';
import { router } from './actions/router';
import * as workOrder from './actions/workOrder/WorkOrder.resource';
import { loadOptions } from './methods';

export class OutSmart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OutSmart',
		name: 'outSmart',
		icon: { light: 'file:outSmart.svg', dark: 'file:outSmart.dark.svg' },
		group: ['transform'],
		version: 1,
		// The lint asks for this subtitle; the constructor replaces it by the operation in words.
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work orders and master data in OutSmart (field-service work orders)',
		defaults: { name: 'OutSmart' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'outSmartApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Category', value: 'category' },
					{ name: 'Document', value: 'document' },
					{ name: 'Employee', value: 'employee' },
					{ name: 'Free Field Definition', value: 'freeField' },
					{ name: 'Hour Type', value: 'hourType' },
					{ name: 'Material', value: 'material' },
					{ name: 'Payment Method', value: 'paymentMethod' },
					{ name: 'Price Agreement', value: 'price' },
					{ name: 'Project', value: 'project' },
					{ name: 'Relation', value: 'relation' },
					{ name: 'Work Order', value: 'workOrder' },
					{ name: 'Work Status', value: 'workStatus' },
					{ name: 'Work Type', value: 'workType' },
				],
				default: 'workOrder',
			},
			...workOrder.description,
			...masterData.description,
			...document.description,
		],
	};

	constructor() {
		// The canvas subtitle in words, from the operations' actions ("Get many materials").
		this.description.subtitle = actionSubtitle(this.description.properties);
	}

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
