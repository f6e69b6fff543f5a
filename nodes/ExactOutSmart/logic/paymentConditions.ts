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
	/** Exact's PaymentDays, when read: lets a method named by its days ("14 dagen") match the condition. */
	paymentDays?: number;
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

/**
 * The number of days an OutSmart payment method names in words ("14 dagen", "Binnen 30 dagen", "30 days",
 * "netto 8 dg"); undefined when it names none or more than one number. // ours: OutSmart's payment methods
 * are free descriptions, so the days are read from the words.
 */
export function daysNamedBy(method: string): number | undefined {
	const numbers = method.match(/\d+/g) ?? [];
	if (numbers.length !== 1 || !/\b(dagen|dag|dg|days?)\b/i.test(method)) return undefined;
	return Number(numbers[0]);
}

/**
 * How an OutSmart payment method matches an Exact condition: by code or name first, else by the days it
 * names (only when exactly one Exact condition has that many days, so the match is never a guess).
 */
function matchBy(method: string, condition: ExactPaymentCondition, conditions: ExactPaymentCondition[]): 'name' | 'days' | undefined {
	if (names(method, condition)) return 'name';
	const days = daysNamedBy(method);
	if (days === undefined || condition.paymentDays !== days) return undefined;
	const sameDays = conditions.filter((candidate) => candidate.paymentDays === days);
	// A method that names a condition outright is not matched by days to another one.
	if (sameDays.length !== 1 || conditions.some((candidate) => names(method, candidate))) return undefined;
	return 'days';
}

/**
 * The existing OutSmart payment method that stands for this Exact condition (by code or name, else by its
 * days), so the import maps onto it instead of creating a second method for the same condition.
 */
export function existingPaymentMethod(
	condition: ExactPaymentCondition,
	outSmartMethods: string[],
	conditions: ExactPaymentCondition[] = [condition],
): { method: string; matchedBy: 'name' | 'days' } | undefined {
	const methods = outSmartMethods.map((method) => method.trim()).filter((method) => method !== '');
	for (const by of ['name', 'days'] as const) {
		const method = methods.find((candidate) => matchBy(candidate, condition, conditions) === by);
		if (method !== undefined) return { method, matchedBy: by };
	}
	return undefined;
}

function knownInExact(value: string, conditions: ExactPaymentCondition[]): ExactPaymentCondition | undefined {
	return conditions.find((condition) => matchBy(value, condition, conditions) !== undefined);
}

/** Every disagreement between Exact's payment conditions and what OutSmart uses, each with both values. */
export function comparePaymentConditions(input: PaymentConditionComparisonInput): PaymentConditionMismatch[] {
	const mismatches: PaymentConditionMismatch[] = [];
	const methods = input.outSmartPaymentMethods.map((method) => method.trim()).filter((method) => method !== '');
	for (const condition of input.exactConditions) {
		const inOutSmart = existingPaymentMethod(condition, methods, input.exactConditions) !== undefined;
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
