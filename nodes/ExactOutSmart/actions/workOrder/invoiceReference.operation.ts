import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemExecute } from '../../../shared/router';
import { invoiceReferenceOf } from '../../logic/buildExport';
import type { Workorder } from '../../logic/workorder';
import { readExportSettings } from '../shared/exportSettings.description';

/** The export settings this operation reads: the rest of the export configuration is not shown for it. */
export const EXPORT_SETTINGS_USED = ['numberFrom', 'yourRefPrefix', 'tags'];

export const description: INodeProperties[] = [];

/**
 * An OutSmart work order in; its row id, the number shown and the YourRef its invoice carries out, by the
 * export's own rule, so that Exact's invoices (or receivables) are matched on YourRef as it was written.
 */
export const execute: ItemExecute = async function (this, itemIndex, item) {
	const reference = invoiceReferenceOf(item.json as Workorder, readExportSettings.call(this, itemIndex));
	return { ...reference, workorder: { ...reference.workorder } } as IDataObject;
};
