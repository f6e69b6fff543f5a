import type { IDataObject } from 'n8n-workflow';

/**
 * Exact's 2021 policy: a GET on the single and bulk endpoints of an entity with a sync API must $filter on
 * one of that endpoint's listed fields, or Exact answers 400 ("This endpoint has mandatory filtering
 * applied"). The lists: bramkn/ExactOnline n8n-nodes-exact-online/nodes/ExactOnline/fieldConfigArray.json
 * (fields flagged "filter"; its crm/Accounts list matches Exact's error text quoted in picqer/exact-php-client
 * #591). Accounts, Items and SalesInvoices are always filtered on a listed field by the operations that read
 * them; for the endpoints below the package's look-ups filter on fields the list does not name (Code,
 * Account), so the transport adds a term that every row of the division matches.
 */
const NEUTRAL_TERMS: Record<string, { fields: string[]; term: (division: number | undefined) => string | undefined }> = {
	'financial/GLAccounts': {
		fields: ['ID', 'AssimilatedVATBox', 'BalanceSide', 'BalanceType', 'BelcotaxType', 'Costcenter', 'Costunit', 'CostunitDescription', 'Creator', 'CreatorFullName', 'DeductibilityPercentages', 'DescriptionTermID', 'ExcludeVATListing', 'ExpenseNonDeductiblePercentage', 'IsBlocked'],
		// Every GL account is on the balance sheet (B) or the profit & loss account (W) (picqer GLAccount.php).
		term: () => "(BalanceType eq 'B' or BalanceType eq 'W')",
	},
	'crm/Contacts': {
		fields: ['AccountIsSupplier', 'AccountMainContact', 'AccountName', 'AddressLine2', 'AddressStreet', 'AddressStreetNumber', 'AddressStreetNumberSuffix', 'BirthNamePrefix', 'BirthPlace', 'BusinessEmail', 'BusinessFax', 'BusinessMobile', 'BusinessPhone', 'BusinessPhoneExtension', 'City', 'Code', 'Country', 'Created', 'CustomField', 'Division', 'Email', 'FullName', 'Gender', 'HID'],
		term: (division) => (division === undefined ? undefined : `Division eq ${division}`),
	},
	'documents/Documents': {
		fields: ['ID', 'AccountCode', 'Category', 'CategoryDescription', 'Created', 'CreatorFullName', 'Division', 'DocumentFolderCode', 'DocumentFolderDescription', 'DocumentViewUrl'],
		term: (division) => (division === undefined ? undefined : `Division eq ${division}`),
	},
};

/** Field names a filter mentions (outside its quoted literals). */
function filterFieldNames(filter: string): Set<string> {
	const unquoted = filter.replace(/'(?:[^']|'')*'/g, "''");
	return new Set(unquoted.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/**
 * The query of a collection GET with the mandatory-filter term added where the filter names none of the
 * endpoint's listed fields; other requests are returned unchanged.
 */
export function withMandatoryFilter(resource: string, division: number | undefined, qs: IDataObject | undefined): IDataObject | undefined {
	const collection = resource.replace(/^\/+/, '').replace(/^bulk\//i, '').toLowerCase();
	const rule = Object.entries(NEUTRAL_TERMS).find(([path]) => path.toLowerCase() === collection)?.[1];
	if (!rule || resource.includes('(')) return qs;
	const filter = typeof qs?.$filter === 'string' ? qs.$filter : '';
	const named = filterFieldNames(filter);
	if (rule.fields.some((field) => named.has(field))) return qs;
	const term = rule.term(division);
	if (!term) return qs;
	return { ...qs, $filter: filter ? `${term} and (${filter})` : term };
}
