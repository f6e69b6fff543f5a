/**
 * The hour-type, employee and payment-condition import, as shipped: labour items become hour types,
 * active employees become OutSmart employees, payment conditions become payment methods; a run without
 * changes writes nothing, and one changed labour item writes exactly that hour type.
 */
import { DEMO_DIVISION } from '../simulators/exact';
import { exactRows, loadTemplate, outSmartRecords, outSmartWrites, useStack } from './setup';

const FILE = 'import-hour-types-employees-payment-conditions.json';
const TRIGGER = 'Every Night';

function trimmed(value: unknown): string {
	return String(value ?? '').trim();
}

describe('Template: import hour types, employees and payment conditions', () => {
	const stack = useStack({ workorderCount: 0 });

	test('the first run brings every labour item, active employee and payment condition over, and reports it', async () => {
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.error?.message).toBeUndefined();
		expect(run.status).toBe('success');

		const hourTypes = new Map(outSmartRecords(stack, 'hourtypes').map((hourType) => [trimmed(hourType.code), hourType]));
		const labourItems = exactRows(stack, 'Items').filter((item) => item.IsTime === 1 || item.IsTime === true);
		expect(labourItems.length).toBeGreaterThan(0);
		for (const item of labourItems) {
			expect({ code: trimmed(item.Code), name: hourTypes.get(trimmed(item.Code))?.name }).toEqual({ code: trimmed(item.Code), name: item.Description });
		}

		const employees = new Map(outSmartRecords(stack, 'employees').map((employee) => [trimmed(employee.number), employee]));
		const activeEmployees = exactRows(stack, 'Employees').filter((employee) => employee.IsActive !== false && employee.IsActive !== 0);
		expect(activeEmployees.length).toBeGreaterThan(0);
		for (const employee of activeEmployees) {
			const stored = employees.get(trimmed(employee.Code ?? employee.HID));
			expect({ number: trimmed(employee.Code ?? employee.HID), lastname: stored?.lastname }).toEqual({ number: trimmed(employee.Code ?? employee.HID), lastname: employee.LastName });
		}

		const methods = new Set(outSmartRecords(stack, 'paymentmethods').map((method) => String(method.pmd_description)));
		const conditions = exactRows(stack, 'PaymentConditions');
		expect(conditions.length).toBeGreaterThan(0);
		for (const condition of conditions) expect([...methods].filter((method) => method.split(' - ')[0] === trimmed(condition.Code))).toHaveLength(1);

		for (const summary of ['Hour Types Summary', 'Employees Summary', 'Payment Methods Summary']) {
			expect(run.output(summary)[0]).toMatchObject({ failed: 0, failures: [] });
		}
		const [paymentSummary] = run.output('Payment Methods Summary');
		expect(paymentSummary).toMatchObject({ entity: 'Payment Methods', exactRecords: conditions.length, created: conditions.length, updated: 0 });
	});

	test('a second run without changes writes nothing to OutSmart', async () => {
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(outSmartWrites(stack)).toBe(0);
		for (const node of ['Upsert Hour Types', 'Upsert Employees', 'Upsert Payment Methods']) expect(run.executedNodes).not.toContain(node);
		for (const summary of ['Hour Types Summary', 'Employees Summary', 'Payment Methods Summary']) {
			expect(run.output(summary)[0]).toMatchObject({ created: 0, updated: 0, failed: 0 });
		}
	});

	test('a changed labour item writes exactly that hour type', async () => {
		const item = exactRows(stack, 'Items').find((row) => row.IsTime === 1 || row.IsTime === true)!;
		stack.exact.updateEntity(DEMO_DIVISION, 'Items', String(item.ID), { Description: 'Monteursuur (avond)' });
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(run.output('Upsert Hour Types').map((hourType) => hourType.code)).toEqual([trimmed(item.Code)]);
		expect(stack.outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint)).toEqual(['hourtypes']);
		expect(outSmartRecords(stack, 'hourtypes').find((hourType) => trimmed(hourType.code) === trimmed(item.Code))).toMatchObject({ name: 'Monteursuur (avond)' });
		expect(run.output('Hour Types Summary')[0]).toMatchObject({ created: 0, updated: 1, failed: 0 });
	});
});
