#!/usr/bin/env node
/**
 * Generates test/simulators/exact/endpoint-fields.generated.ts: the field list of every Exact Online endpoint the
 * simulator serves, per endpoint (REST, sync/… and bulk/… differ), read from Pi-Systems/exact-online
 * `src/Entity/**` (classes generated from Exact's reference pages, with the GET/POST/PUT flags of every property).
 *
 *   node scripts/generate-exact-fields.mjs <git directory or clone of Pi-Systems/exact-online> [commit]
 *
 * A property that only allows GET on an endpoint that accepts POST or PUT is read-only (R); `Exact\Required`
 * marks what a POST must carry (M), except the key, which Exact assigns.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'test/simulators/exact/endpoint-fields.generated.ts');

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

function main() {
	const [dir, commitArgument] = process.argv.slice(2);
	if (!dir) {
		console.error('usage: node scripts/generate-exact-fields.mjs <git directory of Pi-Systems/exact-online> [commit]');
		process.exit(2);
	}
	const commit = git(dir, ['rev-parse', commitArgument ?? 'HEAD']).trim();
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
	lines.push('/** Endpoints the simulator serves that the source has no class for (their lists are kept by hand in schema-fields.ts). */');
	lines.push(`export const UNGENERATED_ENDPOINTS: string[] = [${missing.map((endpoint) => `'${endpoint}'`).join(', ')}];`, '');
	writeFileSync(OUTPUT, lines.join('\n'));
	console.log(`wrote ${OUTPUT}: ${SERVED_ENDPOINTS.length - missing.length} endpoints, missing: ${missing.join(', ') || 'none'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
