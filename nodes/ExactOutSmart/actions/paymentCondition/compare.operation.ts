import { exactCondition } from '../../logic/paymentConditionToOutSmart';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { exactGetAccountsByCode, exactGetAll, getDivision } from '../../../ExactOnline/transport';
import { onceForAll, type OperationNeeds } from '../../../shared/router';
import { getMasterData } from '../../../OutSmart/transport';
import { comparePaymentConditions } from '../../logic/paymentConditions';
import { text, trimCode } from '../../logic/values';

export const description: INodeProperties[] = [
	{
		displayName: 'Relation Payment Term Field',
		name: 'relationTermField',
		type: 'string',
		default: 'payment_condition',
		description: 'The OutSmart relation field that holds the customer\'s payment term; empty skips the per-relation check',
		displayOptions: { show: { resource: ['paymentCondition'], operation: ['compare'] } },
	},
];

export const needs: OperationNeeds = { exact: true, outSmart: true };

async function exactAccountConditions(context: IExecuteFunctions, division: number, debtors: string[]): Promise<Map<string, string>> {
	const rows = await exactGetAccountsByCode.call(context, { division, codes: debtors, select: ['Code', 'PaymentConditionSales'] });
	return new Map(rows.map((row) => [trimCode(row.Code), trimCode(row.PaymentConditionSales)]));
}

/**
 * Exact's payment conditions against what OutSmart uses: its payment methods and the payment terms on its
 * relations. One item per mismatch, each naming both values; one "all agree" item when there is none.
 */
export const executeBatch = onceForAll(async function () {
	const division = await getDivision.call(this, 0);
	const termField = String(this.getNodeParameter('relationTermField', 0, 'payment_condition')).trim();
	const exactConditions = (await exactGetAll.call(this, { division, resource: 'cashflow/PaymentConditions', select: ['Code', 'Description', 'PaymentDays'] })).map(
		(row) => exactCondition(row),
	);
	const paymentMethods = (await getMasterData.call(this, 'paymentmethods')).map((row) => text(row.pmd_description));
	const relations =
		termField === ''
			? []
			: (await getMasterData.call(this, 'relations')).map((row) => ({ debtorNumber: text(row.debtor_number).trim(), paymentCondition: text(row[termField]) }));
	const withTerm = relations.filter((relation) => relation.paymentCondition.trim() !== '');
	const mismatches = comparePaymentConditions({
		exactConditions,
		outSmartPaymentMethods: paymentMethods,
		relations: withTerm,
		exactAccountConditions: await exactAccountConditions(this, division, withTerm.map((relation) => relation.debtorNumber)),
	});
	if (mismatches.length === 0) return { allAgree: true, message: `Exact's ${exactConditions.length} payment conditions agree with OutSmart` };
	return mismatches.map((mismatch) => ({ ...mismatch }) as IDataObject);
});
