import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getDivision } from '../../../ExactOnline/transport';
import { withFailureDetails, withFailureKind } from '../../../shared/failureDetails';
import { FailureKind } from '../../../shared/failureKinds';
import { runPerItem } from '../../../shared/runPerItem';
import { buildExport, catalogNeeds } from '../../logic/buildExport';
import { dryRunReport } from '../../logic/dryRun';
import type { Workorder } from '../../logic/workorder';
import { withShownNumber, workorderLabel } from '../../logic/workorder';
import { inputRecords } from '../shared/inputRecords';
import { loadCatalog } from '../shared/loadCatalog';
import { withMaterialMasterGla } from '../shared/materialMaster';
import { loadOutSmartHourTypes, loadRelationTerms } from '../shared/relationTerms';
import { withValidExportSettings } from '../shared/settingsCheck';

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
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const dryRun = this.getNodeParameter('dryRun', 0, false) === true;
	return await withValidExportSettings.call(this, async (settings) => {
		const orders = await withMaterialMasterGla.call(this, inputRecords.call(this) as Workorder[], settings);
		const division = await getDivision.call(this, 0);
		const catalog = await loadCatalog(this, division, catalogNeeds(orders, settings), {
			existingInvoices: dryRun,
			// With OutSmart prices too: an order price that ignores a customer's agreement is refused.
			priceAgreements: true,
			paymentConditions: settings.paymentMethodConditions.size > 0,
		});
		await loadOutSmartHourTypes.call(this, catalog);
		const relationTerms = await loadRelationTerms.call(this, settings);
		return await runPerItem(this, async (itemIndex) => {
			const outcome = buildExport(orders[itemIndex], settings, catalog, relationTerms);
			if (dryRun) return { dryRun: true, ...dryRunReport(outcome, catalog) } as unknown as IDataObject;
			// The create step takes what to do with the invoice from here (its "Invoice in Exact" option).
			if (outcome.kind === 'export') return { ...(outcome.item as unknown as IDataObject), invoiceProcessing: settings.invoiceProcessing };
			if (outcome.kind === 'skip') return undefined;
			const error = new NodeOperationError(
				this.getNode(),
				`Cannot export ${workorderLabel(withShownNumber(orders[itemIndex], settings.numberFrom))}: ${outcome.problems.join('; ')}`,
				{ itemIndex, description: outcome.problems.join('\n') },
			);
			// The shared runner turns this into the error item: kind, message, the order and its trigger.
			throw withFailureDetails(withFailureKind(error, FailureKind.orderInvalid), {
				problems: outcome.problems,
				workorder: { ...outcome.workorder },
				...(outcome.trigger ? { trigger: { ...outcome.trigger } } : {}),
			});
		});
	});
}
