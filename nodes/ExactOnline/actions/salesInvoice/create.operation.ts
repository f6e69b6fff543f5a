import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ItemResult } from '../../../shared/runPerItem';
import { exactGetByValues, getDivision, isGuid } from '../../transport';
import { compact, guidParameter } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { accountLocator, codeOrGuidLocator, vatCodeLocator } from '../common/locators';
import type { ItemOutcome } from '../common/types';
import type { InvoiceToCreate } from './createInvoices';
import { createInvoices } from './createInvoices';
import { keyGroupOf } from './exportKey';
import type { InvoiceProcessing } from './processInvoice';

export const description: INodeProperties[] = forOperations('salesInvoice', ['create'], [
	accountLocator('orderedBy', 'Customer', 'The account the invoice is for (OrderedBy)'),
	{
		displayName: 'Journal Name or ID',
		name: 'journal',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getJournals', loadOptionsDependsOn: ['division.value'] },
		required: true,
		default: '',
		description: 'The sales journal. ,. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Your Reference', name: 'yourRef', type: 'string', default: '', description: 'The customer\'s reference (YourRef), e.g. the work-order number; also the key for duplicate checks' },
	{
		displayName: 'Lines Input',
		name: 'linesInput',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{ name: 'JSON', value: 'json', description: 'An array of lines with Exact field names (Item, Description, Quantity, UnitPrice, GLAccount, VATCode, CostCenter, Project)' },
		],
		default: 'fields',
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		displayOptions: { show: { linesInput: ['fields'] } },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Cost Center', name: 'costCenter', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					codeOrGuidLocator('glAccount', 'GL Account', 'Revenue GL account of the line; defaults to the item\'s revenue account', 'searchRevenueGlAccounts', '8000'),
					codeOrGuidLocator('item', 'Item', 'The item (article, material or labour) the line sells', 'searchItems', 'CV-KETEL-24'),
					{ displayName: 'Project ID', name: 'project', type: 'string', default: '', description: 'Project (GUID)' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { numberPrecision: 4 } },
					{ displayName: 'Unit Price', name: 'unitPrice', type: 'number', default: 0, typeOptions: { numberPrecision: 4 }, description: 'Price per unit excluding VAT; leave 0 to use the item price' },
					vatCodeLocator,
				],
			},
		],
	},
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { linesInput: ['json'] } },
	},
	{
		displayName: 'Options',
		name: 'invoiceOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Deliver To (Account ID)',
				name: 'deliverTo',
				type: 'string',
				default: '',
				description: 'The account the work was done for (DeliverTo, GUID), e.g. the site customer of a housing corporation\'s order',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Document ID', name: 'document', type: 'string', default: '', description: 'A document (GUID) to attach, e.g. the work-order PDF' },
			{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
			{
				displayName: 'Export Key',
				name: 'exportKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. [OutSmart 501 MH]',
				description:
					'A key in square brackets that starts the invoice\'s Remarks and identifies the order and the export mode. When set, it (not YourRef) finds an invoice already made for the order; credit notes are ignored; a found invoice that differs is refused.',
			},
			{
				displayName: 'Invoice in Exact',
				name: 'processing',
				type: 'options',
				options: [
					{ name: 'Leave as Draft', value: 'draft', description: 'The invoice waits in Exact as "te verwerken": no invoice number, no receivable' },
					{ name: 'Process', value: 'process', description: 'Book it right away: it gets its number and receivable' },
					{ name: 'Process and Send', value: 'processAndSend', description: 'Book it and let Exact e-mail it to the customer' },
				],
				default: 'draft',
				description: 'What happens to the created invoice. An existing draft with the same YourRef is processed too.',
			},
			{
				displayName: 'Invoice To (Account ID)',
				name: 'invoiceTo',
				type: 'string',
				default: '',
				description: 'The paying account (InvoiceTo, GUID); defaults to the customer',
			},
			{ displayName: 'Order Date', name: 'orderDate', type: 'dateTime', default: '' },
			{
				displayName: 'Payment Condition Name or ID',
				name: 'paymentCondition',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPaymentConditions', loadOptionsDependsOn: ['division.value'] },
				default: '',
				description: 'Defaults to the customer\'s payment condition. ,. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Payment Reference',
				name: 'paymentReference',
				type: 'string',
				default: '',
				description: 'The payment reference the customer quotes when paying (PaymentReference, at most 50 characters)',
			},
			{ displayName: 'Remarks', name: 'remarks', type: 'string', default: '' },
			{
				displayName: 'Skip If Invoice With This YourRef Exists',
				name: 'skipIfExists',
				type: 'boolean',
				default: true,
				description: 'Whether to return the existing invoice instead of creating a second one when an invoice with the same YourRef exists',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Credit Note', value: 8021 },
					{ name: 'Invoice', value: 8020 },
				],
				default: 8020,
			},
		],
	},
]);

