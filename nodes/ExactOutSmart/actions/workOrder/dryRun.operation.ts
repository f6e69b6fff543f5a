import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { getDivision } from '../../../ExactOnline/transport';
import { runPerItem } from '../../../shared/runPerItem';
import { buildExport, catalogNeeds } from '../../logic/buildExport';
import { dryRunReport } from '../../logic/dryRun';
import type { Workorder } from '../../logic/workorder';
import { inputRecords } from '../shared/inputRecords';
import { loadCatalog } from '../shared/loadCatalog';
import { withMaterialMasterGla } from '../shared/materialMaster';
import { loadOutSmartHourTypes, loadRelationTerms } from '../shared/relationTerms';
import { withValidExportSettings } from '../shared/settingsCheck';

export const description: INodeProperties[] = [];

/**
 * The whole build and every check for a batch of work orders, with Exact lookups (including existing
 * invoices by YourRef) but no writes anywhere: one report item per order.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await withValidExportSettings.call(this, async (settings) => {
		const orders = await withMaterialMasterGla.call(this, inputRecords.call(this) as Workorder[], settings);
		const division = await getDivision.call(this, 0);
		const catalog = await loadCatalog(this, division, catalogNeeds(orders, settings), {
			existingInvoices: true,
			// With OutSmart prices too: an order price that ignores a customer's agreement is refused.
			priceAgreements: true,
			paymentConditions: settings.paymentMethodConditions.size > 0,
		});
		await loadOutSmartHourTypes.call(this, catalog);
		const relationTerms = await loadRelationTerms.call(this, settings);
		return await runPerItem(this, async (itemIndex) => {
			return dryRunReport(buildExport(orders[itemIndex], settings, catalog, relationTerms), catalog) as unknown as IDataObject;
		});
	});
}
