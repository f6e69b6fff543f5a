import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { nodeProperties } from './actions/node.description';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';
import { actionSubtitle } from '../shared/words';

export class ExactOnline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online',
		name: 'exactOnline',
		icon: { light: 'file:exactOnline.svg', dark: 'file:exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: actionSubtitle(nodeProperties),
		description: 'Read and write relations, items, invoices, documents and hours in Exact Online',
		defaults: { name: 'Exact Online' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
