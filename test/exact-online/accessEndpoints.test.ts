/**
 * Check Access asks Exact about every endpoint this package calls, so that the connection-health template
 * names a missing right or module before an export or import fails halfway: each Exact resource path in
 * the nodes' source is in USED_ENDPOINTS (apart from the ones every user may call).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { USED_ENDPOINTS } from '../../nodes/ExactOnline/actions/access/endpoints';

const ROOT = path.resolve(__dirname, '..', '..', 'nodes');
/** Calls every connected user may make: who am I, which divisions, and the rights question itself. */
const ALWAYS_ALLOWED = new Set(['current/Me', 'system/Divisions', 'users/UserHasRights']);
const RESOURCE = /'((?:crm|logistics|financial|cashflow|vat|salesinvoice|documents|project|payroll|system|current|users|sync|bulk|webhooks)\/[A-Za-z/]+)'/g;

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const full = path.join(dir, entry);
		return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
	});
}

test('every Exact endpoint the nodes call is checked by Check Access', () => {
	const called = new Set<string>();
	for (const file of sources(ROOT)) for (const match of readFileSync(file, 'utf8').matchAll(RESOURCE)) called.add(match[1].replace(/\/+$/, ''));
	const checked = new Set(USED_ENDPOINTS.map((entry) => entry.endpoint));
	const unchecked = [...called].filter((endpoint) => !ALWAYS_ALLOWED.has(endpoint) && !checked.has(endpoint) && endpoint.split('/').length > 1 && !endpoint.endsWith('/'));
	expect(called.size).toBeGreaterThan(10);
	expect(unchecked.sort()).toEqual([]);
	// Each endpoint and action is asked once.
	const keys = USED_ENDPOINTS.map((entry) => `${entry.action} ${entry.endpoint}`);
	expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
});
