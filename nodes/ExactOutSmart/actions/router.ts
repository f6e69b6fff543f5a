import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import * as exportConfiguration from './exportConfiguration/ExportConfiguration.resource';
import * as gla from './gla/Gla.resource';
import * as importResource from './import/Import.resource';
import * as paymentCondition from './paymentCondition/PaymentCondition.resource';
import * as workOrder from './workOrder/WorkOrder.resource';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/**
 * Operations run over the whole input at once (not item by item from here): the export operations fetch
 * Exact's data for all orders in a few batched calls before the per-item work starts.
 */
const operations: Record<string, Record<string, Operation>> = {
	exportConfiguration: { validate: exportConfiguration.validate.execute },
	workOrder: { buildSalesInvoice: workOrder.buildSalesInvoice.execute, dryRun: workOrder.dryRun.execute },
	import: {
		mapAccounts: importResource.mapAccounts.execute,
		mapEmployees: importResource.mapEmployees.execute,
		mapItems: importResource.mapItems.execute,
		mapLabourItems: importResource.mapLabourItems.execute,
		mapPaymentConditions: importResource.mapPaymentConditions.execute,
		mapPriceAgreements: importResource.mapPriceAgreements.execute,
		summarise: importResource.summarise.execute,
	},
	gla: { checkMaterials: gla.checkMaterials.execute, mapItemGla: gla.mapItemGla.execute },
	paymentCondition: { compare: paymentCondition.compare.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return [await run.call(this)];
}
