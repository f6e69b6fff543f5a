import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { OperationNeeds } from '../../../shared/router';
import { buildExport } from '../../logic/buildExport';
import { dryRunReport } from '../../logic/dryRun';
import { exportBatch } from '../shared/settingsCheck';

export const description: INodeProperties[] = [];

export const needs: OperationNeeds = { exact: true, outSmart: true };

/**
 * The whole build and every check for a batch of work orders, with Exact lookups (including existing
 * invoices by YourRef) but no writes anywhere: one report item per order.
 */
export const executeBatch = exportBatch(
	() => ({ existingInvoices: true }),
	function ({ settings, orders, catalog, relationTerms }, itemIndex) {
		return dryRunReport(buildExport(orders[itemIndex], settings, catalog, relationTerms), catalog) as unknown as IDataObject;
	},
);