const LINE_FIELDS: Record<string, string> = {
	item: 'Item',
	description: 'Description',
	quantity: 'Quantity',
	unitPrice: 'UnitPrice',
	glAccount: 'GLAccount',
	vatCode: 'VATCode',
	costCenter: 'CostCenter',
	project: 'Project',
};

/** Line fields a person may give by code; Exact wants their GUID. */
const BY_CODE: Record<string, { resource: string; label: string }> = {
	Item: { resource: 'logistics/Items', label: 'item' },
	GLAccount: { resource: 'financial/GLAccounts', label: 'GL account' },
};

interface LineDraft {
	body: IDataObject;
	/** Exact field → code, for the references chosen "By Code". */
	codes: Record<string, string>;
}

function linesFrom(this: IExecuteFunctions, itemIndex: number): LineDraft[] {
	if (this.getNodeParameter('linesInput', itemIndex, 'fields') === 'json') {
		const raw = this.getNodeParameter('linesJson', itemIndex, '[]');
		const parsed = typeof raw === 'string' ? (JSON.parse(raw || '[]') as unknown) : raw;
		if (!Array.isArray(parsed)) throw new NodeOperationError(this.getNode(), 'Lines (JSON) must be an array of lines', { itemIndex });
		return parsed.map((line) => ({ body: compact(line as IDataObject), codes: {} }));
	}
	const lines = ((this.getNodeParameter('lines', itemIndex, {}) as IDataObject).line ?? []) as IDataObject[];
	return lines.map((line) => {
		const draft: LineDraft = { body: {}, codes: {} };
		for (const [key, raw] of Object.entries(line)) {
			const field = LINE_FIELDS[key] ?? key;
			// A list, code or ID choice (resource locator); a plain text value from before the lists was an ID.
			const locator = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && '__rl' in raw ? (raw as IDataObject) : undefined;
			const value = locator ? locator.value : raw;
			if (value === '' || value === undefined || value === null) continue;
			if (key === 'unitPrice' && value === 0) continue;
			if (locator?.mode === 'code' && BY_CODE[field]) draft.codes[field] = String(value).trim();
			else draft.body[field] = typeof value === 'string' ? value.trim() : value;
		}
		return draft;
	});
}

/** Looks up the GUIDs of the items and GL accounts chosen by code: one OR filter per kind (per VALUES_PER_FILTER codes), only when used. */
async function resolveCodes(this: IExecuteFunctions, division: number, drafts: LineDraft[], itemIndex: number): Promise<IDataObject[]> {
	for (const [field, { resource, label }] of Object.entries(BY_CODE)) {
		const codes = [...new Set(drafts.map((draft) => draft.codes[field]).filter((code): code is string => code !== undefined && code !== ''))];
		if (codes.length === 0) continue;
		const rows = await exactGetByValues.call(this, { division, resource, select: ['ID', 'Code'], field: 'Code', values: codes, itemIndex });
		const ids = new Map(rows.map((row) => [String(row.Code ?? '').trim(), String(row.ID)]));
		drafts.forEach((draft, index) => {
			const code = draft.codes[field];
			if (code === undefined) return;
			const id = ids.get(code);
			if (!id) throw new NodeOperationError(this.getNode(), `Line ${index + 1}: Exact has no ${label} with code "${code}" in division ${division}`, { itemIndex });
			draft.body[field] = id;
		});
	}
	return drafts.map((draft) => draft.body);
}

