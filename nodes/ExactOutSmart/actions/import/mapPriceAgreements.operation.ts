import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { exactGetAll, exactGetByValues, getDivision, odataGuid } from '../../../ExactOnline/transport';
import { failureDetails, OperationFailure } from '../../../shared/failureDetails';
import { FailureKind } from '../../../shared/failureKinds';
import type { BatchExecute, OperationNeeds } from '../../../shared/router';
import { PRICE_CHANGE_FIELDS, priceAgreementToPrice, type PriceItem } from '../../logic/priceAgreements';
import { priceListAgreementRows } from '../../logic/priceListAgreements';
import { loadPriceListEntries } from '../shared/loadCatalog';
import { text } from '../../logic/values';
import { changeFieldsProperty, codeList } from '../shared/mapRecords';

const show = { resource: ['import'], operation: ['mapPriceAgreements'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Labour Item Groups',
		name: 'priceLabourItemGroups',
		type: 'string',
		default: '',
		placeholder: 'e.g. ARBEID',
		description:
			'Comma-separated Exact item group codes that hold labour items, as in Map Labour Items to Hour Types; their agreements become hour-type prices. Empty uses the items marked as time in Exact.',
		displayOptions: { show },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'EUR',
		description: "The administration's currency: OutSmart prices have none, so an agreement in another currency is skipped",
		displayOptions: { show },
	},
	{
		displayName: 'Include Price Lists',
		name: 'includePriceLists',
		type: 'boolean',
		default: false,
		description:
			"Whether to also carry the prices of Exact's sales price lists into OutSmart's prices, for every customer linked to a list (one more Exact call a run, and a few more when customers have lists)",
		displayOptions: { show },
	},
	changeFieldsProperty({ operation: ['mapPriceAgreements'] }, PRICE_CHANGE_FIELDS),
];

export const needs: OperationNeeds = { exact: true };

/**
 * SalesItemPrices fields the mapping reads (picqer/exact-php-client SalesItemPrice.php; $select is required). They
 * are read from the bulk endpoint (Pi-Systems/exact-online src/Entity/Bulk/Logistics/SalesItemPrices.php: the same
 * fields, 1000 rows a page), so a full read every run costs one call per 1000 agreements.
 */
const PRICE_FIELDS = ['ID', 'Account', 'AccountName', 'Item', 'ItemCode', 'Price', 'Quantity', 'Unit', 'Currency', 'StartDate', 'EndDate', 'Project', 'Employee'];

/** GUIDs are long: fewer per OR filter keep the URL short (as the item look-ups by ID do). */
const IDS_PER_CALL = 25;

const idOf = (value: unknown): string => text(value).trim().toLowerCase();

/**
 * Reads the customer price agreements from Exact (the SalesItemPrices rows with an Account), with the codes of
 * their accounts and items, and gives one item per agreement: an OutSmart price row ready for
 * OutSmart → Price Agreement → Create or Update, or `{ skipped: true, reason }` for what OutSmart cannot hold.
 * A row that cannot be mapped fails alone. Runs once per execution, whatever the input.
 */
