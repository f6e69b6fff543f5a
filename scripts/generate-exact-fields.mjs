#!/usr/bin/env node
/**
 * Generates test/simulators/exact/endpointFields.generated.ts: the field list of every Exact Online endpoint the
 * simulator serves, per endpoint (REST, sync/… and bulk/… differ), read from Pi-Systems/exact-online
 * `src/Entity/**` (classes generated from Exact's reference pages, with the GET/POST/PUT flags of every property).
 *
 *   node scripts/generate-exact-fields.mjs <git directory of Pi-Systems/exact-online> <git directory of bramkn/ExactOnline>
 *
 * The mandatory-filter fields of the single and bulk endpoints that have a sync API (Exact's 2021 policy) come from
 * bramkn/ExactOnline n8n-nodes-exact-online/nodes/ExactOnline/fieldConfigArray.json (a 2025 scrape of the reference
 * pages; its crm/Accounts list matches the real error text quoted in picqer/exact-php-client #591 field for field).
 *
 * A property that only allows GET on an endpoint that accepts POST or PUT is read-only (R); `Exact\Required`
 * marks what a POST must carry (M), except the key, which Exact assigns.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'test/simulators/exact/endpointFields.generated.ts');

/** The endpoints the simulator serves, as Exact names them after the division. */
export const SERVED_ENDPOINTS = [
	'current/Me',
	'system/Divisions',
	'system/AllDivisions',
	'crm/Accounts', 'sync/CRM/Accounts', 'bulk/CRM/Accounts',
	'crm/Contacts', 'sync/CRM/Contacts', 'bulk/CRM/Contacts',
	'crm/Addresses', 'sync/CRM/Addresses', 'bulk/CRM/Addresses',
	'logistics/Items', 'sync/Logistics/Items', 'bulk/Logistics/Items',
	'logistics/ItemGroups',
	'logistics/Units',
	'logistics/SalesItemPrices', 'sync/Logistics/SalesItemPrices', 'bulk/Logistics/SalesItemPrices',
	'sales/SalesPriceLists', 'sales/SalesPriceListPeriods', 'sales/SalesPriceListVolumeDiscounts', 'sync/Sales/SalesPriceListVolumeDiscounts',
	'financial/GLAccounts', 'sync/Financial/GLAccounts', 'bulk/Financial/GLAccounts',
	'financial/Journals',
	'cashflow/PaymentConditions',
	'cashflow/Receivables', 'bulk/Cashflow/Receivables',
	'vat/VATCodes',
	'salesinvoice/SalesInvoices', 'sync/SalesInvoice/SalesInvoices', 'bulk/SalesInvoice/SalesInvoices',
	'salesinvoice/SalesInvoiceLines', 'bulk/SalesInvoice/SalesInvoiceLines',
	'salesinvoice/PrintedSalesInvoices',
	'salesorder/SalesOrders',
	'project/Projects', 'sync/Project/Projects',
	'project/TimeTransactions',
	'payroll/Employees', 'sync/Payroll/Employees',
	'documents/Documents', 'sync/Documents/Documents', 'bulk/Documents/Documents',
	'documents/DocumentAttachments', 'sync/Documents/DocumentAttachments', 'bulk/Documents/DocumentAttachments',
	'webhooks/WebhookSubscriptions',
	'sync/Deleted',
];

const EDM = {
	Binary: 'Binary', Boolean: 'Boolean', Byte: 'Byte', Collection: 'Nav', DateTime: 'DateTime', Double: 'Double', Guid: 'Guid',
	Int16: 'Int16', Int32: 'Int32', Int64: 'Int64', UTF8String: 'String', UTF8CodeString: 'String',
};

