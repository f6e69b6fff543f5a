/**
 * The payment-condition check, as shipped: every mismatch between OutSmart and Exact is reported with both
 * values (the seed's two differing relations among them), nothing is written, and after the imports bring
 * OutSmart in line the relation and condition mismatches are gone.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { exactRows, loadTemplate, outSmartRecords, outSmartWrites, useStack } from './setup';

const FILE = 'payment-condition-check.json';
const TRIGGER = 'Every Monday';

function ofKind(items: IDataObject[], kind: string): IDataObject[] {
	return items.filter((item) => item.kind === kind);
}

describe('Template: payment-condition check', () => {
	const stack = useStack({ workorderCount: 0 });

	test('reports every mismatch with both values, the seeded differing relations among them, and writes nothing', async () => {
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.error?.message).toBeUndefined();
		const mismatches = run.output('Mismatch');

		const differing = ofKind(mismatches, 'relationDiffers');
		expect(differing.map(({ subject, outSmart, exact }) => ({ debtorNumber: subject, outsmart: outSmart, exact }))).toEqual(
			stack.outSmart.seed.paymentConditionMismatches,
		);
		for (const mismatch of differing) {
			expect(mismatch.message).toBe(`Relation ${String(mismatch.subject)}: payment condition ${String(mismatch.outSmart)} in OutSmart, ${String(mismatch.exact)} in Exact`);
		}
		// The seeded OutSmart payment methods are plain descriptions: no Exact condition has one.
		const conditionCodes = exactRows(stack, 'PaymentConditions').map((condition) => String(condition.Code).trim()).sort();
		expect(ofKind(mismatches, 'missingInOutSmart').map((mismatch) => mismatch.subject).sort()).toEqual(conditionCodes);
		const methods = outSmartRecords(stack, 'paymentmethods').map((method) => String(method.pmd_description));
		expect(ofKind(mismatches, 'missingInExact').map((mismatch) => mismatch.subject).sort()).toEqual([...methods].sort());
		for (const mismatch of mismatches) expect(mismatch.message).toEqual(expect.stringMatching(/\S/));

		expect(run.output('Check Summary')[0]).toMatchObject({
			mismatches: mismatches.length,
			relationDiffers: differing.length,
			missingInOutSmart: conditionCodes.length,
			messages: mismatches.map((mismatch) => mismatch.message),
		});
		expect(run.executedNodes).not.toContain('Payment Conditions Agree');
		expect(outSmartWrites(stack)).toBe(0);
		expect(stack.exact.calls().filter((call) => call.path.startsWith('/api/v1/') && call.method !== 'GET')).toEqual([]);
	});

	test('a relation whose Exact account changes its payment condition shows up as differing', async () => {
		const relation = outSmartRecords(stack, 'relations').find(
			(record) => String(record.payment_condition ?? '') !== '' && !stack.outSmart.seed.paymentConditionMismatches.some((seeded) => seeded.debtorNumber === record.debtor_number),
		)!;
		const account = exactRows(stack, 'Accounts').find((row) => String(row.Code).trim() === relation.debtor_number)!;
		const other = exactRows(stack, 'PaymentConditions').find((condition) => String(condition.Code).trim() !== String(relation.payment_condition))!;
		stack.exact.updateEntity(DEMO_DIVISION, 'Accounts', String(account.ID), { PaymentConditionSales: other.Code } as IDataObject as never);
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(ofKind(run.output('Mismatch'), 'relationDiffers')).toContainEqual(
			expect.objectContaining({ subject: relation.debtor_number, outSmart: relation.payment_condition, exact: String(other.Code).trim() }),
		);
	});

	test('after the relation and payment-condition imports, no relation differs and no Exact condition is missing', async () => {
		for (const [file, trigger] of [
			['import-relations.json', 'Every Hour'],
			['import-hour-types-employees-payment-conditions.json', 'Every Night'],
		]) {
			expect((await stack.harness.run(loadTemplate(file), { mode: 'trigger', startNode: trigger })).status).toBe('success');
		}
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		const mismatches = run.output('Mismatch');
		expect(mismatches.filter((mismatch) => mismatch.kind !== 'missingInExact')).toEqual([]);
		expect(run.output('Check Summary')[0]).toMatchObject({ relationDiffers: 0, relationNotInExact: 0, missingInOutSmart: 0 });
	});

	test('when OutSmart uses only Exact\'s conditions, it reports that all agree', async () => {
		const methods = stack.outSmart.store.master('paymentmethods');
		const conditionCodes = exactRows(stack, 'PaymentConditions').map((condition) => String(condition.Code).trim());
		methods.delete((record) => !conditionCodes.includes(String(record.pmd_description).split(' - ')[0]));
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.output('Payment Conditions Agree')).toEqual([expect.objectContaining({ allAgree: true })]);
		expect(run.executedNodes).not.toContain('Mismatch');
		expect(run.output('Check Summary')[0]).toMatchObject({ mismatches: 0, messages: [] });
	});
});
