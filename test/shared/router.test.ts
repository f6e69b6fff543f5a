/**
 * The one router of the three nodes (nodes/shared/router.ts): per-item and batch operations go through
 * the same item loop, so pairing, "Continue On Fail" and the failure shape are the same for both, and a
 * node shows a credential exactly for the operations that declare they need it.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { OperationFailure } from '../../nodes/shared/failureDetails';
import { FailureKind } from '../../nodes/shared/failureKinds';
import { eachItem, onceForAll, perItemAfter, route, showWhereNeeded, type ResourceMap } from '../../nodes/shared/router';
import { resources as exactOutSmartResources } from '../../nodes/ExactOutSmart/actions/router';

const NODE: INode = { id: '1', name: 'Test', type: 'n8n-nodes-exact-outsmart.exactOutSmart', typeVersion: 1, position: [0, 0], parameters: {} };

function contextFor(items: IDataObject[], parameters: IDataObject, continueOnFail: boolean): IExecuteFunctions {
	const input: INodeExecutionData[] = items.map((json) => ({ json }));
	return {
		getInputData: () => input,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => parameters[name] ?? fallback,
		getNode: () => NODE,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

const failEven = async (itemIndex: number) => {
	if (itemIndex % 2 === 0) throw new OperationFailure(NODE, `item ${itemIndex} refused`, { kind: FailureKind.orderInvalid, itemIndex, details: { problems: ['p'] } });
	return { itemIndex };
};

const resources: ResourceMap = {
	thing: {
		operations: {
			perItem: { description: [], execute: async (itemIndex) => await failEven(itemIndex) },
			batch: { description: [], needs: { exact: true }, executeBatch: async (indexes) => await eachItem(indexes, failEven) },
			once: { description: [], needs: { outSmart: true }, executeBatch: onceForAll(async () => [{ a: 1 }, { a: 2 }]) },
			prepared: {
				description: [],
				needs: { exact: true, outSmart: true },
				executeBatch: perItemAfter(
					async (indexes) => indexes.length,
					(count, itemIndex, item) => ({ count, itemIndex, name: item.json.name }),
				),
			},
		},
	},
};

const input = [
	{ name: 'a', workorder: { rowId: '501', workorderNo: 'WB-1' } },
	{ name: 'b' },
	{ name: 'c' },
];

describe('the shared router', () => {
	test.each(['perItem', 'batch'])('%s: each failure is the item\'s, paired and shaped alike, with "Continue On Fail"', async (operation) => {
		const [output] = await route.call(contextFor(input, { resource: 'thing', operation }, true), resources);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toEqual({
			error: 'item 0 refused',
			details: { kind: FailureKind.orderInvalid, message: 'item 0 refused', problems: ['p'], workorder: { rowId: '501', workorderNo: 'WB-1' } },
		});
		expect(output[1].json).toEqual({ itemIndex: 1 });
		expect(output[2].json.details).toMatchObject({ kind: FailureKind.orderInvalid, message: 'item 2 refused' });
	});

	test.each(['perItem', 'batch'])('%s: without "Continue On Fail" the first failure stops the node with its details', async (operation) => {
		const run = route.call(contextFor(input, { resource: 'thing', operation }, false), resources);
		await expect(run).rejects.toThrow('item 0 refused');
		await run.catch((error: NodeOperationError) => {
			expect(error.context.metadata).toMatchObject({ kind: FailureKind.orderInvalid, workorder: { rowId: '501' } });
			expect(error.context.itemIndex).toBe(0);
		});
	});

	test('a whole-input operation answers once, paired with the first item', async () => {
		const [output] = await route.call(contextFor(input, { resource: 'thing', operation: 'once' }, false), resources);
		expect(output.map((item) => [item.json.a, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 0 }],
		]);
	});

	test('a batch prepared once hands each item its share', async () => {
		const [output] = await route.call(contextFor(input, { resource: 'thing', operation: 'prepared' }, false), resources);
		expect(output.map((item) => item.json)).toEqual([
			{ count: 3, itemIndex: 0, name: 'a', workorder: { rowId: '501', workorderNo: 'WB-1' } },
			{ count: 3, itemIndex: 1, name: 'b' },
			{ count: 3, itemIndex: 2, name: 'c' },
		]);
	});

	test('an unknown operation fails per item', async () => {
		const [output] = await route.call(contextFor([{}], { resource: 'thing', operation: 'nope' }, true), resources);
		expect(output[0].json.error).toBe('The operation "nope" is not supported for "thing"');
	});

	test('credentials and fields show for the operations that declare the need', () => {
		expect(showWhereNeeded(resources, 'exact')).toEqual({ resource: ['thing'], operation: ['batch', 'prepared'] });
		expect(showWhereNeeded(resources, 'outSmart')).toEqual({ resource: ['thing'], operation: ['once', 'prepared'] });
		expect(showWhereNeeded(exactOutSmartResources, 'exact')).toEqual({
			resource: ['workOrder', 'gla', 'paymentCondition', 'import'],
			operation: ['buildSalesInvoice', 'dryRun', 'checkMaterials', 'compare', 'mapPriceAgreements'],
		});
	});
});
