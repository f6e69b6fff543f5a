/**
 * The export configuration, defined once and shown in Export Configuration → Validate, Work Order → Build
 * Sales Invoice and Work Order → Dry Run, so the three always read the same settings.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ExportSettings, InvoiceProcessing, PaymentConditionSource, PriceSource, TravelMode, UnfinishedOrders } from '../../logic/exportSettings';
import type { NumberSource } from '../../logic/workorder';
import type { ExportMode, ExportStart, ExportTrigger } from '../../logic/exportTriggers';
import type { GlaSource } from '../../logic/gla';
import type { TagMapping } from '../../logic/tags';

const MAIN_STATUS_OPTIONS = [
	{ name: 'Any', value: '' },
	{ name: 'Afgehandeld', value: 'Afgehandeld' },
	{ name: 'Compleet', value: 'Compleet' },
	{ name: 'Klaargezet', value: 'Klaargezet' },
	{ name: 'Opgehaald', value: 'Opgehaald' },
];

/**
 * The fields of one export trigger, in the order a person reads a trigger: what it is called, which status
 * starts it, how it exports, where the order goes on success and on failure, then what it leaves out.
 * n8n's lint wants a fixed collection's fields alphabetical (Error Status first); kept as a named list so
 * they are shown in this order instead (test/editor/exportTriggerFields.test.ts).
 */
const EXPORT_TRIGGER_FIELDS: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Invoice materials and hours' },
	{
		displayName: 'Work Status Name or ID',
		name: 'workstatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
		default: '',
		description:
			'OutSmart work status that starts the export. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Main Status', name: 'status', type: 'options', options: MAIN_STATUS_OPTIONS, default: '' },
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Materials and Hours', value: 'materialsAndHours' },
			{ name: 'Materials Only', value: 'materialsOnly' },
			{ name: 'PDF Only', value: 'pdfOnly' },
		],
		default: 'materialsAndHours',
	},
	{
		displayName: 'Success Status Name or ID',
		name: 'successStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
		default: '',
		description:
			'Work status the order gets after a successful export. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Error Status Name or ID',
		name: 'errorStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getWorkStatuses' },
		default: '',
		description:
			'Work status the order gets when its export fails (statuses are per account, e.g. your "99 Error"). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Exclude Payment Methods',
		name: 'excludePaymentMethods',
		type: 'string',
		default: '',
		placeholder: 'e.g. conform offerte',
		description: 'Comma-separated OutSmart payment methods this trigger never invoices; such orders are left out',
	},
	{
		displayName: 'Exclude Work Types',
		name: 'excludeWorkTypes',
		type: 'string',
		default: '',
		placeholder: 'e.g. Garantie',
		description: 'Comma-separated OutSmart work types (TypeOfWork) this trigger never invoices; such orders are left out',
	},
];

