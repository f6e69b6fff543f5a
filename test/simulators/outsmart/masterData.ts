/** Master-data entities: their upsert keys, required fields, result codes and value rules. */
import { EnvelopeError, ResultCode } from './envelope';
import { formatCommaDecimal, formatDotDecimal, isValidIsoDate, parseDecimal, toApiString } from './format';
import type { MasterRecord } from './types';

export interface MasterEntityDefinition {
	/** The endpoint path under /openapi/8/. */
	endpoint: string;
	/** Fields that together identify a record for upserts. */
	keyFields: string[];
	requiredFields: string[];
	/** Documented columns, accepted by filters even when no stored record has them. */
	columns: string[];
	insertFailedCode: number;
	requiredFieldCode: number;
	/** Code for an invalid value; the reference puts these under the required-field code for some entities. */
	invalidValueCode?: number;
	/** Clients were seen posting a single object instead of an array to these. */
	acceptsSingleObject?: boolean;
	/** Query parameters that narrow a GET by equality (the `values` endpoint). */
	queryFilterFields?: string[];
	/** Fields kept in the store but left out of list answers (large payloads). */
	hiddenFields?: string[];
	/** Values a new record gets for fields it was posted without; an update leaves absent fields unchanged. */
	defaults?: MasterRecord;
	/** Normalises values in place; returns an error message for an invalid record. */
	normalise?(record: MasterRecord, nulls: ReadonlySet<string>): string | undefined;
	/**
	 * Required fields that may be empty (or, for `nullableFields`, null) but must be there: a row of `prices` names
	 * its material or its hour type and leaves the other "" (lib/schemas/PostPrices.in.json).
	 */
	presentFields?: string[];
	/** Fields whose null is a value of its own (an open end), answered as null again. */
	nullableFields?: string[];
	/** Non-empty values that must name a record of another entity (checked against the store). */
	references?: Array<{ field: string; entity: string; name: string }>;
}

function normaliseDecimal(record: MasterRecord, field: string, format: (value: number) => string): string | undefined {
	if (record[field] === undefined || record[field] === '') return undefined;
	const parsed = parseDecimal(record[field]);
	if (parsed === undefined) return `Invalid decimal for ${field}: ${record[field]}`;
	record[field] = format(parsed);
	return undefined;
}

function normaliseFlag(record: MasterRecord, field: string): string | undefined {
	if (record[field] === undefined || record[field] === '') return undefined;
	return record[field] === '0' || record[field] === '1' ? undefined : `${field} must be 0 or 1`;
}

const DOCUMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'gif', 'doc', 'docx', 'xls', 'xlsx', 'txt', 'csv'];
const DOCUMENT_TYPES = ['TYPE', 'CUSTOMER', 'PROJECT', 'ADDRESS', 'OBJECT', 'QUOTATION', 'INVOICE'];
const FREEFIELD_ENTITIES = ['WORKORDER', 'PROJECT', 'INVOICE', 'QUOTE', 'OBJECT', 'CLIENT', 'CONTACTPERSON', 'MATERIAL', 'HOUR'];
const FREEFIELD_TYPES = ['TEXT', 'NUMBER', 'DROPDOWN', 'CHECKBOX', 'DATE', 'DATETIME'];

/** A prices row: Y-m-d dates, the end open (null) or not before the start; a dot price. */
function normalisePrice(record: MasterRecord, nulls: ReadonlySet<string>): string | undefined {
	// ours: every documented row names exactly one of the two, the other is "" (PostPrices.in.json examples).
	if (record.material !== '' && record.hourtype !== '') return 'Give either material or hourtype, not both';
	if (record.material === '' && record.hourtype === '') return 'Give either material or hourtype';
	if (!isValidIsoDate(record.date_start)) return 'Invalid date: date_start';
	// ours: an open end is null as in the examples; "" is not a date.
	if (!nulls.has('date_end') && !isValidIsoDate(record.date_end)) return 'Invalid date: date_end';
	if (!nulls.has('date_end') && record.date_end < record.date_start) return 'date_end is before date_start';
	return normaliseDecimal(record, 'price', (value) => formatDotDecimal(value));
}

