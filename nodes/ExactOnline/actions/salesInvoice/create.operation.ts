import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ItemResult } from '../../../shared/runPerItem';
import { getDivision, isGuid } from '../../transport';
import { compact, guidParameter } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { accountLocator } from '../common/locators';
import type { ItemOutcome } from '../common/types';
import type { InvoiceToCreate } from './createInvoices';
import { createInvoices } from './createInvoices';
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
					{ displayName: 'GL Account ID', name: 'glAccount', type: 'string', default: '', description: 'Revenue GL account (GUID); defaults to the item\'s revenue account' },
					{ displayName: 'Item ID', name: 'item', type: 'string', default: '', description: 'The item (GUID)' },
					{ displayName: 'Project ID', name: 'project', type: 'string', default: '', description: 'Project (GUID)' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1, typeOptions: { numberPrecision: 4 } },
					{ displayName: 'Unit Price', name: 'unitPrice', type: 'number', default: 0, typeOptions: { numberPrecision: 4 }, description: 'Price per unit excluding VAT; leave 0 to use the item price' },
					{ displayName: 'VAT Code', name: 'vatCode', type: 'string', default: '', description: 'VAT code, e.g. 2' },
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

function linesFrom(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	if (this.getNodeParameter('linesInput', itemIndex, 'fields') === 'json') {
		const raw = this.getNodeParameter('linesJson', itemIndex, '[]');
		const parsed = typeof raw === 'string' ? (JSON.parse(raw || '[]') as unknown) : raw;
		if (!Array.isArray(parsed)) throw new NodeOperationError(this.getNode(), 'Lines (JSON) must be an array of lines', { itemIndex });
		return parsed.map((line) => compact(line as IDataObject));
	}
	const lines = ((this.getNodeParameter('lines', itemIndex, {}) as IDataObject).line ?? []) as IDataObject[];
	return lines.map((line) => {
		const body: IDataObject = {};
		for (const [key, value] of Object.entries(compact(line))) {
			if (key === 'unitPrice' && value === 0) continue;
			body[LINE_FIELDS[key] ?? key] = value;
		}
		return body;
	});
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

/** The invoice one item asks for, checked before any call to Exact. */
function prepareInvoice(this: IExecuteFunctions, itemIndex: number): InvoiceToCreate {
	const division = getDivision.call(this, itemIndex);
	const options = this.getNodeParameter('invoiceOptions', itemIndex, {}) as IDataObject;
	const yourRef = String(this.getNodeParameter('yourRef', itemIndex, '')).trim();
	const lines = linesFrom.call(this, itemIndex);
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
	return { itemIndex, division, yourRef, skipIfExists: options.skipIfExists !== false && yourRef !== '', body, processing };
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
			invoices.push(prepareInvoice.call(this, itemIndex));
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
