/**
 * The materials import, as shipped, as scheduled runs sharing the workflow's static data (the remembered
 * sync cursor): every non-labour item becomes a material carrying its revenue GL account in free field 1, a
 * run without changes reads one page of each entity and writes nothing, and one changed item is the only
 * item read and the only material written.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { exactRows, loadTemplate, outSmartRecords, outSmartWrites, useStack } from './setup';

const FILE = 'import-materials-with-gla.json';

describe('Template: import materials with GLA', () => {
	const stack = useStack({ workorderCount: 0 });
	const staticData: IDataObject = {};
	const runScheduled = async () => await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: 'Every Hour', staticData });

	test('the first run gives every material the GL account of its Exact item, and every GLA exists in Exact', async () => {
		const run = await runScheduled();
		expect(run.error?.message).toBeUndefined();
		const glCodes = new Set(exactRows(stack, 'GLAccounts').map((account) => String(account.Code).trim()));
		const materials = new Map(outSmartRecords(stack, 'materials').map((material) => [String(material.code), material]));
		const items = exactRows(stack, 'Items').filter((item) => !item.IsTime);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			const material = materials.get(String(item.Code).trim());
			expect({ code: item.Code, gla: material?.freefield1, known: glCodes.has(String(material?.freefield1)) }).toEqual({ code: item.Code, gla: expect.any(String), known: true });
		}
		expect(run.output('Materials Summary')[0]).toMatchObject({ failed: 0 });
		expect(run.output('Categories Summary')[0]).toMatchObject({ failed: 0 });
	});

	test('a second run without changes writes nothing; a changed item writes exactly that material', async () => {
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const quiet = await runScheduled();
		expect(quiet.status).toBe('success');
		expect(outSmartWrites(stack)).toBe(0);
		const paths = stack.exact.calls().filter((call) => call.path.startsWith('/api/v1/')).map((call) => call.path).sort();
		// The price comes from its own feed: one more call a run (#15 point 3); the customers' price agreements are
		// read in full, one bulk call per 1000 (none in the seed, so no account or item look-ups).
		expect(paths).toEqual([
			`/api/v1/${DEMO_DIVISION}/bulk/Logistics/SalesItemPrices`,
			`/api/v1/${DEMO_DIVISION}/logistics/ItemGroups`,
			`/api/v1/${DEMO_DIVISION}/sync/Logistics/Items`,
			`/api/v1/${DEMO_DIVISION}/sync/Logistics/SalesItemPrices`,
		]);

		const item = exactRows(stack, 'Items').find((row) => !row.IsTime)!;
		stack.exact.updateEntity(DEMO_DIVISION, 'Items', String(item.ID), { Description: 'Thermostaatkraan 1/2" (nieuw)' });
		stack.outSmart.resetCalls();
		const changed = await runScheduled();
		expect(changed.output('Get Exact Items').map((row) => row.ID)).toEqual([item.ID]);
		expect(changed.executedNodes).toContain('Confirm Items Cursor');
		expect(changed.output('Upsert Materials').map((material) => material.code)).toEqual([String(item.Code).trim()]);
		expect(stack.outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint)).toEqual(['materials']);
		expect(outSmartRecords(stack, 'materials').find((material) => material.code === String(item.Code).trim())).toMatchObject({ description: 'Thermostaatkraan 1/2" (nieuw)' });
	});

	test('a new item group in Exact becomes an OutSmart category, with the cat_display OutSmart requires', async () => {
		// The Blueprint lists cat_display as required on categories (CloudEcosystemDev/outsmart-component README.md).
		const group = exactRows(stack, 'ItemGroups')[0];
		stack.exact.setEntity(DEMO_DIVISION, 'ItemGroups', { ...group, ID: undefined, Code: 'ZONNE', Description: 'Zonnepanelen' });
		stack.outSmart.resetCalls();
		const run = await runScheduled();
		expect(run.output('Categories Summary')[0]).toMatchObject({ failed: 0 });
		expect(outSmartRecords(stack, 'categories').find((category) => category.cat_code === 'ZONNE')).toMatchObject({ cat_name: 'Zonnepanelen', cat_display: '1' });
	});
});
