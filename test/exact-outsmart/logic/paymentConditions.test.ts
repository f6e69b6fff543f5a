import { checkOrderPaymentCondition, comparePaymentConditions, samePaymentCondition } from '../../../nodes/ExactOutSmart/logic/paymentConditions';

describe('payment conditions', () => {
	test.each([
		['14', '14', true],
		['08', '8', true],
		[' 30 ', '30', true],
		['14', '30', false],
	])('samePaymentCondition(%p, %p) = %p', (a, b, expected) => {
		expect(samePaymentCondition(a, b)).toBe(expected);
	});

	test.each([
		{ outSmart: '14', exact: '14', expected: undefined },
		{ outSmart: '', exact: '30', expected: undefined },
		{ outSmart: '14', exact: '30', expected: 'Payment condition differs for customer 10001: OutSmart has 14, Exact has 30: make them equal (Exact is leading) and export again' },
		{ outSmart: '14', exact: '', expected: 'Payment condition differs for customer 10001: OutSmart has 14, the Exact account has none: set the sales payment condition on the account in Exact' },
	])('order check OutSmart $outSmart vs Exact $exact', ({ outSmart, exact, expected }) => {
		expect(checkOrderPaymentCondition(outSmart, exact, '10001')).toBe(expected);
	});

	test('comparison reports each mismatch with both values', () => {
		const mismatches = comparePaymentConditions({
			exactConditions: [
				{ code: '14', description: '14 dagen' },
				{ code: '30', description: '30 dagen' },
				{ code: '60', description: '60 dagen' },
			],
			outSmartPaymentMethods: ['14 - 14 dagen', '30 dagen', '45 dagen'],
			relations: [
				{ debtorNumber: '10001', paymentCondition: '14' },
				{ debtorNumber: '10002', paymentCondition: '14' },
				{ debtorNumber: '10003', paymentCondition: '' },
				{ debtorNumber: '10004', paymentCondition: '45' },
			],
			exactAccountConditions: new Map([
				['10001', '14'],
				['10002', '30'],
				['10003', '30'],
			]),
		});
		expect(mismatches.map(({ kind, subject, outSmartValue, exactValue }) => ({ kind, subject, outSmartValue, exactValue }))).toEqual([
			{ kind: 'missingInOutSmart', subject: '60', outSmartValue: '', exactValue: '60 (60 dagen)' },
			{ kind: 'missingInExact', subject: '45 dagen', outSmartValue: '45 dagen', exactValue: '' },
			{ kind: 'relationDiffers', subject: '10002', outSmartValue: '14', exactValue: '30' },
			{ kind: 'relationNotInExact', subject: '10004', outSmartValue: '45', exactValue: '' },
		]);
		expect(mismatches[1].message).toBe('Payment condition 45 dagen exists in OutSmart but not in Exact');
		expect(mismatches[2].message).toBe('Relation 10002: payment condition 14 in OutSmart, 30 in Exact');
	});
});
