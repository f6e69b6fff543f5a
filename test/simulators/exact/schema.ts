/**
 * The entity sets the simulator serves: where they live, their key, fields, methods and the rules
 * (mandatory filters, required $select, webhook topic, sync/bulk paths, sync/Deleted entity type) Exact applies to them.
 */
import type { EdmType } from './odataFilter';
import { GENERATED_ENDPOINT_FIELDS, MANDATORY_FILTER_FIELDS } from './endpointFields.generated';
import { ENDPOINT_FIELDS } from './schemaFields';

export interface FieldDefinition {
	name: string;
	type: EdmType;
	mandatory: boolean;
	readOnly: boolean;
}

export interface NavigationDefinition {
	entitySet: string;
	foreignKey: string;
}

export interface EntityDefinition {
	entitySet: string;
	path: string;
	typeName: string;
	key: string;
	keyType: 'Guid' | 'Int32';
	methods: ReadonlyArray<'GET' | 'POST' | 'PUT' | 'DELETE'>;
	fields: Map<string, FieldDefinition>;
	/** Fixed-width CHAR fields and their width; values are padded on output. */
	padded?: Record<string, { width: number; align: 'left' | 'right' }>;
	/** Fields a GET on the single endpoint must $filter on (one of them). */
	mandatoryFilterFields?: string[];
	/** The same for the bulk endpoint. */
	bulkMandatoryFilterFields?: string[];
	requiresSelect?: boolean;
	topic?: string;
	deletedEntityType?: number;
	syncPath?: string;
	bulkPath?: string;
	navigation?: Record<string, NavigationDefinition>;
	/** Field list of the sync/… endpoint (it differs from the REST one: endpointFields.generated.ts). */
	syncFields?: Map<string, FieldDefinition>;
	/** Field list of the bulk/… endpoint. */
	bulkFields?: Map<string, FieldDefinition>;
}

function parseFieldList(spec: string): Map<string, FieldDefinition> {
	const fields = new Map<string, FieldDefinition>();
	for (const entry of spec.split(' ').filter(Boolean)) {
		const [name, type, flags = ''] = entry.split(':');
		fields.set(name, { name, type: type as EdmType, mandatory: flags.includes('M'), readOnly: flags.includes('R') });
	}
	return fields;
}

/**
 * The field list of one endpoint as Exact names it after the division (`crm/Accounts`, `sync/CRM/Accounts`,
 * `bulk/CRM/Accounts`): generated from the public sources (endpointFields.generated.ts, which names its source);
 * the few endpoints no source has a class for keep a hand list (schemaFields.ts, marked there).
 */
export function fieldsOf(path: string): Map<string, FieldDefinition> {
	const spec = GENERATED_ENDPOINT_FIELDS[path]?.fields ?? ENDPOINT_FIELDS[path];
	if (!spec) throw new Error(`No field list for ${path}`);
	return parseFieldList(spec);
}

function optionalFieldsOf(path: string | undefined): Map<string, FieldDefinition> | undefined {
	return path && GENERATED_ENDPOINT_FIELDS[path] ? fieldsOf(path) : undefined;
}

const ALL: ReadonlyArray<'GET' | 'POST' | 'PUT' | 'DELETE'> = ['GET', 'POST', 'PUT', 'DELETE'];

function define(path: string, rest: Omit<EntityDefinition, 'path' | 'fields' | 'entitySet'> & { entitySet?: string }): EntityDefinition {
	return {
		path,
		entitySet: rest.entitySet ?? path.split('/').pop()!,
		fields: fieldsOf(path),
		syncFields: optionalFieldsOf(rest.syncPath && `sync/${rest.syncPath}`),
		bulkFields: optionalFieldsOf(rest.bulkPath && `bulk/${rest.bulkPath}`),
		// Exact's 2021 policy: mandatory filtering on the single and bulk endpoints of entities with a sync API,
		// with the lists of bramkn/ExactOnline fieldConfigArray.json (endpointFields.generated.ts).
		mandatoryFilterFields: rest.syncPath ? MANDATORY_FILTER_FIELDS[path] : undefined,
		bulkMandatoryFilterFields: rest.syncPath && rest.bulkPath ? MANDATORY_FILTER_FIELDS[`bulk/${rest.bulkPath}`] : undefined,
		...rest,
	};
}

