/**
 * With "On Error: Continue (using error output)", n8n moves an item to the error output only when its json
 * holds nothing but `error`, `message` and `details` (n8n-core WorkflowExecute.handleNodeErrorOutput). An
 * item that fails must land there: on the success output the next step would mark a work order exported
 * that has no invoice.
 */
import { DEMO_DIVISION_PARAMETER as DIVISION_PARAMETER } from '../fixtures/exportSettings';
import type { WorkflowHarness } from '../harness';
import { startTestBed, type TestBed } from '../harness/testBed';

describe('failed items go to the error output', () => {
	let bed: TestBed;
	let harness: WorkflowHarness;
	beforeAll(async () => {
		bed = await startTestBed({ outSmart: { workorderCount: 5 } });
		harness = bed.harness;
	});
	afterAll(async () => {
		await bed.close();
	});

	it('Exact Online: a sales invoice that cannot be created', async () => {
		const run = await harness.runNode(
			{
				type: 'exactOnline',
				parameters: {
					resource: 'salesInvoice',
					operation: 'create',
					division: DIVISION_PARAMETER,
					orderedBy: { __rl: true, mode: 'id', value: '={{ $json.customer }}' },
					journal: '70',
					yourRef: 'WO-X',
					linesInput: 'json',
					linesJson: '[]',
				},
				onError: 'continueErrorOutput',
			},
			[{ customer: 'not-a-guid' }],
		);
		expect(run.output(run.nodeName, 0)).toEqual([]);
		expect(run.output(run.nodeName, 1)).toEqual([expect.objectContaining({ error: 'A sales invoice needs at least one line' })]);
	});

	it('OutSmart: a status change on an unknown work order', async () => {
		const run = await harness.runNode(
			{
				type: 'outSmart',
				parameters: { resource: 'workOrder', operation: 'update', findBy: 'workorderNo', workorderNo: 'WO-DOES-NOT-EXIST', updateFields: { workstatus: '5812443' } },
				onError: 'continueErrorOutput',
			},
			[{}],
		);
		expect(run.output(run.nodeName, 0)).toEqual([]);
		expect(run.output(run.nodeName, 1)).toEqual([expect.objectContaining({ error: expect.stringContaining('1500') })]);
	});

	it('every error item carries the one failure contract: kind, message, and the order and trigger of its input', async () => {
		const order = { workorder: { rowId: '9001', workorderNo: 'WO-DOES-NOT-EXIST' }, trigger: { name: 'Factuur', errorStatus: '5812444' } };
		const run = await harness.runNode(
			{
				type: 'outSmart',
				parameters: { resource: 'workOrder', operation: 'update', findBy: 'workorderNo', workorderNo: '={{ $json.workorder.workorderNo }}', updateFields: { workstatus: '5812443' } },
				onError: 'continueErrorOutput',
			},
			[order],
		);
		const [failed] = run.output(run.nodeName, 1);
		expect(failed.details).toEqual({
			kind: 'outSmart.refused',
			message: failed.error,
			description: expect.any(String),
			workorder: order.workorder,
			trigger: order.trigger,
		});

		const invoice = await harness.runNode(
			{
				type: 'exactOnline',
				parameters: {
					resource: 'salesInvoice',
					operation: 'create',
					division: DIVISION_PARAMETER,
					orderedBy: { __rl: true, mode: 'id', value: '0a1b2c3d-0000-4000-8000-000000000001' },
					journal: '70',
					yourRef: 'WO-X',
					linesInput: 'json',
					linesJson: '[]',
				},
				onError: 'continueRegularOutput',
			},
			[order],
		);
		expect(invoice.output(invoice.nodeName)).toEqual([
			{ error: 'A sales invoice needs at least one line', details: { kind: 'input.invalid', message: 'A sales invoice needs at least one line', ...order } },
		]);
	});

	it('a raw OutSmart work order names itself in the details; a stopped node carries the details in its error', async () => {
		const run = await harness.runNode(
			{
				type: 'outSmart',
				parameters: { resource: 'workOrder', operation: 'update', findBy: 'workorderNo', workorderNo: '={{ $json.WorkorderNo }}', updateFields: { workstatus: '5812443' } },
			},
			[{ id: '77', WorkorderNo: 'WO-DOES-NOT-EXIST' }],
		);
		expect(run.status).toBe('error');
		const error = run.nodeError(run.nodeName) as Error & { context?: { metadata?: unknown } };
		expect(error.context?.metadata).toMatchObject({ kind: 'outSmart.refused', message: error.message, workorder: { rowId: '77', workorderNo: 'WO-DOES-NOT-EXIST' } });
	});
});