function checkLines(this: IExecuteFunctions, lines: IDataObject[], itemIndex: number): void {
	if (lines.length === 0) throw new NodeOperationError(this.getNode(), 'A sales invoice needs at least one line', { itemIndex });
	lines.forEach((line, index) => {
		for (const field of ['Item', 'GLAccount', 'Project']) {
			const value = line[field];
			if (value !== undefined && !isGuid(String(value))) {
				throw new NodeOperationError(this.getNode(), `Line ${index + 1}: ${field} "${String(value)}" is not a valid Exact Online ID (a GUID)`, { itemIndex });
			}
		}
		if (line.Item === undefined) throw new NodeOperationError(this.getNode(), `Line ${index + 1} has no item`, { itemIndex });
	});
}

/** The invoice one item asks for, checked before any write to Exact (codes are looked up first). */
async function prepareInvoice(this: IExecuteFunctions, itemIndex: number): Promise<InvoiceToCreate> {
	const division = await getDivision.call(this, itemIndex);
	const options = this.getNodeParameter('invoiceOptions', itemIndex, {}) as IDataObject;
	const yourRef = String(this.getNodeParameter('yourRef', itemIndex, '')).trim();
	const drafts = linesFrom.call(this, itemIndex);
	const lines = await resolveCodes.call(this, division, drafts, itemIndex);
	checkLines.call(this, lines, itemIndex);
	const body: IDataObject = compact({
		OrderedBy: guidParameter.call(this, 'orderedBy', itemIndex, 'Customer'),
		Journal: String(this.getNodeParameter('journal', itemIndex)).trim(),
		YourRef: yourRef,
		InvoiceTo: options.invoiceTo,
		DeliverTo: options.deliverTo,
		Description: options.description,
		Document: options.document,
		DueDate: options.dueDate,
		OrderDate: options.orderDate,
		PaymentCondition: options.paymentCondition,
		PaymentReference: options.paymentReference,
		Remarks: options.remarks,
		Type: options.type,
	});
	for (const field of ['InvoiceTo', 'DeliverTo']) {
		if (body[field] !== undefined && !isGuid(String(body[field]))) {
			throw new NodeOperationError(this.getNode(), `${field} "${String(body[field])}" is not a valid Exact Online ID (a GUID)`, { itemIndex });
		}
	}
	body.SalesInvoiceLines = lines;
	const processing = ['process', 'processAndSend'].includes(String(options.processing)) ? (options.processing as InvoiceProcessing) : 'draft';
	const exportKey = String(options.exportKey ?? '').trim();
	if (exportKey) {
		if (!keyGroupOf(exportKey)) {
			throw new NodeOperationError(this.getNode(), `Export key "${exportKey}" is not of the form [<name> <mode>], e.g. [OutSmart 501 MH]`, { itemIndex });
		}
		const remarks = String(body.Remarks ?? '').trim();
		if (!remarks.startsWith(exportKey)) body.Remarks = remarks ? `${exportKey} ${remarks}` : exportKey;
	}
	return {
		itemIndex,
		division,
		yourRef,
		skipIfExists: options.skipIfExists !== false && (yourRef !== '' || exportKey !== ''),
		...(exportKey ? { exportKey } : {}),
		body,
		processing,
	};
}

/**
 * All items together: the YourRefs of every item are looked up first (40 per call), then only the
 * missing invoices are created, all in one critical section per division (see createInvoices).
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
	const stopAtFirstError = !this.continueOnFail();
	const outcomes = new Map<number, ItemOutcome>();
	const invoices: InvoiceToCreate[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			invoices.push(await prepareInvoice.call(this, itemIndex));
		} catch (error) {
			outcomes.set(itemIndex, { error });
			// Without "Continue On Fail" the node stops at this item, so nothing after it may be written.
			if (stopAtFirstError) break;
		}
	}
	for (const [itemIndex, outcome] of await createInvoices(this, invoices, { stopAtFirstError })) outcomes.set(itemIndex, outcome);
	return itemIndexes.map(
		(itemIndex) =>
			outcomes.get(itemIndex) ?? {
				error: new NodeOperationError(this.getNode(), 'Not processed because an earlier item failed', { itemIndex }),
			},
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const [outcome] = await executeBatch.call(this, [itemIndex]);
	if ('error' in outcome) throw outcome.error;
	return outcome.result;
}