export const ENTITY_DEFINITIONS: EntityDefinition[] = [
	define('system/Divisions', { typeName: 'Division', key: 'Code', keyType: 'Int32', methods: ['GET'] }),
	define('system/AllDivisions', { typeName: 'AllDivision', key: 'Code', keyType: 'Int32', methods: ['GET'] }),
	define('crm/Accounts', {
		typeName: 'Account', key: 'ID', keyType: 'Guid', methods: ALL, topic: 'Accounts',
		deletedEntityType: 2, syncPath: 'CRM/Accounts', bulkPath: 'CRM/Accounts',
		padded: { Code: { width: 18, align: 'right' }, Country: { width: 3, align: 'left' }, SalesVATCode: { width: 3, align: 'left' } },
		navigation: { BankAccounts: { entitySet: 'BankAccounts', foreignKey: 'Account' } },
	}),
	define('crm/Contacts', { typeName: 'Contact', key: 'ID', keyType: 'Guid', methods: ALL, topic: 'Contacts', deletedEntityType: 5, syncPath: 'CRM/Contacts', bulkPath: 'CRM/Contacts', padded: { Country: { width: 3, align: 'left' } } }),
	define('crm/Addresses', { typeName: 'Address', key: 'ID', keyType: 'Guid', methods: ALL, deletedEntityType: 3, syncPath: 'CRM/Addresses', bulkPath: 'CRM/Addresses', padded: { Country: { width: 3, align: 'left' } } }),
	define('logistics/Items', {
		typeName: 'Item', key: 'ID', keyType: 'Guid', methods: ALL, topic: 'Items', deletedEntityType: 9,
		syncPath: 'Logistics/Items', bulkPath: 'Logistics/Items', padded: { SalesVatCode: { width: 3, align: 'left' } },
	}),
	define('logistics/ItemGroups', { typeName: 'ItemGroup', key: 'ID', keyType: 'Guid', methods: ['GET'] }),
	define('logistics/Units', { typeName: 'Unit', key: 'ID', keyType: 'Guid', methods: ['GET'] }),
	define('logistics/SalesItemPrices', { typeName: 'SalesItemPrice', key: 'ID', keyType: 'Guid', methods: ALL, requiresSelect: true, deletedEntityType: 8, syncPath: 'Logistics/SalesItemPrices', bulkPath: 'Logistics/SalesItemPrices' }),
	// Price lists are read-only through the API (GET only: Pi-Systems src/Entity/Sales/SalesPriceList*.php); a test
	// or the seed inserts them through the store.
	define('sales/SalesPriceLists', { typeName: 'SalesPriceList', key: 'ID', keyType: 'Guid', methods: ['GET'] }),
	define('sales/SalesPriceListPeriods', { typeName: 'SalesPriceListPeriod', key: 'ID', keyType: 'Guid', methods: ['GET'] }),
	define('sales/SalesPriceListVolumeDiscounts', { typeName: 'SalesPriceListVolumeDiscount', key: 'ID', keyType: 'Guid', methods: ['GET'] }),
	define('financial/GLAccounts', { typeName: 'GLAccount', key: 'ID', keyType: 'Guid', methods: ALL, topic: 'GLAccounts', deletedEntityType: 7, syncPath: 'Financial/GLAccounts', bulkPath: 'Financial/GLAccounts', padded: { VATCode: { width: 3, align: 'left' } } }),
	define('financial/Journals', { typeName: 'Journal', key: 'ID', keyType: 'Guid', methods: ['GET'] }),
	define('cashflow/PaymentConditions', { typeName: 'PaymentCondition', key: 'ID', keyType: 'Guid', methods: ['GET', 'POST'] }),
	define('cashflow/Receivables', { typeName: 'Receivable', key: 'ID', keyType: 'Guid', methods: ['GET', 'PUT'], bulkPath: 'Cashflow/Receivables' }),
	define('vat/VATCodes', { typeName: 'VATCode', key: 'ID', keyType: 'Guid', methods: ALL, padded: { Code: { width: 3, align: 'left' } } }),
	define('salesinvoice/SalesInvoices', {
		typeName: 'SalesInvoice', key: 'InvoiceID', keyType: 'Guid', methods: ALL, topic: 'SalesInvoices', deletedEntityType: 13,
		syncPath: 'SalesInvoice/SalesInvoices', bulkPath: 'SalesInvoice/SalesInvoices',
		navigation: { SalesInvoiceLines: { entitySet: 'SalesInvoiceLines', foreignKey: 'InvoiceID' } },
	}),
	define('salesinvoice/PrintedSalesInvoices', { typeName: 'PrintedSalesInvoice', key: 'InvoiceID', keyType: 'Guid', methods: ['POST'] }),
	define('salesinvoice/SalesInvoiceLines', { typeName: 'SalesInvoiceLine', key: 'ID', keyType: 'Guid', methods: ALL, bulkPath: 'SalesInvoice/SalesInvoiceLines', padded: { VATCode: { width: 3, align: 'left' } } }),
	define('salesorder/SalesOrders', { typeName: 'SalesOrder', key: 'OrderID', keyType: 'Guid', methods: ['GET'], topic: 'SalesOrders', deletedEntityType: 32 }),
	define('project/Projects', { typeName: 'Project', key: 'ID', keyType: 'Guid', methods: ALL, deletedEntityType: 21, syncPath: 'Project/Projects' }),
	define('project/TimeTransactions', { typeName: 'TimeTransaction', key: 'ID', keyType: 'Guid', methods: ALL, topic: 'TimeTransactions' }),
	define('read/project/HourTypes', { typeName: 'HourType', key: 'ItemId', keyType: 'Guid', methods: ['GET'] }),
	define('payroll/Employees', { typeName: 'Employee', key: 'ID', keyType: 'Guid', methods: ['GET'], deletedEntityType: 42, syncPath: 'Payroll/Employees' }),
	define('documents/Documents', { typeName: 'Document', key: 'ID', keyType: 'Guid', methods: ALL, topic: 'Documents', deletedEntityType: 6, syncPath: 'Documents/Documents', bulkPath: 'Documents/Documents' }),
	define('documents/DocumentAttachments', { typeName: 'DocumentAttachment', key: 'ID', keyType: 'Guid', methods: ['GET', 'POST', 'DELETE'], deletedEntityType: 4, syncPath: 'Documents/DocumentAttachments', bulkPath: 'Documents/DocumentAttachments' }),
	define('webhooks/WebhookSubscriptions', { typeName: 'WebhookSubscription', key: 'ID', keyType: 'Guid', methods: ['GET', 'POST', 'DELETE'] }),
];

