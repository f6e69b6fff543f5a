import type { INodeProperties } from 'n8n-workflow';
import { perItemAfter } from '../../../shared/router';
import { exactCondition, PAYMENT_METHOD_CHANGE_FIELDS, paymentConditionToOutSmart } from '../../logic/paymentConditionToOutSmart';
import { changeFieldsProperty, codeList, mappedItem } from '../shared/mapRecords';

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
	changeFieldsProperty({ operation: ['mapPaymentConditions'] }, PAYMENT_METHOD_CHANGE_FIELDS),
];

function methodList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry ?? '').trim()).filter(Boolean);
	return codeList(value);
}

/** Per item, against OutSmart's existing methods and every condition of the run (days shared by two, ...). */
export const executeBatch = perItemAfter(
	async function () {
		return {
			existing: methodList(this.getNodeParameter('existingPaymentMethods', 0, '')),
			allConditions: this.getInputData().map((item) => exactCondition(item.json)),
		};
	},
	function ({ existing, allConditions }, itemIndex, item) {
		return mappedItem(this, paymentConditionToOutSmart(item.json, existing, allConditions), itemIndex);
	},
);
