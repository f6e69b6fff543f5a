/**
 * The status dropdowns of the export configuration say what each work status is already used for, and
 * name a conflict (a status two triggers start from, or one a trigger moves its exported orders to and
 * another starts from) while the statuses are chosen, before a run refuses the configuration.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { startStack, type Stack } from './setup';

const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const SUCCESS = DEMO_WORKSTATUS.exportSucceeded.code;
const FAILED = DEMO_WORKSTATUS.exportFailed.code;

describe('Exact OutSmart: the work-status dropdown of the export triggers', () => {
	let stack: Stack;
	beforeAll(async () => {
		stack = await startStack({ workorderCount: 0 });
	});
	afterAll(async () => await stack.close());

	async function dropdown(triggers: IDataObject[]) {
		const parameters = { resource: 'workOrder', operation: 'buildSalesInvoice', exportTriggers: { trigger: triggers } } as unknown as INodeParameters;
		const context = stack.harness.loadOptionsContext({ type: 'exactOutSmart', parameters }, 'parameters.exportTriggers.trigger[0].workstatus');
		const node = stack.harness.nodeTypes.getByNameAndVersion('n8n-nodes-exact-outsmart.exactOutSmart', 1);
		const options = await node.methods!.loadOptions!.getWorkStatuses.call(context);
		return new Map(options.map((option) => [String(option.value), option.description]));
	}

	it('says which trigger starts from, succeeds to and fails to each status', async () => {
		const shown = await dropdown([{ name: 'Factuur', workstatus: READY, successStatus: SUCCESS, errorStatus: FAILED }]);
		expect(shown.get(READY)).toBe("Used: starts 'Factuur'");
		expect(shown.get(SUCCESS)).toBe("Used: success status of 'Factuur'");
		expect(shown.get(FAILED)).toBe("Used: error status of 'Factuur'");
		expect([...shown.values()].filter((description) => description === undefined).length).toBe(Object.values(DEMO_WORKSTATUS).length - 3);
	});

	it('names the conflict of two triggers on one status, and of a status one trigger ends in and another starts from', async () => {
		const twice = await dropdown([
			{ name: 'Factuur', workstatus: READY, successStatus: SUCCESS, errorStatus: FAILED },
			{ name: 'Alleen materiaal', workstatus: READY, successStatus: SUCCESS, errorStatus: FAILED },
		]);
		expect(twice.get(READY)).toMatch(/^Conflict: starts 'Factuur' and 'Alleen materiaal': one order would be exported twice/);
		const again = await dropdown([
			{ name: 'Factuur', workstatus: READY, successStatus: SUCCESS, errorStatus: FAILED },
			{ name: 'Na export', workstatus: SUCCESS, successStatus: FAILED, errorStatus: FAILED },
		]);
		expect(again.get(SUCCESS)).toMatch(/^Conflict: 'Na export' starts from the status 'Factuur' moves exported orders to/);
	});

	it('lists the statuses as before when there are no triggers', async () => {
		const shown = await dropdown([]);
		expect([...shown.values()].every((description) => description === undefined)).toBe(true);
	});
});
