import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getClock } from '../shared/clock';
import { mainStatusOptions } from './actions/workOrder/common';
import { loadOptions } from './methods';
import { getWorkorders, type WorkorderMainStatus } from './transport';
import { decidePoll, qualifies, withTriggerStatus, type StatusWatch, type WatchState } from './trigger/workorderStatusWatch';
import { toNodeError } from '../shared/nodeError';

function readWatch(context: IPollFunctions): StatusWatch {
	const mainStatus = context.getNodeParameter('mainStatus', 'Compleet') as string;
	const raw = context.getNodeParameter('workStatuses', []) as string[] | string;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const workStatuses = [...new Set(list.map((code) => String(code).trim()).filter((code) => code !== ''))];
	if (mainStatus === 'Alle' && workStatuses.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose a status to watch: a main status other than "Alle", or one or more work statuses');
	}
	return { mainStatus, workStatuses };
}

/** Reads every order now in the watched status, one read per work status, never changing anything. */
async function fetchQualifying(context: IPollFunctions, watch: StatusWatch): Promise<IDataObject[]> {
	const status = watch.mainStatus as WorkorderMainStatus;
	const lists =
		watch.workStatuses.length === 0
			? [await getWorkorders.call(context, { status })]
			: await Promise.all(watch.workStatuses.map(async (workstatus) => await getWorkorders.call(context, { status, workstatus })));
	const seen = new Set<string>();
	const orders: IDataObject[] = [];
	for (const order of lists.flat()) {
		const rowId = String(order.id ?? '');
		if (seen.has(rowId) || !qualifies(order, watch)) continue;
		seen.add(rowId);
		orders.push(order);
	}
	return orders;
}

export class OutSmartTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OutSmart Trigger',
		name: 'outSmartTrigger',
		icon: { light: 'file:outSmart.svg', dark: 'file:outSmart.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Work order reached status',
		description: 'Starts the workflow once per work order that reaches a chosen status in OutSmart',
		defaults: { name: 'OutSmart Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'outSmartApi', required: true }],
		properties: [
			{
				displayName:
					'"Execute workflow" takes every work order waiting in the status now. Published, the workflow runs once for each order that reaches the status.',
				name: 'manualRunNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Work Order Reached Status',
						value: 'workorderReachedStatus',
						description: 'Fires once per work order that is in the chosen status; it fires again if it leaves and comes back',
					},
				],
				default: 'workorderReachedStatus',
			},
			{
				displayName: 'Main Status',
				name: 'mainStatus',
				type: 'options',
				options: mainStatusOptions,
				default: 'Compleet',
				description: 'The main status to watch. "Alle" leaves it open, so only the work statuses below count.',
			},
			{
				displayName: 'Work Status Names or IDs',
				name: 'workStatuses',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
				default: [],
				description:
					'Work statuses to watch (e.g. each export trigger\'s "Standard Status"); empty means any. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'On First Activation',
				name: 'firstActivation',
				type: 'options',
				options: [
					{
						name: 'Emit Orders Already in the Status',
						value: 'emitExisting',
						description: 'Process the backlog: every order already in the status fires on the first poll',
					},
					{
						name: 'Ignore Orders Already in the Status',
						value: 'ignoreExisting',
						description: 'Only orders that reach the status after activation fire',
					},
				],
				default: 'ignoreExisting',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fire Again After (Minutes)',
						name: 'reemitAfterMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Fire again for an order still in the status after this many minutes (e.g. because its export failed). 0 = never.',
					},
				],
			},
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watch = readWatch(this);

		// "Execute workflow" / "Fetch test event": every order waiting in the status now, so a manual run
		// does what the published workflow would do with its backlog; the memory stays as it was.
		if (this.getMode() === 'manual') {
			const orders = await fetchQualifying(this, watch);
			if (orders.length === 0) return null;
			return [this.helpers.returnJsonArray(orders.map((order) => withTriggerStatus(order)))];
		}

		const staticData = this.getWorkflowStaticData('node') as WatchState & IDataObject;
		let orders: IDataObject[];
		try {
			orders = await fetchQualifying(this, watch);
		} catch (error) {
			// Before the first successful poll a failure must be visible; afterwards one bad poll is only logged.
			if (!staticData.initialised) throw toNodeError(this.getNode(), error);
			this.logger.error(`OutSmart Trigger: polling failed, will try again at the next poll: ${(error as Error).message}`);
			return null;
		}

		const options = this.getNodeParameter('options', {}) as { reemitAfterMinutes?: number };
		const decision = decidePoll(orders, staticData, watch, {
			emitExisting: this.getNodeParameter('firstActivation', 'ignoreExisting') === 'emitExisting',
			now: getClock().now(),
			reemitAfterMs: (options.reemitAfterMinutes ?? 0) * 60_000,
		});
		staticData.initialised = decision.state.initialised;
		staticData.watchKey = decision.state.watchKey;
		staticData.emitted = decision.state.emitted;
		if (decision.emit.length === 0) return null;
		return [this.helpers.returnJsonArray(decision.emit)];
	}
}
