import { buildDemoCompany } from '../demo/company';
import { DEMO_WORKSTATUS, startOutSmartSimulator, type OutSmartSimulator } from './index';
import { callApi, okResponse } from './testClient';

type Row = Record<string, string>;

describe('OutSmart simulator: master data', () => {
	let simulator: OutSmartSimulator;
	beforeEach(async () => {
		simulator = await startOutSmartSimulator({ relationCount: 60, itemCount: 120, workorderCount: 10 });
	});
	afterEach(() => simulator.close());

	it('lists every master-data endpoint as an array of string records', async () => {
		const endpoints = ['employees', 'relations', 'addresses', 'contactpersons', 'materials', 'material_categories', 'categories', 'hourtypes', 'projects', 'workstatusses', 'paymentmethods', 'worktypes', 'freefields', 'values', 'documents'];
		for (const endpoint of endpoints) {
			const rows = await okResponse<Row[]>(simulator, endpoint);
			expect(Array.isArray(rows)).toBe(true);
			for (const row of rows) for (const value of Object.values(row)) expect(typeof value).toBe('string');
			if (!['values', 'documents'].includes(endpoint)) expect(rows.length).toBeGreaterThan(0);
		}
	});

	it('seeds data consistent with the Exact demo company', async () => {
		const company = buildDemoCompany({ relationCount: 60, itemCount: 120 });
		const relations = await okResponse<Row[]>(simulator, 'relations');
		const customers = company.relations.filter((relation) => relation.status !== 'S');
		expect(relations.map((relation) => relation.debtor_number)).toEqual(customers.map((relation) => relation.debtorNumber));
		expect(relations[0].debtor_number).toMatch(/^[1-9]\d*$/);
		const mismatches = relations.filter((relation) => relation.payment_condition !== company.relations.find((candidate) => candidate.debtorNumber === relation.debtor_number)?.paymentConditionCode);
		expect(mismatches.map((relation) => relation.debtor_number)).toEqual(simulator.seed.paymentConditionMismatches.map((mismatch) => mismatch.debtorNumber));
		expect(mismatches.length).toBeGreaterThanOrEqual(1);
		expect(mismatches.length).toBeLessThanOrEqual(2);

		const materials = await okResponse<Row[]>(simulator, 'materials');
		const stockItems = company.items.filter((item) => !item.isLabour);
		expect(materials.map((material) => material.code)).toEqual(stockItems.map((item) => item.code));
		expect(materials[0].price).toMatch(/^\d+,\d{2}$/);
		const glCodes = new Set(company.glAccounts.map((account) => account.code));
		const withoutGla = materials.filter((material) => material.freefield1 === '').map((material) => material.code);
		expect(withoutGla).toEqual(simulator.seed.materialsWithoutGla);
		expect(withoutGla.length).toBeGreaterThanOrEqual(2);
		expect(withoutGla.length).toBeLessThan(materials.length / 10);
		const unknownGla = materials.filter((material) => material.freefield1 !== '' && !glCodes.has(material.freefield1));
		expect(unknownGla.map((material) => material.code)).toEqual([simulator.seed.materialWithUnknownGla.code]);

		const hourtypes = await okResponse<Row[]>(simulator, 'hourtypes');
		// The labour items, plus sick leave as in the Blueprint's hourtypes example (ZK, 1/1 at 0.00); billable hours are 0/0 there.
		expect(hourtypes.map((hourtype) => hourtype.code).sort()).toEqual([...company.items.filter((item) => item.isLabour).map((item) => item.code), 'ZK'].sort());
		expect(hourtypes.find((hourtype) => hourtype.code === 'ZK')).toMatchObject({ cost_booking: '1', sale_booking: '1', sale_price: '0.00' });
		expect(hourtypes.filter((hourtype) => hourtype.code !== 'ZK').every((hourtype) => hourtype.cost_booking === '0' && hourtype.sale_booking === '0')).toBe(true);
		expect(hourtypes[0].sale_price).toMatch(/^\d+\.\d{2}$/);
		const employees = await okResponse<Row[]>(simulator, 'employees');
		expect(employees.map((employee) => employee.number)).toEqual(company.employees.map((employee) => employee.number));
		const workstatusNames = (await okResponse<Row[]>(simulator, 'workstatusses')).map((status) => status.sta_name);
		expect(workstatusNames).toEqual(expect.arrayContaining(['Gereed voor facturatie', 'Export gelukt', 'Export mislukt', 'Betaald']));
	});

	it('seeds work orders whose materials carry the catalogue free fields (null when empty), including GLA gaps', () => {
		const beforeGlaImport = simulator.seed.issueWorkorders.linesWithoutFreeFields;
		const lines = simulator.store.workorders.filter((order) => order.WorkorderNo !== beforeGlaImport).flatMap((order) => order.Materials);
		const catalogue = new Map(simulator.store.materials.map((material) => [material.code, material]));
		for (const line of lines) expect(line.MaterialFreeField1).toBe(catalogue.get(line.MaterialCode)?.freefield1 || null);
		expect(lines.some((line) => line.MaterialCode === simulator.seed.materialWithUnknownGla.code)).toBe(true);
		expect(lines.some((line) => line.MaterialFreeField1 === null)).toBe(true);
		// One order was finished before the GLA import: its lines carry no free fields at all, as in the Blueprint's example.
		const early = simulator.store.findWorkorder(beforeGlaImport ?? '');
		if (simulator.store.workorders.length > 32) expect(early?.Materials.length).toBeGreaterThan(0);
		for (const line of early?.Materials ?? []) expect(line).toMatchObject({ MaterialFreeField1: null, MaterialType: null });
	});

	it('puts the deliberate differences on work orders that are ready for invoicing', () => {
		const issues = simulator.seed.issueWorkorders;
		const order = (workorderNo: string | undefined) => simulator.store.findWorkorder(workorderNo ?? '');
		expect(order(issues.unknownGla)?.status).toBe('Compleet');
		expect(order(issues.unknownGla)?.Materials.map((line) => line.MaterialFreeField1)).toContain(simulator.seed.materialWithUnknownGla.gla);
		expect(order(issues.missingGla)?.Materials.some((line) => line.MaterialFreeField1 === null)).toBe(true);
		expect(issues.paymentConditionMismatch).toHaveLength(1);
		const mismatchOrder = order(issues.paymentConditionMismatch[0]);
		expect(mismatchOrder).toMatchObject({ status: 'Compleet', WorkStatus: DEMO_WORKSTATUS.readyForInvoicing.code });
		expect(simulator.seed.paymentConditionMismatches.map((mismatch) => mismatch.debtorNumber)).toContain(mismatchOrder?.fields.CustomerDebtorNr);
	});

	it('upserts relations on debtor_number and answers the number of records', async () => {
		const count = await okResponse<number>(simulator, 'relations', {
			body: [
				{ debtor_number: '10001', name: 'Renamed B.V.', street: 'Kerkstraat', postal_code: '3511 AA', city: 'Utrecht' },
				{ debtor_number: '99001', name: 'Nieuwe Klant', street: 'Molenweg', postal_code: '3800 AB', city: 'Amersfoort', house_number: 12 },
			],
		});
		expect(count).toBe(2);
		expect(simulator.store.master('relations').get('10001')).toMatchObject({ name: 'Renamed B.V.', email: expect.stringContaining('@') });
		expect(simulator.store.master('relations').get('99001')).toMatchObject({ house_number: '12', active: '1' });
		const single = await okResponse<number>(simulator, 'relations', { body: { debtor_number: '99002', name: 'Los Object', street: 'X', postal_code: '1000 AA', city: 'Amsterdam' } });
		expect(single).toBe(1);
	});

	it('answers the per-entity "Required field missing" codes and rejects the whole batch', async () => {
		const cases: Array<[string, Record<string, unknown>, number, string]> = [
			['employees', { number: '77', lastname: 'X' }, 1101, 'firstname'],
			['relations', { debtor_number: '77', street: 'X', postal_code: 'X', city: 'X' }, 1301, 'name'],
			['materials', { code: 'M-77', description: 'X', unit: 'stuk' }, 1201, 'price'],
			['hourtypes', { code: 'H-77', name: 'X', cost_booking: '1', sale_booking: '1' }, 1801, 'sale_price'],
			['projects', { code: 'P-77', debtor_number: '10001', status: 'Nieuw', name: 'X' }, 1701, 'date_start'],
			['categories', { cat_code: 'C-77', cat_name: 'X' }, 2401, 'cat_display'],
			['material_categories', { mct_mat_code: 'M' }, 2501, 'mct_cat_code'],
			['worktypes', { wrt_name: 'X', wrt_description: 'X', wrt_default_minutes: '60' }, 2601, 'wrt_active'],
			['paymentmethods', { pmd_description: '' }, 2701, 'pmd_description'],
			['workstatusses', { sta_code: 'S' }, 2801, 'sta_name'],
		];
		for (const [endpoint, record, code, field] of cases) {
			const single = await callApi(simulator, endpoint, { body: [record] });
			expect([endpoint, single.envelope.code, single.envelope.messages]).toEqual([endpoint, code, [`Required field missing: ${field}`]]);
		}
		const before = simulator.store.relations.length;
		const batch = await callApi(simulator, 'relations', {
			body: [{ debtor_number: '88001', name: 'Goed', street: 'X', postal_code: 'X', city: 'X' }, { debtor_number: '88002', street: 'X', postal_code: 'X', city: 'X' }],
		});
		expect(batch.envelope).toEqual({ code: 1301, messages: ['Required field missing: name (record 1)'], response: null });
		expect(simulator.store.relations).toHaveLength(before);
	});

	it('stores material prices with a comma, keeps free fields 1..5, and upserts on code', async () => {
		expect(await okResponse(simulator, 'materials', { body: [{ code: 'NEW-1', description: 'Nieuw', price: '12.5', unit: 'stuk', freefield1: '8000', freefield5: 'x' }] })).toBe(1);
		expect(simulator.store.master('materials').get('NEW-1')).toMatchObject({ price: '12,50', freefield1: '8000', freefield2: '', freefield5: 'x' });
		await okResponse(simulator, 'materials', { body: [{ code: 'NEW-1', description: 'Nieuw 2', price: '1.234,5', unit: 'stuk' }] });
		expect(simulator.store.master('materials').get('NEW-1')).toMatchObject({ description: 'Nieuw 2', price: '1234,50', freefield1: '8000' });
		expect((await callApi(simulator, 'materials', { body: [{ code: 'NEW-2', description: 'x', price: 'twaalf', unit: 'stuk' }] })).envelope.code).toBe(1200);
		expect((await callApi(simulator, 'hourtypes', { body: [{ code: 'H', name: 'x', cost_booking: '1', sale_booking: '1', sale_price: '10', active: 'ja' }] })).envelope.code).toBe(1801);
	});

	it('filters lists with li/eq/ne/gt/ge/lt/le', async () => {
		const all = await okResponse<Row[]>(simulator, 'relations');
		const zip = all[0].postal_code.slice(0, 2);
		const byZip = await okResponse<Row[]>(simulator, 'relations', { query: [['key[]', 'postal_code'], ['value[]', zip], ['operator[]', 'li']] });
		expect(byZip.length).toBeGreaterThan(0);
		expect(byZip.every((relation) => relation.postal_code.includes(zip))).toBe(true);
		const high = await okResponse<Row[]>(simulator, 'relations', { query: [['key[]', 'debtor_number'], ['value[]', '10050'], ['operator[]', 'gt'], ['key[]', 'debtor_number'], ['value[]', '10055'], ['operator[]', 'le']] });
		expect(high.map((relation) => Number(relation.debtor_number)).every((number) => number > 10050 && number <= 10055)).toBe(true);
		expect(high.length).toBe(all.filter((relation) => Number(relation.debtor_number) > 10050 && Number(relation.debtor_number) <= 10055).length);
		const expensive = await okResponse<Row[]>(simulator, 'materials', { query: { key: 'price', value: '1000,00', operator: 'ge' } });
		expect(expensive.length).toBeGreaterThan(0);
		expect(expensive.every((material) => Number(material.price.replace(',', '.')) >= 1000)).toBe(true);
		const notActive = await okResponse<Row[]>(simulator, 'relations', { query: { key: 'active', value: '1', operator: 'ne' } });
		expect(notActive.every((relation) => relation.active === '0')).toBe(true);
		const cheap = await okResponse<Row[]>(simulator, 'materials', { query: { key: 'price', value: '10', operator: 'lt' } });
		expect(cheap.every((material) => Number(material.price.replace(',', '.')) < 10)).toBe(true);
		const byAlias = await okResponse<Row[]>(simulator, 'address', { query: { key: 'adr_debtor_nr', value: all[1].debtor_number } });
		expect(byAlias.map((address) => address.adr_code)).toEqual([`${all[1].debtor_number}-1`]);
	});

	it('upserts the other entities and answers the count', async () => {
		const posts: Array<[string, Record<string, unknown>[]]> = [
			['employees', [{ number: '50', firstname: 'Nina', lastname: 'Bos' }]],
			['addresses', [{ adr_debtor_nr: '10001', adr_code: 'A-50', adr_line_1: 'Lindelaan 5', adr_zip: '3511 AA', adr_city: 'Utrecht' }]],
			['contactpersons', [{ cpn_debtor_nr: '10001', cpn_code: 'C-50', cpn_name: 'Nina Bos' }]],
			['material_categories', [{ mct_mat_code: 'NEW', mct_cat_code: 'CV' }, { mct_mat_code: 'NEW', mct_cat_code: 'RAD' }]],
			['categories', [{ cat_code: 'NEW', cat_name: 'Nieuw', cat_display: '1' }]],
			['hourtypes', [{ code: 'UUR-NACHT', name: 'Nachtdienst', cost_booking: '1', sale_booking: '1', sale_price: '99,5' }]],
			['projects', [{ code: 'P-50', debtor_number: '10001', status: 'Nieuw', name: 'Project', date_start: '2026-11-01' }]],
			['workstatusses', [{ sta_code: '77', sta_name: 'Naar Exact' }]],
			['paymentmethods', [{ pmd_description: 'iDEAL' }]],
			['worktypes', [{ wrt_name: 'Inspectie', wrt_description: 'Inspectie', wrt_default_minutes: '30', wrt_active: '1' }]],
			['freefields', [{ fld_entity: 'MATERIAL', fld_name: 'Kostenplaats', fld_type: 'TEXT', fld_order: '2' }]],
			['documents', [{ doc_name_ln: 'Offerte', doc_file_ln: 'offerte.pdf', doc_data: Buffer.from('%PDF-1.4').toString('base64'), drn_type: 'CUSTOMER', drn_internal_reference: '10001' }]],
		];
		for (const [endpoint, body] of posts) expect([endpoint, await okResponse(simulator, endpoint, { body })]).toEqual([endpoint, body.length]);
		expect(simulator.store.master('hourtypes').get('UUR-NACHT')?.sale_price).toBe('99.50');
		expect(simulator.store.master('material_categories').get('NEW', 'RAD')).toBeDefined();
		const documents = await okResponse<Row[]>(simulator, 'documents');
		expect(documents[0]).toMatchObject({ doc_file_ln: 'offerte.pdf' });
		expect(documents[0].doc_data).toBeUndefined();
		expect((await callApi(simulator, 'projects', { body: [{ code: 'P-51', debtor_number: '1', status: 'Nieuw', name: 'X', date_start: '01-11-2026' }] })).envelope).toMatchObject({ code: 1701, messages: ['Invalid date: date_start'] });
		expect((await callApi(simulator, 'documents', { body: [{ doc_name_ln: 'x', doc_file_ln: 'x.exe', doc_data: 'QQ==', drn_type: 'CUSTOMER', drn_internal_reference: '1' }] })).envelope.messages).toEqual(['Extension not allowed: x.exe']);
		expect((await callApi(simulator, 'documents', { body: [{ doc_name_ln: 'x', doc_file_ln: 'x.pdf', doc_data: 'not base64!', drn_type: 'CUSTOMER', drn_internal_reference: '1' }] })).envelope.messages).toEqual(['Invalid base64 in doc_data']);
		expect((await callApi(simulator, 'materials', { body: { code: 'single' } })).envelope.code).toBe(1009);
	});

	it('stores free-field values from the query string and lists them by entity, primary and column', async () => {
		expect(await okResponse(simulator, 'values', { method: 'POST', query: { val_entity: 'WORKORDER', val_primary: '169900', val_column: 'Reference', val_value_15: 'EXACT-123' } })).toBe(1);
		await okResponse(simulator, 'values', { body: [{ val_entity: 'CLIENT', val_primary: '10001', val_column: 'debiteur_number', val_value_1: 'x' }] });
		const values = await okResponse<Row[]>(simulator, 'values', { query: { val_entity: 'WORKORDER', val_primary: '169900' } });
		expect(values).toEqual([{ val_entity: 'WORKORDER', val_primary: '169900', val_column: 'Reference', val_value_15: 'EXACT-123' }]);
	});

	it('keeps work-status codes distinct from their names', async () => {
		const statuses = await okResponse<Row[]>(simulator, 'workstatusses');
		expect(statuses).toContainEqual({ sta_code: DEMO_WORKSTATUS.readyForInvoicing.code, sta_name: 'Gereed voor facturatie' });
		for (const status of statuses) expect(status.sta_code).not.toBe(status.sta_name);
	});
});
