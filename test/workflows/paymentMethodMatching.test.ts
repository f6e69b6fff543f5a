/**
 * The import maps Exact's payment conditions onto the payment methods OutSmart already has, by code or
 * name, else by the days a method names ("Binnen 30 dagen netto"), before creating new ones; and the
 * payment-condition check then reports such a condition under neither name.
 */
import { daysNamedBy, existingPaymentMethod } from '../../nodes/ExactOutSmart/logic/paymentConditions';
import { exactRows, loadTemplate, outSmartRecords, startStack, type Stack } from './setup';

describe('payment methods: matched before created', () => {
	test('the days a method names, and an unambiguous match', () => {
		expect(['14 dagen', 'Binnen 30 dagen netto', '30 days', 'netto 8 dg', 'op rekening', '14/30 dagen', '2024 regeling'].map(daysNamedBy)).toEqual([14, 30, 30, 8, undefined, undefined, undefined]);
		const conditions = [
			{ code: '14', description: 'Veertien', paymentDays: 14 },
			{ code: '30', description: 'Dertig', paymentDays: 30 },
			{ code: 'B30', description: 'Bank dertig', paymentDays: 30 },
		];
		expect(existingPaymentMethod(conditions[0], ['op rekening', 'Binnen 14 dagen'], conditions)).toEqual({ method: 'Binnen 14 dagen', matchedBy: 'days' });
		// Two conditions of 30 days: a method naming 30 days is no match for either (never a guess).
		expect(existingPaymentMethod(conditions[1], ['Binnen 30 dagen'], conditions)).toBeUndefined();
		// By code or name first.
		expect(existingPaymentMethod(conditions[1], ['Binnen 30 dagen', 'Dertig'], conditions)).toEqual({ method: 'Dertig', matchedBy: 'name' });
	});

	describe('through the templates', () => {
		let stack: Stack;
		beforeAll(async () => {
			stack = await startStack({ workorderCount: 0 });
		});
		afterAll(async () => {
			await stack.close();
		});

		test('existing methods are kept for their conditions; the check reports neither name', async () => {
			const methods = stack.outSmart.store.master('paymentmethods');
			methods.upsert({ pmd_description: 'Binnen 30 dagen netto' });
			methods.upsert({ pmd_description: '14 dagen' });
			const conditions = exactRows(stack, 'PaymentConditions');
			const before = outSmartRecords(stack, 'paymentmethods').length;

			const run = await stack.harness.run(loadTemplate('import-hour-types-employees-payment-conditions.json'), { mode: 'trigger', startNode: 'Every Night' });
			expect(run.status).toBe('success');
			const names = outSmartRecords(stack, 'paymentmethods').map((method) => String(method.pmd_description));
			expect(names).not.toContain('30 - 30 dagen');
			expect(names).not.toContain('14 - 14 dagen');
			expect(names.length).toBe(before + conditions.length - 2);
			const matched = run.output('Map Payment Conditions').filter((line) => line.matchedBy);
			expect(matched).toHaveLength(2);
			expect(matched).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ pmd_description: '14 dagen', matchedBy: 'name' }),
					expect.objectContaining({ pmd_description: 'Binnen 30 dagen netto', matchedBy: 'days' }),
				]),
			);

			const check = await stack.harness.run(loadTemplate('payment-condition-check.json'), { mode: 'trigger', startNode: 'Every Monday' });
			const subjects = (check.executedNodes.includes('Mismatch') ? check.output('Mismatch') : []).map((mismatch) => String(mismatch.subject));
			for (const name of ['14', '30', 'Binnen 30 dagen netto', '14 dagen']) expect(subjects).not.toContain(name);
		});
	});
});
