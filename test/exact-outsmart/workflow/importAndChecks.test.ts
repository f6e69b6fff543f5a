/**
 * The import, GLA and payment-condition operations on n8n's engine: Exact records in (as the Exact node
 * reads them), OutSmart records out that the OutSmart simulator accepts; the GLA check and the
 * payment-condition comparison find exactly the seed's deliberate differences.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../../simulators/exact';
import { okResponse } from '../../simulators/outsmart/testClient';
import { division, startStack, type Stack } from './setup';

describe('Exact OutSmart import and check operations', () => {
	let stack: Stack;
	const exactRows = (entitySet: string) => stack.exact.store.list(DEMO_DIVISION, entitySet) as IDataObject[];
	const upsert = async (endpoint: string, records: IDataObject[]) => await okResponse<number>(stack.outSmart, endpoint, { method: 'POST', body: records });

	beforeAll(async () => {
		stack = await startStack();
	});

	afterAll(async () => {
		await stack.close();
	});

	const compare = async () => {
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'paymentCondition', operation: 'compare', division, relationTermField: 'payment_condition' } });
		expect(run.status).toBe('success');
		return run.output(run.nodeName);
	};

	test('Payment Condition Compare names each relation whose term differs, with both values', async () => {
		const mismatches = await compare();
		const differing = mismatches.filter((mismatch) => mismatch.kind === 'relationDiffers');
		expect(differing.map(({ subject, outSmartValue, exactValue }) => ({ debtorNumber: subject, outsmart: outSmartValue, exact: exactValue }))).toEqual(
			stack.outSmart.seed.paymentConditionMismatches,
		);
		for (const mismatch of differing) {
			expect(mismatch.message).toBe(`Relation ${mismatch.subject}: payment condition ${mismatch.outSmartValue} in OutSmart, ${mismatch.exactValue} in Exact`);
		}
		// OutSmart's seeded payment methods are descriptions ("op rekening"), none of Exact's conditions.
		expect(mismatches.filter((mismatch) => mismatch.kind === 'missingInOutSmart').map((mismatch) => mismatch.subject).sort()).toEqual(
			exactRows('PaymentConditions').map((condition) => condition.Code).sort(),
		);
	});

	test('Map Accounts to Relations: customers only, trimmed debtor numbers, accepted by OutSmart', async () => {
		const accounts = exactRows('Accounts');
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapAccounts', relationTypes: ['C'], includeBlocked: false } }, accounts);
		const relations = run.output(run.nodeName);
		const expected = accounts.filter((account) => account.Status === 'C' && account.Blocked !== true);
		expect(relations.map((relation) => relation.debtor_number)).toEqual(expected.map((account) => String(account.Code).trim()));
		expect(relations.every((relation) => /^\d+$/.test(String(relation.debtor_number)))).toBe(true);
		expect(await upsert('relations', relations)).toBe(relations.length);
	});

	test('Map Items to Materials writes the GLA into the chosen free field, with comma prices', async () => {
		const items = exactRows('Items');
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapItems', itemOutput: 'materials', glaFreeField: 3, itemGroups: '', skipLabourItems: true } }, items);
		const materials = run.output(run.nodeName);
		const nonLabour = items.filter((item) => item.IsTime !== 1);
		expect(materials).toHaveLength(nonLabour.length);
		const first = nonLabour[0];
		expect(materials[0]).toMatchObject({ code: first.Code, freefield3: first.GLRevenueCode, price: Number(first.StandardSalesPrice).toFixed(2).replace('.', ',') });
		expect(await upsert('materials', materials)).toBe(materials.length);
		const stored = stack.outSmart.store.master('materials').all().find((material) => material.code === first.Code)!;
		expect(stored.freefield3).toBe(first.GLRevenueCode);
	});

	test('Map Items to Materials can give the item-group category links', async () => {
		const items = exactRows('Items').slice(0, 20);
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapItems', itemOutput: 'materialCategories', itemGroups: '', skipLabourItems: true } }, items);
		const links = run.output(run.nodeName);
		expect(links[0]).toEqual({ mct_mat_code: items.find((item) => item.IsTime !== 1)!.Code, mct_cat_code: items.find((item) => item.IsTime !== 1)!.ItemGroupCode });
	});

	test('Map Labour Items, Employees and Payment Conditions give records OutSmart accepts', async () => {
		const labour = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapLabourItems', labourItemGroups: '' } }, exactRows('Items'));
		const hourTypes = labour.output(labour.nodeName);
		expect(hourTypes.map((hourType) => hourType.code)).toEqual(exactRows('Items').filter((item) => item.IsTime === 1).map((item) => item.Code));
		expect(await upsert('hourtypes', hourTypes)).toBe(hourTypes.length);

		const employees = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapEmployees', includeInactive: true } }, exactRows('Employees'));
		expect(employees.output(employees.nodeName)).toHaveLength(exactRows('Employees').length);
		expect(await upsert('employees', employees.output(employees.nodeName))).toBe(exactRows('Employees').length);

		const conditions = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapPaymentConditions' } }, exactRows('PaymentConditions'));
		expect(conditions.output(conditions.nodeName)).toContainEqual({ pmd_description: '14 - 14 dagen' });
		expect(await upsert('paymentmethods', conditions.output(conditions.nodeName))).toBe(exactRows('PaymentConditions').length);
	});

	test('a record OutSmart could not take fails that item only', async () => {
		const accounts = exactRows('Accounts').filter((account) => account.Status === 'C' && account.Blocked !== true).slice(0, 3);
		const broken = { ...accounts[1], City: '' };
		const run = await stack.harness.runNode(
			{ type: 'exactOutSmart', parameters: { resource: 'import', operation: 'mapAccounts', relationTypes: ['C'], includeBlocked: false }, continueOnFail: true },
			[accounts[0], broken, accounts[2]],
		);
		const output = run.output(run.nodeName);
		expect(output.map((item) => item.debtor_number ?? item.error)).toEqual([
			String(accounts[0].Code).trim(),
			`Account ${String(accounts[1].Code).trim()} ${String(accounts[1].Name)} lacks what OutSmart requires for a relation: city`,
			String(accounts[2].Code).trim(),
		]);
	});

	test('GLA Check Materials reports the seeded materials without GLA and with an unknown one', async () => {
		const materials = await okResponse<IDataObject[]>(stack.outSmart, 'materials');
		stack.exact.resetCalls();
		const run = await stack.harness.runNode({ type: 'exactOutSmart', parameters: { resource: 'gla', operation: 'checkMaterials', division, glaFreeField: 1, onlyProblems: true } }, materials);
		const report = run.output(run.nodeName);
		const seed = stack.outSmart.seed;
		expect(report.filter((line) => line.status === 'missing').map((line) => line.code).sort()).toEqual([...seed.materialsWithoutGla].sort());
		expect(report.filter((line) => line.status === 'unknown')).toEqual([
			{ code: seed.materialWithUnknownGla.code, description: expect.any(String), glAccountCode: seed.materialWithUnknownGla.gla, status: 'unknown', message: `Material ${seed.materialWithUnknownGla.code} has GL account ${seed.materialWithUnknownGla.gla}, which does not exist in Exact` },
		]);
		expect(report).toHaveLength(seed.materialsWithoutGla.length + 1);
		expect(stack.exact.callCount({ method: 'GET' })).toBe(1);
	});

	test('Map Items to Material GLA Updates refuses an item without a revenue account, with the fix', async () => {
		const item = exactRows('Items').find((row) => row.IsTime !== 1)!;
		const run = await stack.harness.runNode(
			{ type: 'exactOutSmart', parameters: { resource: 'gla', operation: 'mapItemGla', glaFreeField: 1 }, continueOnFail: true },
			[item, { ...item, GLRevenueCode: '' }],
		);
		const [update, failure] = run.output(run.nodeName);
		expect(update).toMatchObject({ code: item.Code, freefield1: item.GLRevenueCode });
		expect(failure.error).toBe(`Item ${item.Code} has no revenue GL account in Exact: set one on the item so the material gets its GLA`);
	});

	test('after the relation and payment-condition imports, Compare finds no differing relation and no missing condition', async () => {
		const mismatches = await compare();
		expect(mismatches.filter((mismatch) => mismatch.kind === 'relationDiffers' || mismatch.kind === 'missingInOutSmart')).toEqual([]);
	});
});
