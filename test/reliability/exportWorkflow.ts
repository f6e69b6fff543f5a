/**
 * The export chain as a workflow object, built from this package's nodes the way the export template wires
 * them: read the orders waiting for invoicing (never acknowledging), build the invoices, create each in
 * Exact (skipping a YourRef that already exists), then move the order to the trigger's success status, or
 * to its error status when building or creating failed.
 */
import type { IConnections, IDataObject, INode, IWorkflowBase } from 'n8n-workflow';
import { DEMO_DIVISION_PARAMETER, exportBuildParameters, exportTrigger } from '../fixtures/exportSettings';
import { PACKAGE_PREFIX, workflowDefinition } from '../harness';

export const DIVISION_PARAMETER = DEMO_DIVISION_PARAMETER;

export const INVOICE_TRIGGER = exportTrigger();

export const NODE = {
	start: 'Start',
	fetch: 'Fetch Orders',
	build: 'Build Invoice',
	create: 'Create Invoice',
	markExported: 'Mark Exported',
	markBuildFailed: 'Mark Build Failed',
	markCreateFailed: 'Mark Create Failed',
} as const;

export function buildParameters(overrides: Record<string, unknown> = {}): INode['parameters'] {
	return exportBuildParameters(overrides as IDataObject) as INode['parameters'];
}

function node(name: string, type: string, position: number, parameters: INode['parameters'], onError?: INode['onError']): INode {
	return {
		id: name.toLowerCase().replace(/\s+/g, '-'),
		name,
		type: type.includes('.') ? type : `${PACKAGE_PREFIX}.${type}`,
		typeVersion: 1,
		position: [position * 220, 0],
		parameters,
		...(onError ? { onError } : {}),
	};
}

function markStatus(name: string, position: number, rowId: string, workstatus: string): INode {
	return node(
		name,
		'outSmart',
		position,
		{ resource: 'workOrder', operation: 'update', findBy: 'rowId', rowId, updateFields: { workstatus } },
		'continueErrorOutput',
	);
}

export interface ExportWorkflowOptions {
	/** Leave out the status change after the invoice: a process that died between the two steps. */
	stopAfterCreate?: boolean;
	/** Start at Build with given orders instead of reading them (a re-run of an execution's data). */
	withoutFetch?: boolean;
	buildOverrides?: Record<string, unknown>;
}

export function exportWorkflow(options: ExportWorkflowOptions = {}): IWorkflowBase {
	const build = `$('${NODE.build}').item.json`;
	const nodes: INode[] = [
		node(NODE.start, 'n8n-nodes-base.manualTrigger', 0, {}),
		node(NODE.build, 'exactOutSmart', 2, buildParameters(options.buildOverrides), 'continueErrorOutput'),
		node(
			NODE.create,
			'exactOnline',
			3,
			{
				resource: 'salesInvoice',
				operation: 'create',
				division: DIVISION_PARAMETER,
				orderedBy: { __rl: true, mode: 'id', value: '={{ $json.invoice.OrderedBy }}' },
				journal: '={{ $json.invoice.Journal }}',
				yourRef: '={{ $json.yourRef }}',
				linesInput: 'json',
				linesJson: '={{ JSON.stringify($json.invoice.SalesInvoiceLines) }}',
				invoiceOptions: {
					description: '={{ $json.invoice.Description }}',
					paymentCondition: '={{ $json.invoice.PaymentCondition ?? "" }}',
					skipIfExists: true,
				},
			},
			'continueErrorOutput',
		),
		markStatus(NODE.markBuildFailed, 3, '={{ $json.details.workorder.rowId }}', '={{ $json.details.trigger.errorStatus }}'),
		markStatus(NODE.markCreateFailed, 4, `={{ ${build}.workorder.rowId }}`, `={{ ${build}.trigger.errorStatus }}`),
	];
	const connections: IConnections = {
		[NODE.build]: {
			main: [[{ node: NODE.create, type: 'main', index: 0 }], [{ node: NODE.markBuildFailed, type: 'main', index: 0 }]],
		},
		[NODE.create]: {
			main: [
				options.stopAfterCreate ? [] : [{ node: NODE.markExported, type: 'main', index: 0 }],
				[{ node: NODE.markCreateFailed, type: 'main', index: 0 }],
			],
		},
	};
	if (!options.stopAfterCreate) {
		nodes.push(markStatus(NODE.markExported, 4, `={{ ${build}.workorder.rowId }}`, `={{ ${build}.trigger.successStatus }}`));
	}
	if (options.withoutFetch) {
		connections[NODE.start] = { main: [[{ node: NODE.build, type: 'main', index: 0 }]] };
	} else {
		nodes.push(
			node(NODE.fetch, 'outSmart', 1, {
				resource: 'workOrder',
				operation: 'getAll',
				status: INVOICE_TRIGGER.status,
				workstatus: INVOICE_TRIGGER.workstatus,
				returnAll: true,
			}),
		);
		connections[NODE.start] = { main: [[{ node: NODE.fetch, type: 'main', index: 0 }]] };
		connections[NODE.fetch] = { main: [[{ node: NODE.build, type: 'main', index: 0 }]] };
	}
	return workflowDefinition('Export work orders (reliability)', nodes, connections);
}