function git(dir, args) {
	return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Splits a PHP entity class into its endpoint, class-level methods and properties with their attributes. */
export function parseEntity(text) {
	const endpoint = /#\[Exact\\Endpoint\("\/api\/v1\/(?:\{division\}\/)?([^"]+)"/.exec(text)?.[1];
	const classAt = text.indexOf('\nclass ');
	const header = text.slice(0, classAt);
	const methods = [...header.matchAll(/#\[Exact\\Method\(HttpMethod::(\w+)\)\]/g)].map((match) => match[1]);
	const body = text.slice(classAt);
	const properties = [];
	let attributes = [];
	for (const line of body.split('\n')) {
		const trimmed = line.trim();
		if (trimmed.startsWith('#[')) attributes.push(trimmed);
		const property = /^public\s+[^$]*\$(\w+)/.exec(trimmed);
		if (property) {
			const edm = attributes.map((attribute) => /^#\[EDM\\(\w+)/.exec(attribute)?.[1]).find(Boolean);
			properties.push({
				name: property[1],
				type: EDM[edm] ?? 'String',
				key: attributes.some((attribute) => attribute.startsWith('#[Exact\\Key')),
				required: attributes.some((attribute) => attribute.startsWith('#[Exact\\Required')),
				methods: attributes.map((attribute) => /HttpMethod::(\w+)/.exec(attribute)?.[1]).filter(Boolean),
			});
			attributes = [];
		} else if (trimmed.startsWith('/**')) {
			attributes = [];
		}
	}
	return { endpoint, methods, properties };
}

export function fieldSpec(entity) {
	const writable = entity.methods.includes('POST') || entity.methods.includes('PUT');
	return entity.properties
		.map((property) => {
			let flags = '';
			if (property.required && !property.key && writable) flags += 'M';
			if (writable && !property.methods.includes('POST') && !property.methods.includes('PUT')) flags += 'R';
			return flags ? `${property.name}:${property.type}:${flags}` : `${property.name}:${property.type}`;
		})
		.join(' ');
}

const FIELD_CONFIG = 'n8n-nodes-exact-online/nodes/ExactOnline/fieldConfigArray.json';

/** Mandatory-filter fields per served single/bulk endpoint whose entity has a sync endpoint. */
function mandatoryFilters(bramknDir) {
	const commit = git(bramknDir, ['rev-parse', 'HEAD']).trim();
	const config = JSON.parse(git(bramknDir, ['show', `${commit}:${FIELD_CONFIG}`]));
	const served = new Map(SERVED_ENDPOINTS.map((endpoint) => [endpoint.toLowerCase(), endpoint]));
	const result = {};
	for (const entry of config) {
		const path = String(entry.uri ?? '').replace(/^\/api\/v1\/(?:beta\/)?\{division\}\//, '');
		const endpoint = served.get(path.toLowerCase());
		if (!endpoint || endpoint.startsWith('sync/')) continue;
		const fields = (entry.fields ?? []).filter((field) => field.filter).map((field) => field.name);
		if (fields.length > 0) result[endpoint] = fields;
	}
	return { commit, result };
}

function main() {
	const [dir, bramknDir] = process.argv.slice(2);
	if (!dir || !bramknDir) {
		console.error('usage: node scripts/generate-exact-fields.mjs <git directory of Pi-Systems/exact-online> <git directory of bramkn/ExactOnline>');
		process.exit(2);
	}
	const commit = git(dir, ['rev-parse', 'HEAD']).trim();
	const files = git(dir, ['ls-tree', '-r', '--name-only', commit, 'src/Entity']).split('\n').filter((file) => file.endsWith('.php'));
	const byEndpoint = new Map();
	for (const file of files) {
		const entity = parseEntity(git(dir, ['show', `${commit}:${file}`]));
		if (entity.endpoint) byEndpoint.set(entity.endpoint.toLowerCase(), { file, entity });
	}
	const lines = [
		'/**',
		' * GENERATED by scripts/generate-exact-fields.mjs - do not edit by hand.',
		' *',
		` * Source: Pi-Systems/exact-online@${commit} src/Entity/** (classes generated from Exact Online's REST reference`,
		' * pages, with the GET/POST/PUT flags of every property). One list per endpoint: REST, sync/… and bulk/… differ.',
		' * Format: Name:EdmType[:flags], M = required on POST, R = read-only (GET only on a writable endpoint, dropped',
		' * silently on POST/PUT), Nav = collection (navigation) property.',
		' */',
		'export interface GeneratedEndpoint {',
		'\t/** Repository and path of the class this list is read from. */',
		'\tsource: string;',
		'\t/** HTTP methods the endpoint accepts. */',
		'\tmethods: string[];',
		'\tfields: string;',
		'}',
		'',
		'export const GENERATED_ENDPOINT_FIELDS: Record<string, GeneratedEndpoint> = {',
	];
	const missing = [];
	for (const endpoint of SERVED_ENDPOINTS) {
		const found = byEndpoint.get(endpoint.toLowerCase());
		if (!found) {
			missing.push(endpoint);
			continue;
		}
		lines.push(`\t'${endpoint}': {`);
		lines.push(`\t\tsource: 'Pi-Systems/exact-online ${found.file}',`);
		lines.push(`\t\tmethods: [${found.entity.methods.map((method) => `'${method}'`).join(', ')}],`);
		lines.push(`\t\tfields:\n\t\t\t'${fieldSpec(found.entity)}',`);
		lines.push('\t},');
	}
	lines.push('};', '');
	const filters = mandatoryFilters(bramknDir);
	lines.push(
		'/**',
		` * Mandatory-filter fields (a GET must $filter on one of them) of the served single and bulk endpoints that have a`,
		` * sync API. Source: bramkn/ExactOnline@${filters.commit} ${FIELD_CONFIG} (fields flagged "filter").`,
		' */',
		'export const MANDATORY_FILTER_FIELDS: Record<string, string[]> = {',
	);
	for (const [endpoint, fields] of Object.entries(filters.result)) lines.push(`\t'${endpoint}': [${fields.map((field) => `'${field}'`).join(', ')}],`);
	lines.push('};', '');
	lines.push('/** Endpoints the simulator serves that the source has no class for (their lists are kept by hand in schemaFields.ts). */');
	lines.push(`export const UNGENERATED_ENDPOINTS: string[] = [${missing.map((endpoint) => `'${endpoint}'`).join(', ')}];`, '');
	writeFileSync(OUTPUT, lines.join('\n'));
	console.log(`wrote ${OUTPUT}: ${SERVED_ENDPOINTS.length - missing.length} endpoints, missing: ${missing.join(', ') || 'none'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