export const exportSettingsProperties: INodeProperties[] = [
	{
		displayName: 'Export Start',
		name: 'exportStart',
		type: 'options',
		options: [
			{
				name: 'Automatic (Orders That Reach Compleet)',
				value: 'automatic',
				description: 'Every order that reaches the main status Compleet is exported',
			},
			{
				name: 'Manual (Chosen Work Status)',
				value: 'manual',
				description: 'Only orders a user puts in a trigger\'s work status are exported; automatic export is off',
			},
		],
		default: 'manual',
		description: 'How orders are chosen for export',
	},
	{
		displayName: 'Export Triggers',
		name: 'exportTriggers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Export Trigger',
		default: {},
		description: 'Each OutSmart status that exports orders, how, and where the order goes afterwards. One status may belong to one trigger only.',
		options: [
			{
				displayName: 'Trigger',
				name: 'trigger',
				values: EXPORT_TRIGGER_FIELDS,
			},
		],
	},
	{
		// Shown while the list above is empty: the export would then refuse every run (config.invalid).
		displayName: 'Add at least one export trigger: without one, no work order is exported',
		name: 'noExportTriggersNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { 'exportTriggers.trigger': [{ _cnd: { exists: true } }] } },
	},
	{
		displayName: 'Unfinished or Archived Orders',
		name: 'unfinishedOrders',
		type: 'options',
		options: [
			{
				name: 'Move to Error Status',
				value: 'error',
				description: 'The order fails with the reason and gets its trigger\'s error status, so someone looks at it',
			},
			{ name: 'Leave Out', value: 'skip', description: 'The order is not exported and stays where it is' },
		],
		default: 'error',
		description:
			'Orders the technician could not finish (WorkFinished 0, e.g. customer not on location) or that are archived are never invoiced: choose whether they go to the error status or are left out',
	},
	{
		displayName: 'Work-Order Number From',
		name: 'numberFrom',
		type: 'options',
		options: [
			{
				name: 'WorkorderNo, Else OrderNr',
				value: 'workorderNoElseOrderNr',
				description: 'The ERP/CRM number the order was created with; orders planned in OutSmart itself use their app number',
			},
			{ name: 'WorkorderNo', value: 'workorderNo', description: 'Only the ERP/CRM number; orders without one fail with the reason' },
			{ name: 'OrderNr', value: 'orderNr', description: 'The number OutSmart gave the order' },
		],
		default: 'workorderNoElseOrderNr',
		description:
			'The number shown to people: the [WorkorderNo] tag, the invoice\'s YourRef (the key against double invoices) and the document subject. Orders are always found by their OutSmart row ID.',
	},
	{
		displayName: 'Cut-Over Date',
		name: 'cutOverDate',
		type: 'dateTime',
		default: '',
		description: 'Orders finished before this date are never exported (leave empty to export all)',
	},
	{
		displayName: 'Sales Journal',
		name: 'journal',
		type: 'string',
		default: '70',
		description: 'Code of the Exact sales journal the invoices go to',
	},
	{
		displayName: 'YourRef Prefix',
		name: 'yourRefPrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. WB-',
		description: 'Put before the work-order number in the invoice\'s YourRef (the key that prevents double invoices)',
	},
	{
		displayName: 'GLA Source',
		name: 'glaSource',
		type: 'options',
		options: [
			{ name: 'Default GL Account', value: 'default', description: 'Every material line gets the default GL account' },
			{ name: 'Exact Item Revenue Account', value: 'exactItem', description: 'The revenue GL account of the Exact item' },
			{ name: 'Material Free Field', value: 'materialFreeField', description: 'The GLA in a free field of the work-order material (filled by the item import)' },
		],
		default: 'materialFreeField',
		description: 'Where each material line\'s General Ledger Account comes from',
	},
	{
		displayName: 'GLA Free Field',
		name: 'glaFreeField',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 1,
		description: 'Which MaterialFreeField (1-5) holds the GL account code',
		displayOptions: { show: { glaSource: ['materialFreeField'] } },
	},
	{
		displayName: 'Default GL Account',
		name: 'defaultGlAccount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 8000',
		description: 'GL account code for lines whose source gives none (and for every line with the default source)',
	},
	{
		displayName: 'Price Source',
		name: 'priceSource',
		type: 'options',
		options: [
			{
				name: 'Exact Prices',
				value: 'exact',
				description: 'Exact\'s price for the customer (customer price, else the standard price) less the customer\'s sales discount; a technician\'s changed price is kept',
			},
			{
				name: 'OutSmart Prices',
				value: 'outSmart',
				description: 'Materials at the work order\'s price, hours at OutSmart\'s hour-type price',
			},
		],
		default: 'outSmart',
		description: 'Where the prices of materials and hours come from',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tag Mapping',
		default: {},
		description: 'Exact fields filled from the work order: text mixed with tags such as [WorkorderNo], [CustomerName], [WorkDescription], [ProjectNr], [OrderNr], [WorkDate] or [FreeField1]',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Exact Field',
						name: 'field',
						type: 'options',
						options: [
							{ name: 'Description', value: 'Description' },
							{ name: 'Document Subject', value: 'DocumentSubject' },
							{ name: 'Payment Reference', value: 'PaymentReference' },
							{ name: 'Remarks', value: 'Remarks', description: 'After the export key (e.g. [OutSmart 501 MH]) that starts the Remarks' },
							{ name: 'Your Ref', value: 'YourRef', description: 'E.g. the customer\'s PO number [ExternProjectNr]; default: the YourRef prefix and the work-order number.' },
						],
						default: 'Description',
					},
					{ displayName: 'Template', name: 'template', type: 'string', default: 'Werkbon [WorkorderNo] - [CustomerName]' },
				],
			},
		],
	},
	{
		displayName: 'Payment Condition Check',
		name: 'paymentConditionSource',
		type: 'options',
		options: [
			{ name: 'No Check', value: 'none' },
			{
				name: 'OutSmart Relation\'s Payment Term',
				value: 'outSmartRelation',
				description: 'Read the customers\' relations in OutSmart (needs the OutSmart credential)',
			},
			{ name: 'Work-Order Template', value: 'orderTemplate', description: 'A tag template on the work order, e.g. a free field' },
		],
		default: 'outSmartRelation',
		description: 'Where the order\'s payment condition as OutSmart knows it comes from; it must equal the Exact account\'s sales payment condition',
	},
	{
		displayName: 'Relation Payment Term Field',
		name: 'relationTermField',
		type: 'string',
		default: 'payment_condition',
		description: 'The OutSmart relation field that holds the payment term',
		displayOptions: { show: { paymentConditionSource: ['outSmartRelation'] } },
	},
	{
		displayName: 'Payment Condition Template',
		name: 'paymentConditionTemplate',
		type: 'string',
		default: '',
		placeholder: 'e.g. [FreeField3]',
		description: 'Tag template that gives the order\'s payment condition',
		displayOptions: { show: { paymentConditionSource: ['orderTemplate'] } },
	},
	{
		displayName: 'Options',
		name: 'exportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Attach Work-Order PDF',
				name: 'attachPdf',
				type: 'boolean',
				default: false,
				description: 'Whether to hand over the work-order PDF as an Exact document in the invoice modes too',
			},
			{
				displayName: 'Default Hour Type',
				name: 'defaultHourType',
				type: 'string',
				default: '',
				description: 'Hour type for work periods without one',
			},
			{
				displayName: 'Default VAT Code',
				name: 'defaultVatCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2',
				description: 'VAT code for lines whose Exact item has none',
			},
			{
				displayName: 'Document Type',
				name: 'documentType',
				type: 'number',
				default: 10,
				description: 'Exact document type ID for the work-order PDF',
			},
			{
				displayName: 'Hour Type for Minimum Hours',
				name: 'minimumHourType',
				type: 'string',
				default: '',
				placeholder: 'e.g. UUR-MONTEUR',
				description: 'Hour type at which an order is topped up to its minimum hours (empty: the default hour type)',
			},
			{
				displayName: 'Hour Type to Labour Item',
				name: 'hourTypeItems',
				type: 'string',
				default: '',
				placeholder: 'e.g. MONTEUR=UUR-MONTEUR, SPOED=UUR-SPOED',
				description: 'OutSmart hour types whose Exact labour item has another code; unlisted hour types use their own code',
			},
			{
				displayName: 'Invoice in Exact',
				name: 'invoiceProcessing',
				type: 'options',
				options: [
					{ name: 'Leave as Draft', value: 'draft', description: 'Invoices wait in Exact as "te verwerken" (no number, no receivable) until someone processes them there' },
					{ name: 'Process', value: 'process', description: 'Book each invoice right away: it gets its number and receivable' },
					{ name: 'Process and Send', value: 'processAndSend', description: 'Book each invoice and let Exact e-mail it to the customer' },
				],
				default: 'draft',
				description: 'What happens to each created invoice in Exact Online. Payment status only follows processed invoices.',
			},
			{
				displayName: 'Invoiced Material Types',
				name: 'invoicedMaterialTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Delivery', value: 'DELIVERY' },
					{ name: 'Order', value: 'ORDER' },
					{ name: 'Pickup', value: 'PICKUP' },
					{ name: 'Usage', value: 'USAGE' },
				],
				default: ['USAGE'],
				description: 'Which OutSmart material types are invoiced; a line without a type counts as usage',
			},
			{
				displayName: 'Mark Free of Charge in Material Free Field',
				name: 'freeOfChargeField',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 5 },
				default: 0,
				description: 'A material line with a price of 0,00 is refused unless this MaterialFreeField (1-5) is filled; 0 = no field',
			},
			{
				displayName: 'Non-Billable Hour Types',
				name: 'nonBillableHourTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. ZK, VERLOF',
				description: 'Hour types never invoiced, besides those OutSmart does not book on sales (read from OutSmart\'s hour types)',
			},
			{
				displayName: 'Payment Method to Payment Condition',
				name: 'paymentMethodConditions',
				type: 'string',
				default: '',
				placeholder: 'e.g. pin betaling=PIN, contant voldaan=CON',
				description: 'OutSmart payment methods and the Exact payment condition they get. Orders paid on site (pin, contant) without a mapping are refused.',
			},
			{
				displayName: 'Project on Lines',
				name: 'projectOnLines',
				type: 'boolean',
				default: false,
				description: 'Whether to put the Exact project with the work order\'s ProjectNr on every invoice line (needs Exact\'s project module)',
			},
			{
				displayName: 'Travel',
				name: 'travel',
				type: 'options',
				options: [
					{ name: 'Call-Out Charge per Work Day', value: 'callOut' },
					{ name: 'Kilometres', value: 'kilometre', description: 'The work periods\' travel distance as a kilometre item' },
					{ name: 'Not Invoiced', value: 'off' },
				],
				default: 'off',
				description: 'Whether and how travel is invoiced',
			},
			{
				displayName: 'Travel Item',
				name: 'travelItem',
				type: 'string',
				default: '',
				placeholder: 'e.g. KM or VOORRIJKOSTEN',
				description: 'Exact item code of the kilometre or call-out charge',
			},
			{
				displayName: 'VAT Code Override',
				name: 'vatOverride',
				type: 'string',
				default: '',
				placeholder: 'e.g. [FreeField4]',
				description: 'Tag template giving a per-order Exact VAT code (e.g. 0 % for solar panels on homes); when empty the customer\'s, the item\'s or the default VAT code applies',
			},
		],
	},
];

