/**
 * The GLA sync, as shipped: every OutSmart material of an Exact item ends with the item's revenue GL
 * account in its GLA free field, only materials whose GLA differs are written, and what cannot be fixed from
 * Exact (a material Exact does not know) is reported. After the materials import and a sync, every material
 * has a GLA that exists in Exact.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { exactRows, loadTemplate, outSmartRecords, outSmartWrites, useStack, type Stack } from './setup';

const FILE = 'gla-sync.json';
const TRIGGER = 'Every Morning';

function trimmed(value: unknown): string {
	return String(value ?? '').trim();
}

function glaByMaterial(stack: Stack): Map<string, string> {
	return new Map(outSmartRecords(stack, 'materials').map((material) => [trimmed(material.code), trimmed(material.freefield1)]));
}

function revenueAccountByItem(stack: Stack): Map<string, string> {
	return new Map(exactRows(stack, 'Items').filter((item) => !item.IsTime).map((item) => [trimmed(item.Code), trimmed(item.GLRevenueCode)]));
}

describe('Template: GLA sync', () => {
	const stack = useStack({ workorderCount: 0 });

	test('on the seeded account it writes exactly the materials whose GLA differs from their item, and fixes them', async () => {
		const items = revenueAccountByItem(stack);
		const before = glaByMaterial(stack);
		const differing = [...before].filter(([code, gla]) => items.has(code) && items.get(code) !== gla).map(([code]) => code).sort();
		const seed = stack.outSmart.seed;
		expect(differing).toEqual([...seed.materialsWithoutGla, seed.materialWithUnknownGla.code].sort());

		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.error?.message).toBeUndefined();
		expect(run.output('Update Material GLA').map((material) => material.code).sort()).toEqual(differing);
		expect(stack.outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint)).toEqual(['materials']);
		const after = glaByMaterial(stack);
		for (const code of differing) expect({ code, gla: after.get(code) }).toEqual({ code, gla: items.get(code) });
		expect(after.size).toBe(before.size);
		expect(run.output('Check Material GLA').filter((line) => line.status)).toEqual([]);
		expect(run.output('GLA Report')[0]).toMatchObject({ glaUpdated: differing.length, problems: 0, updateFailures: [], itemsWithoutRevenueAccount: [] });
	});

	test('after the materials import and a GLA sync every material has a GLA that exists in Exact; the sync writes nothing', async () => {
		const imported = await stack.harness.run(loadTemplate('import-materials-with-gla.json'), { mode: 'trigger', startNode: 'Every Hour' });
		expect(imported.status).toBe('success');
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(outSmartWrites(stack)).toBe(0);
		expect(run.executedNodes).not.toContain('Update Material GLA');

		const glCodes = new Set(exactRows(stack, 'GLAccounts').map((account) => trimmed(account.Code)));
		const materials = outSmartRecords(stack, 'materials');
		expect(materials.length).toBeGreaterThan(0);
		const withoutKnownGla = materials.filter((material) => !glCodes.has(trimmed(material.freefield1))).map((material) => material.code);
		expect(withoutKnownGla).toEqual([]);
		expect(run.output('GLA Report')[0]).toMatchObject({ materials: materials.length, glaUpdated: 0, problems: 0 });
	});

	test('a changed revenue account in Exact rewrites that one material; a material Exact does not know is reported, not changed', async () => {
		const item = exactRows(stack, 'Items').find((row) => !row.IsTime)!;
		const other = exactRows(stack, 'GLAccounts').find((account) => Number(account.Type) === 110 && trimmed(account.Code) !== trimmed(item.GLRevenueCode))!;
		stack.exact.updateEntity(DEMO_DIVISION, 'Items', String(item.ID), { GLRevenue: other.ID, GLRevenueCode: other.Code, GLRevenueDescription: other.Description } as IDataObject as never);
		stack.outSmart.store.master('materials').upsert({ code: 'EIGEN-001', description: 'Eigen klein materiaal', price: '1,50', unit: 'stuk', freefield1: '' } as never);

		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(run.output('Update Material GLA').map((material) => material.code)).toEqual([trimmed(item.Code)]);
		expect(glaByMaterial(stack).get(trimmed(item.Code))).toBe(trimmed(other.Code));
		expect(glaByMaterial(stack).get('EIGEN-001')).toBe('');
		expect(run.output('Check Material GLA')).toEqual([
			expect.objectContaining({ code: 'EIGEN-001', status: 'missing', message: expect.stringContaining('Material EIGEN-001 has no GL account') }),
		]);
		expect(run.output('GLA Report')[0]).toMatchObject({ glaUpdated: 1, problems: 1, problemMessages: [expect.stringContaining('EIGEN-001')] });
	});

	test('an Exact item without a revenue account is reported and its material left alone', async () => {
		const item = exactRows(stack, 'Items').filter((row) => !row.IsTime)[3];
		const glaBefore = glaByMaterial(stack).get(trimmed(item.Code));
		stack.exact.updateEntity(DEMO_DIVISION, 'Items', String(item.ID), { GLRevenue: null, GLRevenueCode: null, GLRevenueDescription: null } as IDataObject as never);
		stack.outSmart.resetCalls();
		const run = await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: TRIGGER });
		expect(run.status).toBe('success');
		expect(outSmartWrites(stack)).toBe(0);
		expect(glaByMaterial(stack).get(trimmed(item.Code))).toBe(glaBefore);
		expect(run.output('GLA Report')[0]).toMatchObject({
			glaUpdated: 0,
			itemsWithoutRevenueAccount: [`Item ${trimmed(item.Code)} has no revenue GL account in Exact: set one on the item so the material gets its GLA`],
		});
	});
});
