import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { exactCondition, paymentConditionToOutSmart } from '../../logic/paymentConditionToOutSmart';
import { codeList, mapRecords } from '../shared/mapRecords';

export const description: INodeProperties[] = [
	{
		displayName: 'Existing Payment Methods',
		name: 'existingPaymentMethods',
		type: 'string',
		default: '',
		placeholder: "e.g. {{ $('Get OutSmart Payment Methods').all().map(item => item.json.pmd_description) }}",
		displayOptions: { show: { resource: ['import'], operation: ['mapPaymentConditions'] } },
		description:
			'OutSmart\'s payment methods (a list, or names separated by commas). A condition that one of them already stands for (by code or name, else by its number of days, e.g. "14 dagen") maps onto it instead of becoming a second method.',
	},
];

function methodList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry ?? '').trim()).filter(Boolean);
	return codeList(value);
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const existing = methodList(this.getNodeParameter('existingPaymentMethods', 0, ''));
	const allConditions = this.getInputData().map((item) => exactCondition(item.json));
	return await mapRecords(this, (record) => paymentConditionToOutSmart(record, existing, allConditions));
}