const definitions: MasterEntityDefinition[] = [
	{
		endpoint: 'employees',
		keyFields: ['number'],
		requiredFields: ['firstname', 'lastname', 'number'],
		columns: ['number', 'firstname', 'lastname', 'email', 'mobile', 'active', 'address', 'zipcode', 'city', 'country'],
		insertFailedCode: 1100,
		requiredFieldCode: 1101,
		defaults: { active: '1' },
		normalise: (record) => normaliseFlag(record, 'active'),
	},
	{
		endpoint: 'relations',
		keyFields: ['debtor_number'],
		requiredFields: ['name', 'debtor_number', 'street', 'postal_code', 'city'],
		columns: ['debtor_number', 'name', 'contact', 'phone_number', 'email', 'email_workorder', 'street', 'house_number', 'postal_code', 'city', 'country', 'remark', 'latitude', 'longitude', 'external_id', 'debtor_number_invoice', 'kvk_number', 'vat_number', 'debtor_type', 'language', 'mobile', 'status', 'active', 'payment_condition', 'zip'],
		insertFailedCode: 1300,
		requiredFieldCode: 1301,
		acceptsSingleObject: true,
		defaults: { active: '1' },
		normalise: (record) => normaliseFlag(record, 'active'),
	},
	{
		endpoint: 'addresses',
		keyFields: ['adr_code'],
		requiredFields: ['adr_debtor_nr', 'adr_code', 'adr_line_1', 'adr_zip', 'adr_city'],
		columns: ['adr_debtor_nr', 'adr_code', 'adr_cpn_code', 'adr_line_1', 'adr_zip', 'adr_city', 'adr_country', 'adr_remark', 'adr_latitude', 'adr_longitude'],
		insertFailedCode: 1300,
		requiredFieldCode: 1301,
	},
	{
		endpoint: 'contactpersons',
		keyFields: ['cpn_code'],
		requiredFields: ['cpn_debtor_nr', 'cpn_code', 'cpn_name'],
		columns: ['cpn_debtor_nr', 'cpn_code', 'cpn_name', 'cpn_phone', 'cpn_email'],
		insertFailedCode: 1300,
		requiredFieldCode: 1301,
		acceptsSingleObject: true,
	},
	{
		endpoint: 'materials',
		keyFields: ['code'],
		requiredFields: ['code', 'description', 'price', 'unit'],
		columns: ['code', 'description', 'price', 'unit', 'eancode', 'barcode', 'freefield1', 'freefield2', 'freefield3', 'freefield4', 'freefield5', 'note', 'vat_code'],
		insertFailedCode: 1200,
		requiredFieldCode: 1201,
		defaults: { freefield1: '', freefield2: '', freefield3: '', freefield4: '', freefield5: '' },
		normalise: (record) => normaliseDecimal(record, 'price', (value) => formatCommaDecimal(value)),
	},
	{
		endpoint: 'material_categories',
		keyFields: ['mct_mat_code', 'mct_cat_code'],
		requiredFields: ['mct_mat_code', 'mct_cat_code'],
		columns: ['mct_mat_code', 'mct_cat_code'],
		insertFailedCode: 2500,
		requiredFieldCode: 2501,
	},
	{
		endpoint: 'categories',
		keyFields: ['cat_code'],
		requiredFields: ['cat_code', 'cat_name', 'cat_display'],
		columns: ['cat_code', 'cat_cat_code', 'cat_name', 'cat_image', 'cat_display'],
		insertFailedCode: 2400,
		requiredFieldCode: 2401,
	},
	{
		endpoint: 'hourtypes',
		keyFields: ['code'],
		requiredFields: ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price'],
		columns: ['code', 'name', 'cost_booking', 'sale_booking', 'sale_price', 'cost_price', 'active'],
		insertFailedCode: 1800,
		requiredFieldCode: 1801,
		invalidValueCode: 1801,
		defaults: { active: '1' },
		normalise: (record) =>
			normaliseFlag(record, 'active') ??
			normaliseFlag(record, 'cost_booking') ??
			normaliseFlag(record, 'sale_booking') ??
			normaliseDecimal(record, 'sale_price', (value) => formatDotDecimal(value)) ??
			normaliseDecimal(record, 'cost_price', (value) => formatDotDecimal(value)),
	},
	{
		endpoint: 'projects',
		keyFields: ['code'],
		requiredFields: ['code', 'debtor_number', 'status', 'name', 'date_start'],
		columns: ['code', 'code_ext', 'debtor_number', 'adr_code', 'cpn_code', 'debtor_number_invoice', 'status', 'name', 'description', 'progress', 'date_start', 'date_end', 'active'],
		insertFailedCode: 1700,
		requiredFieldCode: 1701,
		invalidValueCode: 1701,
		defaults: { active: '1' },
		normalise: (record) => {
			for (const field of ['date_start', 'date_end']) {
				const value = record[field];
				if (value !== undefined && value !== '' && !isValidIsoDate(value.slice(0, 10))) return `Invalid date: ${field}`;
			}
			return normaliseFlag(record, 'active');
		},
	},
	{
		endpoint: 'workstatusses',
		keyFields: ['sta_code'],
		requiredFields: ['sta_code', 'sta_name'],
		columns: ['sta_code', 'sta_name'],
		insertFailedCode: 2800,
		requiredFieldCode: 2801,
	},
	{
		endpoint: 'paymentmethods',
		keyFields: ['pmd_description'],
		requiredFields: ['pmd_description'],
		columns: ['pmd_description'],
		insertFailedCode: 2700,
		requiredFieldCode: 2701,
	},
	{
		endpoint: 'worktypes',
		keyFields: ['wrt_name'],
		requiredFields: ['wrt_name', 'wrt_description', 'wrt_default_minutes', 'wrt_active'],
		columns: ['wrt_name', 'wrt_description', 'wrt_default_minutes', 'wrt_active'],
		insertFailedCode: 2600,
		requiredFieldCode: 2601,
		normalise: (record) => normaliseFlag(record, 'wrt_active'),
	},
	{
		endpoint: 'freefields',
		keyFields: ['fld_entity', 'fld_order'],
		requiredFields: ['fld_entity', 'fld_name', 'fld_type', 'fld_order'],
		columns: ['fld_entity', 'fld_name', 'fld_type', 'fld_values', 'fld_reference_name', 'fld_order', 'fld_required'],
		insertFailedCode: ResultCode.genericRequiredField,
		requiredFieldCode: ResultCode.genericRequiredField,
		defaults: { fld_required: '0' },
		normalise: (record) => {
			if (!FREEFIELD_ENTITIES.includes(record.fld_entity)) return `Invalid fld_entity: ${record.fld_entity}`;
			if (!FREEFIELD_TYPES.includes(record.fld_type)) return `Invalid fld_type: ${record.fld_type}`;
			const order = Number(record.fld_order);
			if (!Number.isInteger(order) || order < 1 || order > 50) return `fld_order must be 1 to 50`;
			return normaliseFlag(record, 'fld_required');
		},
	},
	{
		endpoint: 'values',
		keyFields: ['val_entity', 'val_primary', 'val_column'],
		requiredFields: ['val_entity', 'val_primary', 'val_column'],
		columns: ['val_id', 'val_entity', 'val_primary', 'val_column', ...Array.from({ length: 50 }, (_, index) => `val_value_${index + 1}`)],
		insertFailedCode: ResultCode.genericRequiredField,
		requiredFieldCode: ResultCode.genericRequiredField,
		queryFilterFields: ['val_entity', 'val_primary', 'val_column'],
		normalise: (record) => (FREEFIELD_ENTITIES.includes(record.val_entity) ? undefined : `Invalid val_entity: ${record.val_entity}`),
	},
	{
		endpoint: 'documents',
		keyFields: ['drn_type', 'drn_internal_reference', 'doc_file_ln'],
		requiredFields: ['doc_name_ln', 'doc_file_ln', 'doc_data', 'drn_type', 'drn_internal_reference'],
		columns: ['doc_name_ln', 'doc_file_ln', 'drn_type', 'drn_internal_reference', 'doc_active_ind', 'doc_visibility', 'doc_workorder', 'doc_portal', 'doc_internal'],
		insertFailedCode: ResultCode.genericRequiredField,
		requiredFieldCode: ResultCode.genericRequiredField,
		hiddenFields: ['doc_data'],
		normalise: (record) => {
			if (!DOCUMENT_TYPES.includes(record.drn_type)) return `Invalid drn_type: ${record.drn_type}`;
			const extension = /\.([A-Za-z0-9]+)$/.exec(record.doc_file_ln)?.[1]?.toLowerCase();
			if (!extension || !DOCUMENT_EXTENSIONS.includes(extension)) return `Extension not allowed: ${record.doc_file_ln}`;
			const data = record.doc_data.replace(/\s+/g, '');
			if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0) return 'Invalid base64 in doc_data';
			return undefined;
		},
	},
	{
		// CloudEcosystemDev/outsmart-component lib/spec.json `/prices` (GetPrices, PostPrices) and
		// lib/schemas/PostPrices.in.json: a POSTed array of {material, hourtype, date_start, date_end (nullable),
		// debtornr ("" = every customer), price ("75.00")}, all six required. The spec's response schemas are an
		// invoice list copied by mistake; ours: the POST answers the count like the other sync endpoints, the GET
		// lists the rows as posted. No result code is documented (ours: 1051); the upsert key is ours.
		endpoint: 'prices',
		keyFields: ['material', 'hourtype', 'debtornr', 'date_start'],
		requiredFields: ['date_start', 'price'],
		presentFields: ['material', 'hourtype', 'date_end', 'debtornr'],
		nullableFields: ['date_end'],
		normalise: normalisePrice,
		columns: ['material', 'hourtype', 'date_start', 'date_end', 'debtornr', 'price'],
		insertFailedCode: ResultCode.genericRequiredField,
		requiredFieldCode: ResultCode.genericRequiredField,
		// ours: a price for a code or customer OutSmart does not know is refused rather than kept unused.
		references: [
			{ field: 'material', entity: 'materials', name: 'material' },
			{ field: 'hourtype', entity: 'hourtypes', name: 'hourtype' },
			{ field: 'debtornr', entity: 'relations', name: 'debtornr' },
		],
	},
];

