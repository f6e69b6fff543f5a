import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { actionSubtitle } from '../shared/words';

import * as exportConfiguration from './actions/exportConfiguration/ExportConfiguration.resource';
import * as gla from './actions/gla/Gla.resource';
import * as importResource from './actions/import/Import.resource';
import * as paymentCondition from './actions/paymentCondition/PaymentCondition.resource';
import { READS_EXACT, READS_OUTSMART, router } from './actions/router';
import { divisionFor } from './actions/shared/division.description';
import { exportSettingsProperties } from './actions/shared/exportSettings.description';
import { EXPORT_SETTINGS_USED } from './actions/workOrder/invoiceReference.operation';
import * as workOrder from './actions/workOrder/WorkOrder.resource';
import { listSearch } from './methods';
import { getWorkStatuses } from './methods/workStatuses';

export class ExactOutSmart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact OutSmart',
		name: 'exactOutSmart',
		icon: { light: 'file:exactOutSmart.svg', dark: 'file:exactOutSmart.dark.svg' },
		group: ['transform'],
		version: 1,
		// The lint asks for this subtitle; the constructor replaces it by the operation in words.
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Turns OutSmart work orders into Exact Online invoices and Exact master data into OutSmart records, refusing what would go wrong in Exact',
		defaults: { name: 'Exact OutSmart' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'exactOnlineOAuth2Api',
				required: true,
				displayOptions: { show: READS_EXACT },
			},
			{
				// Needed by Compare, by the export when the payment-condition check reads OutSmart relations, and
				// by the status lists of the export triggers: the operations declare it (`needs`).
				name: 'outSmartApi',
				required: false,
				displayOptions: { show: READS_OUTSMART },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Export Configuration', value: 'exportConfiguration' },
					{ name: 'GLA', value: 'gla' },
					{ name: 'Import', value: 'import' },
					{ name: 'Payment Condition', value: 'paymentCondition' },
					{ name: 'Work Order', value: 'workOrder' },
				],
				default: 'workOrder',
			},
			...exportConfiguration.description,
			...workOrder.description,
			...importResource.description,
			...gla.description,
			...paymentCondition.description,
			divisionFor(READS_EXACT),
			...exportSettingsProperties.map((property) => ({
				...property,
				displayOptions: {
					...property.displayOptions,
					show: { ...property.displayOptions?.show, resource: ['exportConfiguration', 'workOrder'] },
					// The invoice reference reads only the settings that make YourRef.
					...(EXPORT_SETTINGS_USED.includes(property.name) ? {} : { hide: { ...property.displayOptions?.hide, operation: ['invoiceReference'] } }),
				},
			})),
		],
	};

	constructor() {
		// The canvas subtitle in words, from the operations' actions ("Get many materials").
		this.description.subtitle = actionSubtitle(this.description.properties);
	}

	methods = { listSearch, loadOptions: { getWorkStatuses } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
