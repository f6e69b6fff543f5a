import { makeReadOnlyResource } from '../common/readOnlyResource';

export const { operations, description } = makeReadOnlyResource({
	resource: 'paymentCondition',
	path: 'cashflow/PaymentConditions',
	keyType: 'guid',
	label: 'Payment Condition',
	plural: 'payment conditions',
	fields: ['ID', 'Code', 'Description', 'PaymentDays', 'DiscountPaymentDays', 'PaymentDiscountType', 'PaymentMethod', 'Percentage', 'Modified'],
	orderBy: 'Code',
});