async function mapAll(this: IExecuteFunctions): Promise<IDataObject[]> {
	const division = await getDivision.call(this, 0);
	const rows = await exactGetAll.call(this, { division, resource: 'bulk/Logistics/SalesItemPrices', select: PRICE_FIELDS, filter: 'Account ne null' });
	const accountIds = [...new Set(rows.map((row) => idOf(row.Account)).filter(Boolean))];
	const itemIds = [...new Set(rows.map((row) => idOf(row.Item)).filter(Boolean))];
	const accounts = await exactGetByValues.call(this, { division, resource: 'crm/Accounts', select: ['ID', 'Code'], field: 'ID', values: accountIds, literal: odataGuid, perCall: IDS_PER_CALL });
	const items = await exactGetByValues.call(this, {
		division,
		resource: 'logistics/Items',
		select: ['ID', 'Code', 'IsTime', 'ItemGroupCode', 'Unit'],
		field: 'ID',
		values: itemIds,
		literal: odataGuid,
		perCall: IDS_PER_CALL,
	});
	const options = {
		accountCodes: new Map(accounts.map((account) => [idOf(account.ID), text(account.Code)])),
		items: new Map<string, PriceItem>(items.map((item) => [idOf(item.ID), item])),
		labourItemGroups: codeList(this.getNodeParameter('priceLabourItemGroups', 0, '')),
		currency: String(this.getNodeParameter('currency', 0, 'EUR') || 'EUR'),
	};

	const output: IDataObject[] = [];
	if (this.getNodeParameter('includePriceLists', 0, false) as boolean) {
		for (const result of await priceListRows.call(this, division, options)) {
			if ('skip' in result) output.push({ skipped: true, reason: result.skip, exactPriceId: result.id });
			else rows.push(result.row as IDataObject);
		}
	}
	for (const row of rows) {
		const result = priceAgreementToPrice(row, options);
		if ('record' in result) {
			output.push({ ...result.record });
		} else if ('skip' in result) {
			output.push({ skipped: true, reason: result.skip, exactPriceId: text(row.ID) });
		} else {
			// The row fails alone: an error item in the one failure shape ({ error, details }), or the node stops.
			const error = new OperationFailure(this.getNode(), result.problem, { kind: FailureKind.inputInvalid, details: { exactPriceId: text(row.ID) }, itemIndex: 0 });
			if (!this.continueOnFail()) throw error;
			const details = failureDetails(error, this.getNode());
			output.push({ error: details.message, details: details as unknown as IDataObject });
		}
	}
	return output;
}

/**
 * The price lists' prices as agreement rows for every linked customer: the customers with a list (one call), and
 * only when there are any, the lists' periods and entries and the items they price. The accounts and items are
 * added to the mapping's look-ups.
 */
async function priceListRows(
	this: IExecuteFunctions,
	division: number,
	options: { accountCodes: Map<string, string>; items: Map<string, PriceItem> },
): Promise<ReturnType<typeof priceListAgreementRows>> {
	const accounts = await exactGetAll.call(this, { division, resource: 'crm/Accounts', select: ['ID', 'Code', 'Name', 'PriceList'], filter: 'PriceList ne null' });
	if (accounts.length === 0) return [];
	for (const account of accounts) options.accountCodes.set(idOf(account.ID), text(account.Code));
	const entries = await loadPriceListEntries(this, division, accounts.map((account) => text(account.PriceList).trim()));
	const select = ['ID', 'Code', 'IsTime', 'ItemGroupCode', 'Unit', 'StandardSalesPrice'];
	const itemIds = [...new Set(entries.map((entry) => idOf(entry.itemId)).filter(Boolean))];
	const groups = [...new Set(entries.filter((entry) => !entry.itemId).map((entry) => entry.itemGroupCode).filter(Boolean))];
	const items = [
		...(await exactGetByValues.call(this, { division, resource: 'logistics/Items', select, field: 'ID', values: itemIds, literal: odataGuid, perCall: IDS_PER_CALL })),
		...(await exactGetByValues.call(this, { division, resource: 'logistics/Items', select, field: 'ItemGroupCode', values: groups })),
	];
	for (const item of items) options.items.set(idOf(item.ID), item);
	const customers = accounts.map((account) => ({ id: text(account.ID), name: text(account.Name), priceList: text(account.PriceList) }));
	return priceListAgreementRows(customers, entries, [...new Map(items.map((item) => [idOf(item.ID), item])).values()]);
}

/**
 * Once for the whole input: every agreement comes out on the first item. A failure (Exact unreachable, or a row
 * that cannot be mapped without "Continue On Fail") is that item's, so it stops the node or reaches the error
 * output in the one failure shape.
 */
export const executeBatch: BatchExecute = async function (itemIndexes) {
	try {
		const output = await mapAll.call(this);
		return itemIndexes.map((_, position) => ({ result: position === 0 ? output : undefined }));
	} catch (error) {
		return itemIndexes.map((_, position) => (position === 0 ? { error } : { result: undefined }));
	}
};
