import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { OperationFailure } from '../../../shared/failureDetails';
import { FailureKind } from '../../../shared/failureKinds';
import type { OperationNeeds } from '../../../shared/router';
import { buildExport } from '../../logic/buildExport';
import { dryRunReport } from '../../logic/dryRun';
import { withShownNumber, workorderLabel } from '../../logic/workorder';
import { exportBatch } from '../shared/settingsCheck';

export const description: INodeProperties[] = [
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		displayOptions: { show: { resource: ['workOrder'], operation: ['buildSalesInvoice'] } },
		description:
			'Whether to only report, per work order, whether it would be exported, skipped or fail (with every reason), on this same export configuration. Each report item has dryRun set to true and nothing for the next steps to write.',
	},
];

/**
 * Work orders in, what Exact's create operations take out: the sales-invoice body, the PDF document and/or
 * project time transactions, plus the order's identity and the trigger's success and error statuses.
 * Orders no trigger uses, or finished before the cut-over, give no item. A failing order gives an error
 * item whose `details` carry its identity, problems and the trigger's error status, so the next step can
 * flag it in OutSmart.
 */
export const needs: OperationNeeds = { exact: true, outSmart: true };

export const executeBatch = exportBatch(
	function () {
		return { existingInvoices: this.getNodeParameter('dryRun', 0, false) === true };
	},
	function ({ settings, orders, catalog, relationTerms }, itemIndex) {
		const dryRun = this.getNodeParameter('dryRun', 0, false) === true;
		const outcome = buildExport(orders[itemIndex], settings, catalog, relationTerms);
		if (dryRun) return { dryRun: true, ...dryRunReport(outcome, catalog) } as unknown as IDataObject;
		// The create step takes what to do with the invoice from here (its "Invoice in Exact" option).
		if (outcome.kind === 'export') return { ...(outcome.item as unknown as IDataObject), invoiceProcessing: settings.invoiceProcessing };
		if (outcome.kind === 'skip') return undefined;
		// The shared runner turns this into the error item: kind, message, the order and its trigger.
		throw new OperationFailure(
			this.getNode(),
			`Cannot export ${workorderLabel(withShownNumber(orders[itemIndex], settings.numberFrom))}: ${outcome.problems.join('; ')}`,
			{
				kind: FailureKind.orderInvalid,
				itemIndex,
				description: outcome.problems.join('\n'),
				details: {
					problems: outcome.problems,
					workorder: { ...outcome.workorder },
					...(outcome.trigger ? { trigger: { ...outcome.trigger } } : {}),
				},
			},
		);
	},
);