function parseHourTypeItems(value: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const pair of value.split(',')) {
		const [hourType, item] = pair.split('=').map((part) => part.trim());
		if (hourType && item) map.set(hourType, item);
	}
	return map;
}

function listOf(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function cutOverOf(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') return '';
	return value.trim().slice(0, 10);
}

/** The OutSmart relation field with the payment term, for the 'outSmartRelation' source. */
export function readRelationTermField(this: IExecuteFunctions): string {
	return String(this.getNodeParameter('relationTermField', 0, 'payment_condition')).trim() || 'payment_condition';
}

/** The export triggers of the node's "Export Triggers" list, trimmed once (also read by the status dropdowns). */
export function exportTriggersFrom(parameter: IDataObject | undefined): ExportTrigger[] {
	const triggerList = (parameter ?? {}).trigger as IDataObject[] | undefined;
	return (Array.isArray(triggerList) ? triggerList : []).map((entry) => ({
		name: String(entry.name ?? '').trim(),
		status: String(entry.status ?? '').trim(),
		workstatus: String(entry.workstatus ?? '').trim(),
		mode: (entry.mode as ExportMode) ?? 'materialsAndHours',
		successStatus: String(entry.successStatus ?? '').trim(),
		errorStatus: String(entry.errorStatus ?? '').trim(),
		excludeWorkTypes: listOf(entry.excludeWorkTypes),
		excludePaymentMethods: listOf(entry.excludePaymentMethods),
	}));
}

/**
 * Reads the export configuration of the node (the same for every item). Codes, dates and names are trimmed
 * here, once; the logic uses them as read. Prefixes and tag templates are kept as typed.
 */
export function readExportSettings(this: IExecuteFunctions, itemIndex = 0): ExportSettings {
	const triggers = exportTriggersFrom(this.getNodeParameter('exportTriggers', itemIndex, {}) as IDataObject);
	const mappingList = (this.getNodeParameter('tags', itemIndex, {}) as IDataObject).mapping as IDataObject[] | undefined;
	const tagMappings: TagMapping[] = (mappingList ?? []).map((entry) => ({ field: String(entry.field ?? ''), template: String(entry.template ?? '') }));
	const options = this.getNodeParameter('exportOptions', itemIndex, {}) as IDataObject;
	const glaSource = this.getNodeParameter('glaSource', itemIndex, 'materialFreeField') as GlaSource;
	const paymentConditionSource = this.getNodeParameter('paymentConditionSource', itemIndex, 'outSmartRelation') as PaymentConditionSource;
	return {
		triggers,
		start: this.getNodeParameter('exportStart', itemIndex, 'manual') as ExportStart,
		cutOverDate: cutOverOf(this.getNodeParameter('cutOverDate', itemIndex, '')),
		yourRefPrefix: String(this.getNodeParameter('yourRefPrefix', itemIndex, '')),
		journal: String(this.getNodeParameter('journal', itemIndex, '')).trim(),
		gla: {
			source: glaSource,
			freeFieldNumber: glaSource === 'materialFreeField' ? Number(this.getNodeParameter('glaFreeField', itemIndex, 1)) : 1,
			defaultGlAccountCode: String(this.getNodeParameter('defaultGlAccount', itemIndex, '')).trim(),
		},
		tagMappings,
		paymentConditionSource,
		paymentConditionTemplate:
			paymentConditionSource === 'orderTemplate' ? String(this.getNodeParameter('paymentConditionTemplate', itemIndex, '')) : '',
		defaultVatCode: String(options.defaultVatCode ?? '').trim(),
		hourTypeItems: parseHourTypeItems(String(options.hourTypeItems ?? '')),
		defaultHourType: String(options.defaultHourType ?? '').trim(),
		minimumHourType: String(options.minimumHourType ?? '').trim(),
		nonBillableHourTypes: new Set(listOf(options.nonBillableHourTypes)),
		priceSource: this.getNodeParameter('priceSource', itemIndex, 'outSmart') as PriceSource,
		travel: { mode: (options.travel as TravelMode | undefined) ?? 'off', itemCode: String(options.travelItem ?? '').trim() },
		vatOverrideTemplate: String(options.vatOverride ?? ''),
		freeOfChargeField: Number(options.freeOfChargeField ?? 0),
		invoicedMaterialTypes: new Set(Array.isArray(options.invoicedMaterialTypes) ? (options.invoicedMaterialTypes as string[]) : ['USAGE']),
		paymentMethodConditions: new Map([...parseHourTypeItems(String(options.paymentMethodConditions ?? ''))].map(([method, code]) => [method.toLowerCase(), code])),
		projectOnLines: options.projectOnLines === true,
		attachPdf: options.attachPdf === true,
		invoiceProcessing: ['process', 'processAndSend'].includes(String(options.invoiceProcessing)) ? (options.invoiceProcessing as InvoiceProcessing) : 'draft',
		documentType: Number(options.documentType ?? 10),
		numberFrom: this.getNodeParameter('numberFrom', itemIndex, 'workorderNoElseOrderNr') as NumberSource,
		unfinishedOrders: this.getNodeParameter('unfinishedOrders', itemIndex, 'error') as UnfinishedOrders,
	};
}
