import type { IExecuteFunctions } from 'n8n-workflow';
import { getDivision } from '../../../ExactOnline/transport';
import { failureDetails, OperationFailure } from '../../../shared/failureDetails';
import { FailureKind } from '../../../shared/failureKinds';
import { toNodeError } from '../../../shared/nodeError';
import { eachItem, type BatchExecute, type ItemOutcome } from '../../../shared/router';
import type { ItemResult } from '../../../shared/runPerItem';
import { catalogNeeds } from '../../logic/buildExport';
import type { ExactCatalog } from '../../logic/exactCatalog';
import type { ExportSettings } from '../../logic/exportSettings';
import { findExportSettingsProblems } from '../../logic/exportSettings';
import type { Workorder } from '../../logic/workorder';
import { readExportSettings } from './exportSettings.description';
import { loadCatalog } from './loadCatalog';
import { withMaterialMasterGla } from './materialMaster';
import { loadOutSmartHourTypes, loadRelationTerms } from './relationTerms';

/**
 * Reads the export configuration and refuses it before anything else when it is unusable (two
 * triggers on one status, an unknown tag, ...): running with it would export orders twice or wrongly.
 * The error names every problem (kind `config.invalid`), so an alert can carry the reason.
 */
export function readValidExportSettings(this: IExecuteFunctions): ExportSettings {
	const settings = readExportSettings.call(this, 0);
	const problems = findExportSettingsProblems(settings);
	if (problems.length > 0) {
		throw new OperationFailure(this.getNode(), problems.join('; '), {
			kind: FailureKind.configInvalid,
			description: 'Fix the export configuration of this node; no work order was processed.',
		});
	}
	return settings;
}

/** What the export operations read once for all work orders before building any of them. */
export interface ExportRun {
	settings: ExportSettings;
	orders: Workorder[];
	catalog: ExactCatalog;
	relationTerms: Map<string, string>;
}

/**
 * An export operation (build, dry run): reads a valid configuration and, for all work orders at once,
 * the material master's GLA, Exact's catalogue (in a few batched calls), OutSmart's hour types and the
 * relations' payment terms; then `handleOrder` gives each order's outcome.
 *
 * An invalid configuration processes no order: the node stops with the reason, or, with "Continue On
 * Fail", every input item becomes an error item of kind `config.invalid` (never the input passed on as if
 * it had been built). A failure before the per-item work (e.g. Exact unreachable while reading the
 * catalogue) is treated the same way, with its own kind.
 */
export function exportBatch(
	options: (this: IExecuteFunctions) => { existingInvoices: boolean },
	handleOrder: (this: IExecuteFunctions, run: ExportRun, itemIndex: number) => ItemResult,
): BatchExecute {
	return async function (this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
		let run: ExportRun;
		try {
			const settings = readValidExportSettings.call(this);
			const input = this.getInputData().map((item) => item.json) as Workorder[];
			const orders = await withMaterialMasterGla.call(this, input, settings);
			const division = await getDivision.call(this, 0);
			const catalog = await loadCatalog(this, division, catalogNeeds(orders, settings), {
				existingInvoices: options.call(this).existingInvoices,
				// With OutSmart prices too: an order price that ignores a customer's agreement is refused.
				priceAgreements: true,
				paymentConditions: settings.paymentMethodConditions.size > 0,
			});
			// With OutSmart prices, the customers' hour-type prices in OutSmart price the hours.
			const hours = orders.some((order) => Array.isArray(order.Workperiods) && order.Workperiods.length > 0);
			await loadOutSmartHourTypes.call(this, catalog, { prices: settings.priceSource === 'outSmart' && hours });
			run = { settings, orders, catalog, relationTerms: await loadRelationTerms.call(this, settings) };
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error);
			if (!this.continueOnFail()) {
				nodeError.context.metadata ??= failureDetails(error, this.getNode());
				throw nodeError;
			}
			return itemIndexes.map(() => ({ error: nodeError }));
		}
		return await eachItem(itemIndexes, (itemIndex) => handleOrder.call(this, run, itemIndex));
	};
}
