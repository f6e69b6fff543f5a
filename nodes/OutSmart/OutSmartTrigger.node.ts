import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getClock } from '../shared/clock';
import { mainStatusOptions } from './actions/workOrder/common';
import { loadOptions } from './methods';
import { getWorkorders, type WorkorderMainStatus } from './transport';
import {
	decidePoll,
	pairsToRead,
	qualifies,
	watchOfExportTriggers,
	watchOfStatuses,
	withTriggerStatus,
	type StatusWatch,
	type WatchedExportTrigger,
	type WatchState,
} from './trigger/workorderStatusWatch';
import { toNodeError } from '../shared/nodeError';

const EXPORT_TRIGGERS_FIELD = 'Export Triggers to Watch';
const EXPORT_TRIGGERS_EXAMPLE = "{{ $('Build Sales Invoice').params.exportTriggers.trigger }}";

/** The export triggers list of the field: the list itself, Build Sales Invoice's whole parameter, or their JSON. */
function exportTriggersOf(context: IPollFunctions, raw: unknown): WatchedExportTrigger[] {
	let value = raw;
	if (typeof value === 'string') {
		try {
			value = value.trim() === '' ? [] : JSON.parse(value);
		} catch {
			value = undefined;
		}
	}
	if (value && typeof value === 'object' && !Array.isArray(value) && 'trigger' in value) value = (value as IDataObject).trigger ?? [];
	if (!Array.isArray(value) || value.some((entry) => !entry || typeof entry !== 'object')) {
		throw new NodeOperationError(context.getNode(), `"${EXPORT_TRIGGERS_FIELD}" is not a list of export triggers`, {
			description: `Set it to the export triggers of the export, e.g. the expression ${EXPORT_TRIGGERS_EXAMPLE}`,
		});
	}
	return value as WatchedExportTrigger[];
}

function readWatch(context: IPollFunctions): StatusWatch {
	if (context.getNodeParameter('watch', 'statuses') === 'exportTriggers') {
		const triggers = exportTriggersOf(context, context.getNodeParameter('exportTriggersToWatch', []));
		try {
			return watchOfExportTriggers(triggers);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `"${EXPORT_TRIGGERS_FIELD}": ${(error as Error).message}`, {
				description: `The field should hold the export triggers of the export, e.g. the expression ${EXPORT_TRIGGERS_EXAMPLE}`,
			});
		}
	}
	const mainStatus = context.getNodeParameter('mainStatus', 'Compleet') as string;
	const raw = context.getNodeParameter('workStatuses', []) as string[] | string;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const watch = watchOfStatuses(mainStatus, list);
	if (mainStatus === 'Alle' && watch.pairs.every((pair) => pair.workStatus === '')) {
		throw new NodeOperationError(context.getNode(), 'Choose a status to watch: a main status other than "Alle", or one or more work statuses');
	}
	return watch;
}

/** Reads every order now in a watched status, one read per (main status, work status) pair, never changing anything. */
async function fetchQualifying(context: IPollFunctions, watch: StatusWatch): Promise<IDataObject[]> {
	const lists = await Promise.all(
		pairsToRead(watch).map(
			async (pair) => await getWorkorders.call(context, { status: pair.mainStatus as WorkorderMainStatus, workstatus: pair.workStatus }),
		),
	);
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
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				options: [
					{
						name: 'Statuses Below',
						value: 'statuses',
						description: 'One main status, with the chosen work statuses or any work status',
					},
					{
						name: 'Statuses of the Export Triggers',
						value: 'exportTriggers',
						description:
							'Exactly the main status and work status of each export trigger, read from the export configuration (no second list to keep equal)',
					},
				],
				default: 'statuses',
			},
			{
				displayName: EXPORT_TRIGGERS_FIELD,
				name: 'exportTriggersToWatch',
				type: 'json',
				default: '[]',
				required: true,
				displayOptions: { show: { watch: ['exportTriggers'] } },
				description: `The export triggers of the export, as an expression, e.g. ${EXPORT_TRIGGERS_EXAMPLE}. Each trigger's main status (empty = any) and work status (empty = any, except where the triggers move exported and failed orders) is watched.`,
			},
			{
				displayName: 'Main Status',
				name: 'mainStatus',
				type: 'options',
				options: mainStatusOptions,
				default: 'Compleet',
				displayOptions: { show: { watch: ['statuses'] } },
				description: 'The main status to watch. "Alle" leaves it open, so only the work statuses below count.',
			},
			{
				displayName: 'Work Status Names or IDs',
				name: 'workStatuses',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
				default: [],
				displayOptions: { show: { watch: ['statuses'] } },
				description:
					'Work statuses to watch in the main status above; empty means any. (For an export, choose Watch: Statuses of the Export Triggers instead.) Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
