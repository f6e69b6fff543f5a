import type { IDataObject } from 'n8n-workflow';
import type { WritableField } from '../common/fieldMap';

export const ITEM_PATH = 'logistics/Items';

export const ITEM_DEFAULT_FIELDS = [
	'ID', 'Code', 'Description', 'ItemGroup', 'ItemGroupCode', 'GLRevenue', 'GLRevenueCode', 'GLCosts', 'GLCostsCode', 'SalesVatCode',
	'StandardSalesPrice', 'CostPriceStandard', 'Unit', 'IsSalesItem', 'IsPurchaseItem', 'IsStockItem', 'IsTime', 'EndDate', 'Modified',
];

const text = (displayName: string, description?: string) => ({ displayName, type: 'string' as const, description });
const dynamic = (displayName: string, loadOptionsMethod: string, what: string) => ({
	displayName,
	type: 'options' as const,
	typeOptions: { loadOptionsMethod, loadOptionsDependsOn: ['division.value'] },
	description: `${what}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export const ITEM_FIELDS: WritableField[] = [
	{ name: 'barcode', exact: 'Barcode', property: text('Barcode') },
	{ name: 'costPriceStandard', exact: 'CostPriceStandard', property: { displayName: 'Cost Price', type: 'number', typeOptions: { numberPrecision: 4 } } },
	{ name: 'extraDescription', exact: 'ExtraDescription', property: text('Extra Description') },
	{ name: 'glCosts', exact: 'GLCosts', property: dynamic('Cost GL Account Name or ID', 'getGlAccounts', 'General ledger account for costs') },
	{ name: 'glRevenue', exact: 'GLRevenue', property: dynamic('Revenue GL Account Name or ID', 'getRevenueGlAccounts', 'Profit-and-loss GL account for revenue, used by invoice lines') },
	{ name: 'isLabour', exact: 'IsTime', property: { displayName: 'Is Labour (Hour Type)', type: 'boolean', description: 'Whether the item is a time/labour item that can be used as an hour type' } },
	{ name: 'isPurchaseItem', exact: 'IsPurchaseItem', property: { displayName: 'Is Purchase Item', type: 'boolean', description: 'Whether the item can be purchased' } },
	{ name: 'isSalesItem', exact: 'IsSalesItem', property: { displayName: 'Is Sales Item', type: 'boolean', default: true, description: 'Whether the item can be sold' } },
	{ name: 'isStockItem', exact: 'IsStockItem', property: { displayName: 'Is Stock Item', type: 'boolean', description: 'Whether stock is kept for the item' } },
	{ name: 'itemGroup', exact: 'ItemGroup', property: dynamic('Item Group Name or ID', 'getItemGroups', 'The item group') },
	{ name: 'notes', exact: 'Notes', property: text('Notes') },
	{ name: 'salesPrice', exact: 'StandardSalesPrice', property: { displayName: 'Sales Price', type: 'number', typeOptions: { numberPrecision: 4 } } },
	{ name: 'salesVatCode', exact: 'SalesVatCode', property: dynamic('Sales VAT Code Name or ID', 'getVatCodes', 'VAT code for sales') },
	{ name: 'searchCode', exact: 'SearchCode', property: text('Search Code') },
	{ name: 'unit', exact: 'Unit', property: text('Unit', 'Unit code, e.g. pc or uur') },
];

/** Exact's IsTime is a byte flag, not a boolean. */
export function itemBody(body: IDataObject): IDataObject {
	if (typeof body.IsTime === 'boolean') body.IsTime = body.IsTime ? 1 : 0;
	return body;
}
