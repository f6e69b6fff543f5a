/**
 * With "On Error: Continue (using error output)", n8n moves an item to the error output only when its json
 * holds nothing but `error`, `message` and `details` (n8n-core WorkflowExecute.handleNodeErrorOutput). An
 * item that fails must land there: on the success output the next step would mark a work order exported
 * that has no invoice.
 */
import { exactCredentials, outSmartCredentials, WorkflowHarness } from '../harness';
import { startExactSimulator, type ExactSimulator } from '../simulators/exact';
import { startOutSmartSimulator, type OutSmartSimulator } from '../simulators/outsmart';
import { DIVISION_PARAMETER } from './exportWorkflow';

describe('failed items go to the error output', () => {
	let exact: ExactSimulator;
	let outSmart: OutSmartSimulator;
	let harness: WorkflowHarness;
	beforeAll(async () => {
		exact = await startExactSimulator({ timeScale: 0 });
		outSmart = await startOutSmartSimulator({ port: 0, timeScale: 0, workorderCount: 5 });
		harness = new WorkflowHarness({
			exactOnlineOAuth2Api: exactCredentials(exact.info, (await exact.connect()) as never),
			outSmartApi: outSmartCredentials(outSmart.info),
		});
	});
	afterAll(async () => {
		await exact.close();
		await outSmart.close();
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
});