export const MASTER_ENTITIES: ReadonlyMap<string, MasterEntityDefinition> = new Map(definitions.map((definition) => [definition.endpoint, definition]));

/** The older "by filter" endpoints: the singular names, equality filters only. */
export const FILTER_ALIASES: ReadonlyMap<string, string> = new Map([
	['address', 'addresses'],
	['contactperson', 'contactpersons'],
	['category', 'categories'],
]);

export function keyOf(definition: MasterEntityDefinition, record: MasterRecord): string {
	return definition.keyFields.map((field) => record[field] ?? '').join('\u0000');
}

/** Turns one posted JSON record into a validated, normalised string record, or throws the entity's error. */
export function validateMasterRecord(definition: MasterEntityDefinition, input: unknown, index: number, batchSize: number): MasterRecord {
	const where = batchSize > 1 ? ` (record ${index})` : '';
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new EnvelopeError(definition.insertFailedCode, [`Record is not an object${where}`]);
	}
	const record: MasterRecord = {};
	const nulls = new Set<string>();
	for (const [field, value] of Object.entries(input)) {
		if (typeof value === 'object' && value !== null) throw new EnvelopeError(definition.insertFailedCode, [`Invalid value for field: ${field}${where}`]);
		if (value === null && definition.nullableFields?.includes(field)) nulls.add(field);
		record[field] = toApiString(value);
	}
	const missing = [
		...(definition.presentFields ?? []).filter((field) => !(field in input) || ((input as Record<string, unknown>)[field] === null && !nulls.has(field))),
		...definition.requiredFields.filter((field) => record[field] === undefined || record[field].trim() === ''),
	];
	if (missing.length > 0) {
		throw new EnvelopeError(definition.requiredFieldCode, missing.map((field) => `Required field missing: ${field}${where}`));
	}
	const problem = definition.normalise?.(record, nulls);
	if (problem) throw new EnvelopeError(definition.invalidValueCode ?? definition.insertFailedCode, [`${problem}${where}`]);
	return record;
}

