/**
 * What the export needs to know about the Exact administration, fetched once per execution for all input
 * orders (see actions/shared/loadCatalog.ts) and then read by the pure builders. Codes are trimmed:
 * Exact pads account codes to 18 characters and VAT codes to 3.
 */
export interface ExactAccountRecord {
	id: string;
	code: string;
	name: string;
	paymentConditionSales: string;
	salesVatCode: string;
	blocked: boolean;
	/** Default sales discount, a fraction (Accounts.DiscountSales: "5.5% is stored as .055"). */
	discountSales?: number;
	/** Default sales price list (Accounts.PriceList), '' = none. */
	priceList?: string;
	vatNumber?: string;
}

export interface ExactItemRecord {
	id: string;
	code: string;
	description: string;
	salesPrice: number | undefined;
	salesVatCode: string;
	glRevenueCode: string;
	unit: string;
	/** Items.ItemGroupCode: its revenue GL account is the fallback when the item has none. */
	itemGroupCode?: string;
}

/** Items.GLRevenue "overrules the GL account from the item group" (picqer Item.php): the group's is the fallback. */
export interface ExactItemGroupRecord {
	code: string;
	glRevenueCode: string;
}

/** A customer-specific sales price (logistics/SalesItemPrices with Account set). */
export interface ExactPriceAgreement {
	accountId: string;
	itemId: string;
	price: number;
	/** Y-m-d or '' */
	startDate: string;
	endDate: string;
	/** The price applies from this quantity on (SalesItemPrices.Quantity, a quantity break); 0 or absent: any. */
	quantity?: number;
}

/**
 * One entry of a sales price list in one of its periods (sales/SalesPriceListVolumeDiscounts joined with
 * sales/SalesPriceListPeriods; Pi-Systems/exact-online src/Entity/Sales/*.php). A customer uses the list its
 * account names (Accounts.PriceList). EntryMethod 1 = a discount on the base price, 2 = a new price.
 */
export interface ExactPriceListEntry {
	priceListId: string;
	priceListCode: string;
	/** The period's dates, Y-m-d or ''. */
	startDate: string;
	endDate: string;
	/** The item the entry prices, or '' when it prices every item of an item group. */
	itemId: string;
	itemGroupCode: string;
	/** The entry applies from this quantity on (a volume discount); 0: any. */
	quantity: number;
	entryMethod: number;
	/** A fraction: "Discounted price = (1 - Discount) * BasePriceAmount". */
	discount?: number;
	/** The base price; absent: the item's standard sales price. */
	basePriceAmount?: number;
	newPrice?: number;
	/** The unit the entry prices in; '' = the item's own. */
	unit: string;
}

/**
 * A row of OutSmart's `prices` (CloudEcosystemDev/outsmart-component lib/schemas/PostPrices.in.json): the price of a
 * material or hour type for one customer (or every customer: debtorNumber '') in a period.
 */
export interface OutSmartPriceRecord {
	material: string;
	hourType: string;
	debtorNumber: string;
	/** Y-m-d or '' */
	startDate: string;
	endDate: string;
	price: number;
}

export interface ExactVatCodeRecord {
	code: string;
	/** A fraction (0.21), as Exact stores it (VATCodes.Percentage). */
	percentage: number;
	/** VATCodes.EUSalesListing: 'L' = the transactions appear on the EU sales list (ICP). */
	euSalesListing: string;
}

export interface ExistingInvoice {
	exportKey: string;
	invoiceNumber: string;
	/** InvoiceTo, else OrderedBy. */
	payerId: string;
	amountExclVat: number;
}

/** OutSmart hour types (hourtypes): whether they are booked on sales, and their sales price. */
export interface OutSmartHourTypeRecord {
	code: string;
	billable: boolean;
	salePrice: number | undefined;
}

export interface ExactGlAccountRecord {
	id: string;
	code: string;
	description: string;
	/** Exact GLAccount Type (picqer GLAccount.php): 110 = Revenue, 140 = Exceptional income, 111 = Cost of goods, ... */
	type: number | undefined;
	/** GLAccounts.BalanceType: B (Balance Sheet), W (Profit & Loss). */
	balanceType?: string;
	blocked: boolean;
}

export interface ExactProjectRecord {
	id: string;
	code: string;
}

export interface ExactCatalog {
	accountsByCode: Map<string, ExactAccountRecord>;
	itemsByCode: Map<string, ExactItemRecord>;
	glAccountsByCode: Map<string, ExactGlAccountRecord>;
	vatCodes: Set<string>;
	vatCodeDetails: Map<string, ExactVatCodeRecord>;
	itemGroupsByCode: Map<string, ExactItemGroupRecord>;
	priceAgreements: ExactPriceAgreement[];
	/** Entries of the price lists the customers use (only read when one of them has a list). */
	priceListEntries: ExactPriceListEntry[];
	outSmartHourTypes: Map<string, OutSmartHourTypeRecord>;
	/** OutSmart's price rows (read with the hour types): a customer's hour-type price there prices its hours. */
	outSmartPrices: OutSmartPriceRecord[];
	paymentConditions: Set<string>;
	projectsByCode: Map<string, ExactProjectRecord>;
	/** YourRef values of sales invoices that already exist (only filled for dry runs). */
	existingYourRefs: Set<string>;
	/** Sales invoices (not credit notes) that carry an export key, by key group (only filled for dry runs). */
	existingByKeyGroup: Map<string, ExistingInvoice[]>;
}

export function emptyCatalog(): ExactCatalog {
	return {
		accountsByCode: new Map(),
		itemsByCode: new Map(),
		glAccountsByCode: new Map(),
		vatCodes: new Set(),
		vatCodeDetails: new Map(),
		itemGroupsByCode: new Map(),
		priceAgreements: [],
		priceListEntries: [],
		outSmartHourTypes: new Map(),
		outSmartPrices: [],
		paymentConditions: new Set(),
		projectsByCode: new Map(),
		existingYourRefs: new Set(),
		existingByKeyGroup: new Map(),
	};
}