export const SYNC_DELETED_FIELDS = fieldsOf('sync/Deleted');
export const ME_FIELDS = fieldsOf('current/Me');

/** Payroll/Employees has no EntityType in the reference list beyond 42; other sync-only sets are not modelled. */
export function findEntityByPath(path: string): EntityDefinition | undefined {
	const lower = path.toLowerCase();
	return ENTITY_DEFINITIONS.find((definition) => definition.path.toLowerCase() === lower);
}

export function findEntityBySet(entitySet: string): EntityDefinition | undefined {
	return ENTITY_DEFINITIONS.find((definition) => definition.entitySet === entitySet);
}

export function findEntityBySyncPath(path: string): EntityDefinition | undefined {
	const lower = path.toLowerCase();
	return ENTITY_DEFINITIONS.find((definition) => definition.syncPath?.toLowerCase() === lower);
}

export function findEntityByBulkPath(path: string): EntityDefinition | undefined {
	const lower = path.toLowerCase();
	return ENTITY_DEFINITIONS.find((definition) => definition.bulkPath?.toLowerCase() === lower);
}

export function findEntityByTopic(topic: string): EntityDefinition | undefined {
	return ENTITY_DEFINITIONS.find((definition) => definition.topic === topic);
}

/** Fields of the sync endpoint: its own list where a source has one, else the entity's fields plus the Int64 row version. */
export function syncFieldTypes(definition: EntityDefinition): Map<string, FieldDefinition> {
	if (definition.syncFields) return definition.syncFields;
	const fields = new Map(definition.fields);
	fields.set('Timestamp', { name: 'Timestamp', type: 'Int64', mandatory: false, readOnly: true });
	return fields;
}

/** Fields of the bulk endpoint: its own list where a source has one, else the entity's. */
export function bulkFieldTypes(definition: EntityDefinition): Map<string, FieldDefinition> {
	return definition.bulkFields ?? definition.fields;
}