/** Rows of one master-data entity, with a row id each (DeleteEntity's `db_row`). */
export class MasterCollection {
	private readonly rows = new Map<string, { rowId: number; record: MasterRecord }>();

	constructor(
		readonly definition: MasterEntityDefinition,
		private readonly nextRowId: () => number,
	) {}

	get size(): number {
		return this.rows.size;
	}

	/** Inserts or merges on the key; returns true when the record was new. */
	upsert(record: MasterRecord): boolean {
		const key = keyOf(this.definition, record);
		const existing = this.rows.get(key);
		if (existing) {
			Object.assign(existing.record, record);
			return false;
		}
		this.rows.set(key, { rowId: this.nextRowId(), record: { ...this.definition.defaults, ...record } });
		return true;
	}

	get(...keyValues: string[]): MasterRecord | undefined {
		const record = this.rows.get(keyValues.join('\u0000'))?.record;
		return record ? { ...record } : undefined;
	}

	/** Copies of every record in insertion order (hidden fields included). */
	all(): MasterRecord[] {
		return [...this.rows.values()].map((row) => ({ ...row.record }));
	}

	/** Removes the rows matching `predicate`; returns how many. */
	delete(predicate: (record: MasterRecord, rowId: number) => boolean): number {
		let count = 0;
		for (const [key, row] of [...this.rows]) {
			if (predicate(row.record, row.rowId)) {
				this.rows.delete(key);
				count++;
			}
		}
		return count;
	}

	clear(): number {
		const count = this.rows.size;
		this.rows.clear();
		return count;
	}
}
