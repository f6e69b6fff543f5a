/**
 * Field lists per endpoint, not per entity (issue 15 point 1): the REST, sync/… and bulk/… endpoints of one entity
 * differ, and an unknown $select field is a 400 as Exact answers it. The lists are generated from
 * Pi-Systems/exact-online src/Entity/** (scripts/generate-exact-fields.mjs); the two cases below are cross-checked
 * against picqer/exact-php-client src/Picqer/Financials/Exact/SyncItem.php (no StandardSalesPrice) and Journal.php
 * (no TypeDescription).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GENERATED_ENDPOINT_FIELDS } from './endpointFields.generated';
import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { createSalesInvoice } from './salesInvoices';
import { callApi } from './testClient';

const D = DEMO_DIVISION;
const names = (path: string) => GENERATED_ENDPOINT_FIELDS[path].fields.split(' ').map((entry) => entry.split(':')[0]);

describe('Exact simulator field lists per endpoint', () => {
	let simulator: ExactSimulator;
	let token: string;

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, relationCount: 3, itemCount: 3 });
		token = (await simulator.connect()).access_token;
	});
	afterAll(async () => await simulator.close());

	it('generated the lists from the public source and names it', () => {
		expect(GENERATED_ENDPOINT_FIELDS['sync/Logistics/Items'].source).toBe('Pi-Systems/exact-online src/Entity/Sync/Logistics/Items.php');
		expect(names('logistics/Items')).toContain('StandardSalesPrice');
		expect(names('sync/Logistics/Items')).not.toContain('StandardSalesPrice');
		expect(names('financial/Journals')).not.toContain('TypeDescription');
		expect(names('sync/SalesInvoice/SalesInvoices')).toEqual(expect.arrayContaining(['LineNumber', 'Item', 'InvoiceID', 'Timestamp']));
	});

	it('answers a field the endpoint does not have with 400, in Exact\'s error shape', async () => {
		const sync = await callApi(simulator, token, `${D}/sync/Logistics/Items?$select=ID,StandardSalesPrice&$filter=Timestamp gt 1L`);
		expect(sync.status).toBe(400);
		expect(sync.json().error.message.value).toContain("No property 'StandardSalesPrice'");
		const journals = await callApi(simulator, token, `${D}/financial/Journals?$select=Code,TypeDescription`);
		expect(journals.status).toBe(400);
		expect(journals.json().error.message.value).toContain("No property 'TypeDescription'");
	});

	it('serves the field on the endpoint that has it', async () => {
		const rest = await callApi(simulator, token, `${D}/logistics/Items?$select=ID,StandardSalesPrice&$filter=IsSalesItem eq true`);
		expect(rest.status).toBe(200);
		expect(typeof rest.json().d.results[0].StandardSalesPrice).toBe('number');
		const bulk = await callApi(simulator, token, `${D}/bulk/Logistics/Items?$select=ID,StandardSalesPrice&$filter=IsSalesItem eq true`);
		expect(bulk.status).toBe(200);
		const journals = await callApi(simulator, token, `${D}/financial/Journals?$select=Code,Type,Description`);
		expect(journals.status).toBe(200);
	});

	it('serves sales invoices on the sync feed as a header row (LineNumber 0) and one row per line', async () => {
		const customer = simulator.store.list(D, 'Accounts').find((row) => row.Status === 'C' && row.Blocked === false)!;
		const items = simulator.store.list(D, 'Items').filter((row) => row.IsSalesItem === true && row.GLRevenue).slice(0, 2);
		const invoice = createSalesInvoice(simulator.store, simulator.clock, D, { OrderedBy: customer.ID, Journal: '70', YourRef: 'WB-FEED', SalesInvoiceLines: items.map((item) => ({ Item: item.ID, Quantity: 1 })) });
		const lines = simulator.store.list(D, 'SalesInvoiceLines').filter((line) => line.InvoiceID === invoice.InvoiceID);
		const feed = await callApi(simulator, token, `${D}/sync/SalesInvoice/SalesInvoices?$select=InvoiceID,LineNumber,Item,YourRef,Timestamp&$filter=Timestamp gt 1L`);
		expect(feed.status).toBe(200);
		const rows = (feed.json().d.results as Array<Record<string, unknown>>).filter((row) => row.InvoiceID === invoice.InvoiceID);
		expect(rows.map((row) => row.LineNumber).sort()).toEqual([0, ...lines.map((line) => line.LineNumber)].sort());
		expect(rows.every((row) => row.YourRef === invoice.YourRef)).toBe(true);
	});
});

describe('the README table of endpoints and fields the package uses', () => {
	test('matches the code: a field or endpoint the package starts to use appears in the table', () => {
		const check = spawnSync(process.execPath, [join(__dirname, '../../../scripts/exact-field-table.mjs'), '--check'], { encoding: 'utf8' });
		expect(check.stderr.trim()).toBe('');
		expect(check.status).toBe(0);
	});
});
