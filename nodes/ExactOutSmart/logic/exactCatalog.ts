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
}

export interface ExactItemRecord {
	id: string;
	code: string;
	description: string;
	salesPrice: number | undefined;
	salesVatCode: string;
	glRevenueCode: string;
	unit: string;
}

export interface ExactGlAccountRecord {
	id: string;
	code: string;
	description: string;
	/** Exact GLAccount Type: below 100 are balance-sheet accounts (cash, bank, VAT, ...), 110 is revenue. */
	type: number | undefined;
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
	paymentConditions: Set<string>;
	projectsByCode: Map<string, ExactProjectRecord>;
	/** YourRef values of sales invoices that already exist (only filled for dry runs). */
	existingYourRefs: Set<string>;
}

export function emptyCatalog(): ExactCatalog {
	return {
		accountsByCode: new Map(),
		itemsByCode: new Map(),
		glAccountsByCode: new Map(),
		vatCodes: new Set(),
		paymentConditions: new Set(),
		projectsByCode: new Map(),
		existingYourRefs: new Set(),
	};
}
