import { deterministicGuid, DEMO_DIVISION, startExactSimulator, UNGRANTED_DIVISION, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;

describe('Exact simulator REST and OData', () => {
	let simulator: ExactSimulator;
	let token: string;
	const get = (path: string, accept?: string | null) => callApi(simulator, token, path, { accept });

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, minuteLimit: 10_000, dailyLimit: 100_000, errorLimitPerHour: 1000 });
		token = (await simulator.connect()).access_token;
	});

	afterAll(async () => {
		await simulator.close();
	});

	it('answers current/Me as a one-row collection with the demo division', async () => {
		const me = await get('current/Me?$select=CurrentDivision,FullName');
		expect(me.status).toBe(200);
		expect(me.json()).toEqual({ d: { results: [expect.objectContaining({ CurrentDivision: D, FullName: 'Gerrit van der Berg', __metadata: expect.any(Object) })] } });
	});

	it('lists divisions with an integer Code and refuses an ungranted division with 403', async () => {
		const divisions = await get(`${D}/system/Divisions?$select=Code,Description`);
		const codes = divisions.json().d.results.map((row: { Code: number }) => row.Code);
		expect(codes).toEqual(expect.arrayContaining([D, UNGRANTED_DIVISION]));
		const forbidden = await get(`${UNGRANTED_DIVISION}/crm/Accounts?$filter=Status eq 'C'`);
		expect(forbidden.status).toBe(403);
		expect(forbidden.json()).toEqual({ error: { code: '', message: { lang: '', value: 'Forbidden' } } });
	});

	it('emits 18-character padded Account codes, padded countries, __metadata and __deferred navigation', async () => {
		const response = await get(`${D}/crm/Accounts?$filter=trim(Code) eq '10001'`);
		expect(response.status).toBe(200);
		const [account] = response.json().d.results;
		expect(account.Code).toBe('             10001');
		expect(account.Code).toHaveLength(18);
		expect(account.Country).toBe('NL ');
		expect(account.__metadata).toEqual({ uri: `${simulator.info.baseUrl}/api/v1/${D}/crm/Accounts(guid'${account.ID}')`, type: 'Exact.Web.Api.Models.Account' });
		expect(account.BankAccounts).toEqual({ __deferred: { uri: `${account.__metadata.uri}/BankAccounts` } });
		expect(account.Created).toMatch(/^\/Date\(\d+\)\/$/);
		const unpadded = await get(`${D}/crm/Accounts?$filter=Code eq '10001'&$select=ID`);
		expect(unpadded.json().d.results).toHaveLength(0);
		const padded = await get(`${D}/crm/Accounts?$filter=Code eq '${'10001'.padStart(18, ' ')}'&$select=ID`);
		expect(padded.json().d.results).toHaveLength(1);
	});

	it('pads VAT codes and serialises dates as /Date(ms)/ from the simulated clock, in Amsterdam wall-clock time', async () => {
		const vat = await get(`${D}/vat/VATCodes?$select=Code,Percentage&$filter=Code eq '2'`);
		expect(vat.json().d.results).toEqual([expect.objectContaining({ Code: '2  ', Percentage: 0.21 })]);
		const created = await callApi(simulator, token, `${D}/crm/Accounts`, { method: 'POST', body: { Name: 'Datum Test B.V.', Status: 'C' } });
		expect(created.status).toBe(201);
		// 2 November 2026 is winter time: the wire number is one hour ahead of the instant (exactTime.ts).
		expect(created.json().d.Created).toBe(`/Date(${simulator.clock.now() + 3600_000})/`);
	});

	it('requires a mandatory filter on crm/Accounts and logistics/Items with Exact\'s text', async () => {
		const accounts = await get(`${D}/crm/Accounts?$select=ID`);
		expect(accounts.status).toBe(400);
		expect(accounts.json().error.message.value).toMatch(/^This endpoint has mandatory filtering applied\. A GET request for this endpoint must have a \$filter parameter with one of the following fields in the url:Accountant,AccountManager,/);
		expect((await get(`${D}/logistics/Items?$select=ID`)).status).toBe(400);
		expect((await get(`${D}/logistics/Items?$select=ID&$filter=Description eq 'x'`)).status).toBe(200);
		expect((await get(`${D}/crm/Accounts?$select=ID&$filter=Website eq 'x'`)).status).toBe(400);
	});

	it('requires a mandatory filter on crm/Contacts, financial/GLAccounts and documents/Documents (and their bulk endpoints)', async () => {
		for (const path of ['crm/Contacts', 'financial/GLAccounts', 'documents/Documents', 'bulk/CRM/Contacts', 'bulk/Financial/GLAccounts', 'bulk/Documents/Documents']) {
			const unfiltered = await get(`${D}/${path}?$select=ID`);
			expect([path, unfiltered.status]).toEqual([path, 400]);
			expect(unfiltered.json().error.message.value).toMatch(/^This endpoint has mandatory filtering applied/);
		}
		expect((await get(`${D}/crm/Contacts?$select=ID&$filter=Account eq guid'${deterministicGuid(D, 'account', 'x')}'`)).status).toBe(400);
		expect((await get(`${D}/crm/Contacts?$select=ID&$filter=Division eq ${D}`)).status).toBe(200);
		expect((await get(`${D}/financial/GLAccounts?$select=ID&$filter=Code eq '8000'`)).status).toBe(400);
		expect((await get(`${D}/financial/GLAccounts?$select=ID&$filter=BalanceType eq 'W'`)).status).toBe(200);
		expect((await get(`${D}/documents/Documents?$select=ID&$filter=Division eq ${D}`)).status).toBe(200);
	});

	it('requires $select (or $top=1) on sync and bulk endpoints', async () => {
		const sync = await get(`${D}/sync/CRM/Accounts?$filter=Timestamp gt 1L`);
		expect(sync.status).toBe(400);
		expect(sync.json().error.message.value).toBe('Please add a $select or a $top=1 statement to the query string.');
		expect((await get(`${D}/bulk/Logistics/Items?$filter=IsSalesItem eq true`)).status).toBe(400);
		expect((await get(`${D}/sync/Logistics/Items?$top=1`)).status).toBe(200);
	});

	it('returns sync rows with Timestamp as a JSON string and filters only on Timestamp', async () => {
		const rows = (await get(`${D}/sync/CRM/Accounts?$select=ID,Code,Timestamp&$filter=Timestamp gt 1L`)).json().d.results;
		expect(typeof rows[0].Timestamp).toBe('string');
		expect(Number(rows[1].Timestamp)).toBeGreaterThan(Number(rows[0].Timestamp));
		const notSupported = await get(`${D}/sync/CRM/Accounts?$select=ID&$filter=Name eq 'x'`);
		expect(notSupported.status).toBe(400);
		expect(notSupported.json().error.message.value).toBe('This $filter parameter is not supported for this resource');
	});

	it('supports eq/ne/gt/ge/lt/le, and/or, substringof, startswith, guid and datetime literals', async () => {
		const items = (filter: string) => get(`${D}/logistics/Items?$select=Code,StandardSalesPrice,ID&$filter=${encodeURIComponent(filter)}`).then((r) => r.json().d.results as Array<{ Code: string; StandardSalesPrice: number; ID: string }>);
		expect((await items("Code eq 'UUR-MONTEUR'")).map((row) => row.Code)).toEqual(['UUR-MONTEUR']);
		expect((await items("Code eq 'UUR-MONTEUR' or Code eq 'UUR-SPOED'")).map((row) => row.Code).sort()).toEqual(['UUR-MONTEUR', 'UUR-SPOED']);
		expect((await items("startswith(Code,'UUR-') and Code ne 'UUR-SPOED'")).map((row) => row.Code).sort()).toEqual(['UUR-ENGINEER', 'UUR-LEERLING', 'UUR-MONTEUR']);
		expect((await items("substringof('spoed',Description) eq true")).map((row) => row.Code)).toEqual(['UUR-SPOED']);
		const priced = await items("IsSalesItem eq true and StandardSalesPrice ge 60 and StandardSalesPrice lt 80");
		expect(priced.length).toBeGreaterThan(0);
		expect(priced.every((row) => row.StandardSalesPrice >= 60 && row.StandardSalesPrice < 80)).toBe(true);
		expect(await items("IsSalesItem eq true and (StandardSalesPrice gt 1000000 or StandardSalesPrice le -1)")).toEqual([]);
		const id = deterministicGuid(D, 'item', 'UUR-MONTEUR');
		expect((await items(`ID eq guid'${id}'`)).map((row) => row.Code)).toEqual(['UUR-MONTEUR']);
		expect(await items("Created gt datetime'2026-01-01T00:00:00'")).toEqual([]);
		expect((await items("Created ge datetime'2020-01-01' and Code eq 'VOORRIJKOSTEN'"))).toHaveLength(1);
		const mistyped = await get(`${D}/logistics/Items?$select=ID&$filter=${encodeURIComponent(`ID eq '${id}'`)}`);
		expect(mistyped.status).toBe(400);
	});

	it('escapes quotes by doubling them in string literals', async () => {
		const created = await callApi(simulator, token, `${D}/crm/Accounts`, { method: 'POST', body: { Name: "Café 't Hoekje O'Neill", Status: 'C' } });
		expect(created.status).toBe(201);
		const found = await get(`${D}/crm/Accounts?$select=Name&$filter=${encodeURIComponent("Name eq 'Café ''t Hoekje O''Neill'")}`);
		expect(found.json().d.results).toEqual([expect.objectContaining({ Name: "Café 't Hoekje O'Neill" })]);
		const broken = await get(`${D}/crm/Accounts?$select=Name&$filter=${encodeURIComponent("Name eq 'O'Neill'")}`);
		expect(broken.status).toBe(400);
	});

	it('supports $orderby, $top and $count', async () => {
		const ordered = (await get(`${D}/logistics/Items?$select=Code&$filter=startswith(Code,'UUR')&$orderby=Code desc&$top=2`)).json().d;
		expect(ordered.results.map((row: { Code: string }) => row.Code)).toEqual(['UUR-SPOED', 'UUR-MONTEUR']);
		expect(ordered.__next).toBeUndefined();
		const count = await fetch(`${simulator.info.baseUrl}/api/v1/${D}/logistics/Items/$count?$filter=${encodeURIComponent("startswith(Code,'UUR')")}`, { headers: { Authorization: `Bearer ${token}` } });
		expect(await count.text()).toBe('4');
	});

	it('reads a single entity as {d:{...}} and answers 404 for an unknown key', async () => {
		const id = deterministicGuid(D, 'item', 'UUR-MONTEUR');
		const single = (await get(`${D}/logistics/Items(guid'${id}')?$select=Code,IsTime,SalesVatCode`)).json();
		expect(single.d).toEqual(expect.objectContaining({ Code: 'UUR-MONTEUR', IsTime: 1, SalesVatCode: '2  ' }));
		expect(single.d.results).toBeUndefined();
		const missing = await get(`${D}/logistics/Items(guid'00000000-0000-4000-a000-000000000000')`);
		expect(missing.status).toBe(404);
		expect(missing.json().error.message).toEqual({ lang: '', value: expect.any(String) });
	});

	it('answers Atom XML when the client forgets Accept: application/json', async () => {
		const xml = await get('current/Me', null);
		expect(xml.status).toBe(200);
		expect(xml.headers.get('content-type')).toContain('xml');
		expect(xml.text).toContain('<m:properties>');
	});

	it('creates with 201 {d:entity}, updates with 204, deletes with 204 and records the delete for sync/Deleted', async () => {
		const created = await callApi(simulator, token, `${D}/crm/Accounts`, { method: 'POST', body: { Name: 'Nieuwbouw Zeist B.V.', Status: 'C', Code: '99001', Country: 'NL', PaymentConditionSales: '30' } });
		expect(created.status).toBe(201);
		const account = created.json().d;
		expect(account.Code).toBe('99001'.padStart(18, ' '));
		expect(account.Country).toBe('NL ');
		const updated = await callApi(simulator, token, `${D}/crm/Accounts(guid'${account.ID}')`, { method: 'PUT', body: { City: 'Zeist' } });
		expect(updated.status).toBe(204);
		expect(updated.text).toBe('');
		expect(simulator.store.get(D, 'Accounts', account.ID)).toMatchObject({ City: 'Zeist', Name: 'Nieuwbouw Zeist B.V.' });
		const removed = await callApi(simulator, token, `${D}/crm/Accounts(guid'${account.ID}')`, { method: 'DELETE' });
		expect(removed.status).toBe(204);
		const deleted = (await get(`${D}/sync/Deleted?$select=EntityKey,EntityType,Timestamp&$filter=Timestamp gt 1L and EntityType eq 2`)).json().d.results;
		expect(deleted).toEqual([expect.objectContaining({ EntityKey: account.ID, EntityType: 2, Timestamp: expect.stringMatching(/^\d+$/) })]);
	});

	it('rejects unknown properties, bad values and missing mandatory fields', async () => {
		const unknown = await callApi(simulator, token, `${D}/crm/Accounts`, { method: 'POST', body: { Name: 'X', Colour: 'blue' } });
		expect(unknown.status).toBe(400);
		expect(unknown.json().error.message.value).toBe("Error processing request stream. The property name 'Colour' specified for type 'Exact.Web.Api.Models.Account' is not valid.");
		const missing = await callApi(simulator, token, `${D}/crm/Accounts`, { method: 'POST', body: { City: 'Ede' } });
		expect(missing.status).toBe(400);
		const badGuid = await callApi(simulator, token, `${D}/crm/Contacts`, { method: 'POST', body: { Account: 'not-a-guid', LastName: 'Jansen' } });
		expect(badGuid.status).toBe(400);
		const attachment = await callApi(simulator, token, `${D}/documents/DocumentAttachments`, { method: 'POST', body: { Document: deterministicGuid('x'), FileName: 'a.pdf', Attachment: 'not base64!' } });
		expect(attachment.status).toBe(400);
		expect(attachment.json().error.message.value).toContain("'Byte[]'");
	});

	it('stores documents with base64 attachments that download with &Download=1', async () => {
		const document = (await callApi(simulator, token, `${D}/documents/Documents`, { method: 'POST', body: { Subject: 'Werkbon 4711', Type: 10 } })).json().d;
		const bytes = Buffer.from('%PDF-1.4 werkbon');
		const attachment = await callApi(simulator, token, `${D}/documents/DocumentAttachments`, { method: 'POST', body: { Document: document.ID, FileName: 'werkbon-4711.pdf', Attachment: bytes.toString('base64') } });
		expect(attachment.status).toBe(201);
		expect(attachment.json().d.FileSize).toBe(bytes.length);
		const download = await fetch(`${attachment.json().d.Url}&Download=1`, { headers: { Authorization: `Bearer ${token}` } });
		expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
	});

	it('serves the other master data: item groups, GL accounts, payment conditions, journals, employees, hour types, time transactions', async () => {
		const groups = (await get(`${D}/logistics/ItemGroups?$select=Code,GLRevenueCode`)).json().d.results;
		expect(groups).toEqual(expect.arrayContaining([expect.objectContaining({ Code: 'ARBEID', GLRevenueCode: '8100' })]));
		// Type is not among GLAccounts' mandatory-filter fields; BalanceType is.
		expect((await get(`${D}/financial/GLAccounts?$select=Code,Type&$filter=Type eq 110`)).status).toBe(400);
		const gl = (await get(`${D}/financial/GLAccounts?$select=Code,Type&$filter=BalanceType eq 'W' and Type eq 110`)).json().d.results;
		expect(gl.map((row: { Code: string }) => row.Code).sort()).toEqual(['8000', '8010', '8100', '8200', '8300']);
		const conditions = (await get(`${D}/cashflow/PaymentConditions?$select=Code,PaymentDays`)).json().d.results;
		expect(conditions.map((row: { Code: string }) => row.Code)).toEqual(expect.arrayContaining(['08', '14', '30']));
		const journals = (await get(`${D}/financial/Journals?$select=Code,Type&$filter=Type eq 20`)).json().d.results;
		expect(journals.map((row: { Code: string }) => row.Code).sort()).toEqual(['70', '71']);
		const employees = (await get(`${D}/payroll/Employees?$select=ID,FullName`)).json().d.results;
		expect(employees.length).toBeGreaterThan(3);
		const hourTypes = (await get(`${D}/read/project/HourTypes?$select=ItemId,ItemCode`)).json().d.results;
		expect(hourTypes.map((row: { ItemCode: string }) => row.ItemCode)).toContain('UUR-MONTEUR');
		// One of Account, Project or Subscription is mandatory (Pi-Systems/exact-online src/Entity/Project/TimeTransactions.php).
		const withoutTarget = await callApi(simulator, token, `${D}/project/TimeTransactions`, { method: 'POST', body: { Item: hourTypes[0].ItemId, Quantity: 2.5, Employee: employees[0].ID } });
		expect(withoutTarget.status).toBe(400);
		expect(withoutTarget.json().error.message.value).toContain('Account, Project or Subscription');
		const account = (await get(`${D}/crm/Accounts?$select=ID&$filter=Status eq 'C'`)).json().d.results[0].ID;
		const time = await callApi(simulator, token, `${D}/project/TimeTransactions`, { method: 'POST', body: { Item: hourTypes[0].ItemId, Quantity: 2.5, Employee: employees[0].ID, Account: account } });
		expect(time.status).toBe(201);
		const notTime = await callApi(simulator, token, `${D}/project/TimeTransactions`, { method: 'POST', body: { Item: deterministicGuid(D, 'item', 'VOORRIJKOSTEN'), Quantity: 1, Account: account } });
		expect(notTime.status).toBe(400);
	});
});
