import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, eq, exactCreate, exactGetAll, exactUpdate, generalPriceRows, ITEM_PRICE_FIELD, odataGuid } from '../../transport';
import type { WritableField } from '../common/fieldMap';
import type { BesideRecord, WriteSpec } from '../common/writeOperations';

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

/**
 * Lengths Exact documents for item fields: Description 60, ExtraDescription 255 ("slightly longer than the regular
 * description (255 instead of 60)", Pi-Systems/exact-online src/Entity/Logistics/Items.php).
 */
export const ITEM_FIELD_LENGTHS: Record<string, number> = { Description: 60, ExtraDescription: 255 };

/** Refuses, before sending, a value longer than Exact accepts, naming the field. */
export function checkLengths(this: IExecuteFunctions, body: IDataObject, limits: Record<string, number>, itemIndex: number): void {
	for (const [field, limit] of Object.entries(limits)) {
		const value = body[field];
		if (typeof value === 'string' && value.length > limit) {
			throw new NodeOperationError(this.getNode(), `${field} is ${value.length} characters long; Exact Online accepts at most ${limit}`, {
				itemIndex,
				description: `Shorten ${field} to ${limit} characters or fewer.`,
			});
		}
	}
}

/**
 * The body for logistics/Items without the price, and the price on its own: StandardSalesPrice is read-only on items
 * (Exact drops it silently: exactonline-api-dotnet-client #56) and is written through SalesItemPrices (picqer #334).
 * Exact's IsTime is a byte flag, not a boolean.
 */
export function itemBody(this: IExecuteFunctions, raw: IDataObject, itemIndex: number): { body: IDataObject; price?: number } {
	const body = { ...raw };
	if (typeof body.IsTime === 'boolean') body.IsTime = body.IsTime ? 1 : 0;
	checkLengths.call(this, body, ITEM_FIELD_LENGTHS, itemIndex);
	const price = body[ITEM_PRICE_FIELD];
	delete body[ITEM_PRICE_FIELD];
	return typeof price === 'number' && Number.isFinite(price) ? { body, price } : { body };
}

const PRICE_PATH = 'logistics/SalesItemPrices';

/**
 * Sets the item's general sales price: updates its general SalesItemPrices row, or adds one. Two calls (look-up and
 * write). The row is matched by the same rule the price reads use (transport/itemPrices.ts).
 */
export async function writeItemPrice(this: IExecuteFunctions, division: number, itemId: string, price: number, itemIndex: number): Promise<void> {
	const rows = await exactGetAll.call(this, {
		division,
		resource: PRICE_PATH,
		select: ['ID', 'Item', 'Account', 'Project', 'Employee', 'Price', 'Quantity', 'StartDate', 'EndDate', 'Unit', 'DefaultItemUnit'],
		filter: eq('Item', odataGuid(itemId)),
		itemIndex,
	});
	const general = generalPriceRows(rows).get(itemId.toLowerCase());
	if (general?.ID) {
		if (general.Price !== price) await exactUpdate.call(this, division, entityPath(PRICE_PATH, String(general.ID)), { Price: price }, itemIndex);
		return;
	}
	await exactCreate.call(this, division, PRICE_PATH, { Item: itemId.toLowerCase(), Price: price }, itemIndex);
}

/** An item's price goes beside the item, into SalesItemPrices (itemBody, writeItemPrice). */
export const ITEM_PRICE_BESIDE: BesideRecord = {
	split(body, itemIndex) {
		const { body: rest, price } = itemBody.call(this, body, itemIndex);
		return { body: rest, beside: price === undefined ? {} : { [ITEM_PRICE_FIELD]: price } };
	},
	async write(division, id, beside, itemIndex) {
		await writeItemPrice.call(this, division, id, beside[ITEM_PRICE_FIELD] as number, itemIndex);
	},
};

/** Items as Update and Create or Update write them; an item is named by its Description. */
export const ITEM_WRITE = {
	resource: 'item',
	path: ITEM_PATH,
	label: 'Item',
	fields: ITEM_FIELDS,
	nameField: { name: 'description', exact: 'Description', property: { displayName: 'Description', type: 'string' } },
	beside: ITEM_PRICE_BESIDE,
} satisfies WriteSpec;
