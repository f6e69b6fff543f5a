/**
 * Payment conditions must agree between the two systems: an order paid in 14 days in OutSmart must not
 * become a 30-day invoice in Exact. Codes are compared trimmed and without leading zeros ("08" = "8").
 */
export function samePaymentCondition(a: string, b: string): boolean {
	const normalise = (value: string) => value.trim().replace(/^0+(?=\d)/, '').toLowerCase();
	return normalise(a) === normalise(b);
}

/** The refusal for one order, or undefined when the conditions agree (or OutSmart has none for it). */
export function checkOrderPaymentCondition(
	outSmartCondition: string,
	exactCondition: string,
	debtorNumber: string,
): string | undefined {
	if (outSmartCondition.trim() === '') return undefined;
	if (exactCondition.trim() === '') {
		return `Payment condition differs for customer ${debtorNumber}: OutSmart has ${outSmartCondition.trim()}, the Exact account has none: set the sales payment condition on the account in Exact`;
	}
	if (samePaymentCondition(outSmartCondition, exactCondition)) return undefined;
	return `Payment condition differs for customer ${debtorNumber}: OutSmart has ${outSmartCondition.trim()}, Exact has ${exactCondition.trim()}: make them equal (Exact is leading) and export again`;
}

export interface ExactPaymentCondition {
	code: string;
	description: string;
}

export interface OutSmartRelationTerm {
	debtorNumber: string;
	paymentCondition: string;
}

export type PaymentConditionMismatchKind = 'missingInExact' | 'missingInOutSmart' | 'relationDiffers' | 'relationNotInExact';

export interface PaymentConditionMismatch {
	kind: PaymentConditionMismatchKind;
	subject: string;
	outSmartValue: string;
	exactValue: string;
	message: string;
}

export interface PaymentConditionComparisonInput {
	exactConditions: ExactPaymentCondition[];
	/** OutSmart payment methods (pmd_description). */
	outSmartPaymentMethods: string[];
	/** OutSmart relations with the payment term configured on them. */
	relations: OutSmartRelationTerm[];
	/** Exact accounts' sales payment condition by trimmed debtor number (accounts not found are absent). */
	exactAccountConditions: Map<string, string>;
}

/** Whether an OutSmart value names this condition: by code, by description, or as "code - description". */
function names(value: string, condition: ExactPaymentCondition): boolean {
	const trimmed = value.trim();
	const codePart = /^(\S+) - /.exec(trimmed)?.[1];
	return (
		samePaymentCondition(condition.code, trimmed) ||
		(codePart !== undefined && samePaymentCondition(condition.code, codePart)) ||
		condition.description.trim().toLowerCase() === trimmed.toLowerCase()
	);
}

function knownInExact(value: string, conditions: ExactPaymentCondition[]): ExactPaymentCondition | undefined {
	return conditions.find((condition) => names(value, condition));
}

/** Every disagreement between Exact's payment conditions and what OutSmart uses, each with both values. */
export function comparePaymentConditions(input: PaymentConditionComparisonInput): PaymentConditionMismatch[] {
	const mismatches: PaymentConditionMismatch[] = [];
	const methods = input.outSmartPaymentMethods.map((method) => method.trim()).filter((method) => method !== '');
	for (const condition of input.exactConditions) {
		const inOutSmart = methods.some((method) => names(method, condition));
		if (!inOutSmart) {
			mismatches.push({
				kind: 'missingInOutSmart',
				subject: condition.code,
				outSmartValue: '',
				exactValue: `${condition.code} (${condition.description})`,
				message: `Payment condition ${condition.code} (${condition.description}) exists in Exact but not among OutSmart's payment methods: run the payment-condition import`,
			});
		}
	}
	for (const method of methods) {
		if (!knownInExact(method, input.exactConditions)) {
			mismatches.push({
				kind: 'missingInExact',
				subject: method,
				outSmartValue: method,
				exactValue: '',
				message: `Payment condition ${method} exists in OutSmart but not in Exact`,
			});
		}
	}
	for (const relation of input.relations) {
		const term = relation.paymentCondition.trim();
		if (term === '') continue;
		const exactValue = input.exactAccountConditions.get(relation.debtorNumber.trim());
		if (exactValue === undefined) {
			if (!knownInExact(term, input.exactConditions)) {
				mismatches.push({
					kind: 'relationNotInExact',
					subject: relation.debtorNumber,
					outSmartValue: term,
					exactValue: '',
					message: `Relation ${relation.debtorNumber} uses payment condition ${term}, which does not exist in Exact`,
				});
			}
			continue;
		}
		if (!samePaymentCondition(term, exactValue)) {
			mismatches.push({
				kind: 'relationDiffers',
				subject: relation.debtorNumber,
				outSmartValue: term,
				exactValue: exactValue.trim(),
				message: `Relation ${relation.debtorNumber}: payment condition ${term} in OutSmart, ${exactValue.trim() || '(none)'} in Exact`,
			});
		}
	}
	return mismatches;
}
