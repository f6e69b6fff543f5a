import { DEMO_WORKSTATUS, startOutSmartSimulator, type OutSmartSimulator } from './index';
import { callApi, okResponse } from './testClient';

type ApiWorkorder = Record<string, unknown> & {
	id: string;
	WorkorderNo: string;
	status: string;
	WorkStatus: string;
	PdfUrl: string;
	Materials: Array<Record<string, string>>;
	Workperiods: Array<Record<string, string>>;
	StatusChanges: Array<{ status: string; timestamp: string; user: string }>;
};

function postedWorkorder(workorderNo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const customer = { Name: 'Bakkerij de Groot B.V.', DebtorNr: '10001', Street: 'Dorpsstraat', ZIP: '3511 AB', City: 'Utrecht', ContactPerson: 'Henk de Groot' };
	const fields: Record<string, unknown> = { WorkorderNo: workorderNo, TypeOfWork: 'Storing', PaymentMethod: 'op rekening', WorkDate: '03-11-2026', WorkTime: '09:30' };
	for (const [name, value] of Object.entries(customer)) {
		fields[`Customer${name}`] = value;
		fields[`Customer${name}Invoice`] = value;
	}
	return { ...fields, ...overrides };
}

describe('OutSmart simulator: work orders', () => {
	let simulator: OutSmartSimulator;
	beforeEach(async () => {
		simulator = await startOutSmartSimulator({ relationCount: 40, itemCount: 60, workorderCount: 20, startTime: Date.UTC(2026, 10, 2, 12), timeScale: 0 });
	});
	afterEach(() => simulator.close());

	describe('PostWorkorders', () => {
		it('creates orders in status Klaargezet and answers [{workorder_no, row_id}]', async () => {
			const created = await okResponse<Array<{ workorder_no: string; row_id: number }>>(simulator, 'PostWorkorders', {
				body: [
					postedWorkorder('EXT-1', { Materials: [{ MaterialCode: 'X1', MaterialNr: '2', MaterialPrice: '4,55', MaterialName: 'Knelkoppeling' }] }),
					postedWorkorder('EXT-2'),
				],
			});
			expect(created.map((entry) => entry.workorder_no)).toEqual(['EXT-1', 'EXT-2']);
			expect(typeof created[0].row_id).toBe('number');
			const fetched = await okResponse<ApiWorkorder>(simulator, 'GetWorkorder', { query: { row_id: String(created[0].row_id), update_status: 'false' } });
			expect(fetched).toMatchObject({ id: String(created[0].row_id), WorkorderNo: 'EXT-1', status: 'Klaargezet', WorkFinished: '0', WorkDate: '03-11-2026' });
			expect(fetched.Materials[0]).toMatchObject({ MaterialNr: '2', MaterialPrice: '4,55', MaterialTotalPrice: '9,10' });
			expect(fetched.CreationDate).toBe('2026-11-02 13:00');
		});

		it('answers 1501 with one "Required field missing" message per field', async () => {
			const { envelope } = await callApi(simulator, 'PostWorkorders', { body: [{ WorkorderNo: 'EXT-3', CustomerName: 'X' }] });
			expect(envelope.code).toBe(1501);
			expect(envelope.messages).toContain('Required field missing: CustomerDebtorNr');
			expect(envelope.messages).toContain('Required field missing: TypeOfWork');
			expect(envelope.messages).toContain('Required field missing: PaymentMethod');
			expect(envelope.messages).not.toContain('Required field missing: CustomerName');
			expect(envelope.response).toBeNull();
			expect(simulator.store.findWorkorder('EXT-3')).toBeUndefined();
		});

		it('checks required material fields and rejects the whole batch, naming the record', async () => {
			const { envelope } = await callApi(simulator, 'PostWorkorders', {
				body: [postedWorkorder('EXT-4'), postedWorkorder('EXT-5', { Materials: [{ MaterialCode: 'X1', MaterialNr: '1' }] })],
			});
			expect(envelope.code).toBe(1501);
			expect(envelope.messages).toEqual(['Required field missing: [1].Materials[0].MaterialPrice', 'Required field missing: [1].Materials[0].MaterialName']);
			expect(simulator.store.findWorkorder('EXT-4')).toBeUndefined();
		});

		it('refuses a work-order number that already exists and a malformed date', async () => {
			await okResponse(simulator, 'PostWorkorders', { body: [postedWorkorder('EXT-6')] });
			expect((await callApi(simulator, 'PostWorkorders', { body: [postedWorkorder('EXT-6')] })).envelope.code).toBe(1501);
			const badDate = await callApi(simulator, 'PostWorkorders', { body: [postedWorkorder('EXT-7', { WorkDate: '2026-11-03' })] });
			expect(badDate.envelope.code).toBe(1504);
		});
	});

	describe('GetWorkorders', () => {
		it('requires a valid status', async () => {
			expect((await callApi(simulator, 'GetWorkorders')).envelope).toMatchObject({ code: 1501, messages: ['Required field missing: status'] });
			expect((await callApi(simulator, 'GetWorkorders', { query: { status: 'Done' } })).envelope.code).toBe(1501);
		});

		it('filters on status (Alle = every order) and on workstatus', async () => {
			const all = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false' } });
			expect(all).toHaveLength(20);
			expect(new Set(all.map((order) => order.status))).toEqual(new Set(['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld']));
			for (const status of ['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld']) {
				const some = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status, update_status: 'false' } });
				expect(some.length).toBeGreaterThan(0);
				expect(some.every((order) => order.status === status)).toBe(true);
			}
			const ready = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Compleet', workstatus: DEMO_WORKSTATUS.readyForInvoicing.code, update_status: 'false' } });
			expect(ready.length).toBeGreaterThan(0);
			expect(ready.every((order) => order.WorkStatus === DEMO_WORKSTATUS.readyForInvoicing.code)).toBe(true);
		});

		it('applies advanced key[]/value[]/operator[] filters, ANDed, and refuses unknown columns and operators', async () => {
			const all = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false' } });
			const debtor = String(all[5].CustomerDebtorNr);
			const byDebtor = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', {
				query: [['status', 'Alle'], ['update_status', 'false'], ['key[]', 'CustomerDebtorNr'], ['value[]', debtor], ['operator[]', 'eq']],
			});
			expect(byDebtor.length).toBeGreaterThan(0);
			expect(byDebtor.every((order) => order.CustomerDebtorNr === debtor)).toBe(true);
			const later = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', {
				query: [['status', 'Alle'], ['update_status', 'false'], ['key[0]', 'WorkDate'], ['value[0]', String(all[15].WorkDate)], ['operator[0]', 'ge'], ['key[1]', 'WorkorderNo'], ['value[1]', 'WO-26'], ['operator[1]', 'li']],
			});
			// Orders planned in OutSmart itself have no WorkorderNo, so 'li WO-26' leaves them out.
			expect(later.map((order) => order.WorkorderNo)).toEqual(all.slice(15).map((order) => order.WorkorderNo).filter((number) => number !== ''));
			const single = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false', key: 'WorkorderNo', value: all[3].WorkorderNo } });
			expect(single.map((order) => order.WorkorderNo)).toEqual([all[3].WorkorderNo]);
			const unknown = await callApi(simulator, 'GetWorkorders', { query: { status: 'Alle', key: 'modified_since', value: 'x', update_status: 'false' } });
			expect(unknown.envelope).toMatchObject({ code: 1007, messages: ['Unknown filter column: modified_since'] });
			const badOperator = await callApi(simulator, 'GetWorkorders', { query: { status: 'Alle', key: 'WorkorderNo', value: 'x', operator: 'like', update_status: 'false' } });
			expect(badOperator.envelope.code).toBe(1007);
		});

		it('returns full work orders with materials (free fields), work periods (hour type), PDF URL and status changes', async () => {
			const complete = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: 'false' } });
			const order = complete[0];
			expect(order.WorkFinished).toBe('1');
			expect(order.Materials.length).toBeGreaterThan(0);
			expect(Object.keys(order.Materials[0])).toEqual(expect.arrayContaining(['MaterialCode', 'MaterialNr', 'MaterialPrice', 'MaterialName', 'MaterialFreeField1', 'MaterialFreeField5', 'MaterialTotalPrice']));
			expect(order.Materials[0].MaterialPrice).toMatch(/^\d+,\d{2}$/);
			expect(order.Workperiods[0]).toMatchObject({ HourType: expect.stringMatching(/^UUR-/), TotalTime: expect.stringMatching(/^\d{2}:\d{2}$/) });
			expect(order.PdfUrl).toContain(`${simulator.info.baseUrl.replace('/openapi/8', '')}/mailpdf.php?action=display&sheet_id=`);
			expect(order.StatusChanges.map((change) => change.status)).toEqual(expect.arrayContaining(['Klaargezet', 'Opgehaald', 'Compleet']));
			for (const value of Object.values(order)) if (!Array.isArray(value)) expect(typeof value).toBe('string');
		});
	});

	describe('the update_status trap', () => {
		it('moves every fetched Compleet order to Afgehandeld when update_status is left out, with a status change', async () => {
			const before = simulator.seed.workordersByStatus.Compleet.length;
			expect(before).toBeGreaterThan(0);
			const fetched = await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Compleet' } });
			expect(fetched).toHaveLength(before);
			// The answer shows what was read; the store has moved on.
			expect(fetched.every((order) => order.status === 'Compleet')).toBe(true);
			const after = await callApi(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: 'false' } });
			expect(after.envelope).toEqual({ code: 1500, messages: ['Workorder not found by given criteria.'], response: null });
			const moved = simulator.getWorkorder(fetched[0].id) as ApiWorkorder;
			expect(moved.status).toBe('Afgehandeld');
			expect(moved.StatusChanges.at(-1)).toMatchObject({ status: 'Afgehandeld', user: 'OpenAPI' });
		});

		it('leaves orders alone with update_status=false (or 0), and moves only Compleet ones with status=Alle', async () => {
			await okResponse(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: 'false' } });
			await okResponse(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: '0' } });
			expect(simulator.state().workorders.Compleet).toBe(simulator.seed.workordersByStatus.Compleet.length);
			const counts = simulator.state().workorders;
			await okResponse(simulator, 'GetWorkorders', { query: { status: 'Alle' } });
			expect(simulator.state().workorders).toEqual({ ...counts, Compleet: 0, Afgehandeld: counts.Afgehandeld + counts.Compleet });
		});

		it('GetWorkorder acknowledges one order by default and not with update_status=false', async () => {
			const [first, second] = simulator.seed.workordersByStatus.Compleet;
			const read = await okResponse<ApiWorkorder>(simulator, 'GetWorkorder', { query: { workorder_no: first, update_status: 'false' } });
			expect(read.status).toBe('Compleet');
			expect(simulator.store.findWorkorder(first)?.status).toBe('Compleet');
			await okResponse(simulator, 'GetWorkorder', { query: { row_id: read.id, update_status: 'true' } });
			expect(simulator.store.findWorkorder(first)?.status).toBe('Afgehandeld');
			await okResponse(simulator, 'GetWorkorder', { query: { workorder_no: second } });
			expect(simulator.store.findWorkorder(second)?.status).toBe('Afgehandeld');
		});

		it('GetWorkorder answers 1500 for an unknown order and 1501 without an identifier', async () => {
			expect((await callApi(simulator, 'GetWorkorder', { query: { workorder_no: 'NOPE' } })).envelope.code).toBe(1500);
			expect((await callApi(simulator, 'GetWorkorder', { query: { row_id: '1' } })).envelope.code).toBe(1500);
			expect((await callApi(simulator, 'GetWorkorder')).envelope.code).toBe(1501);
		});
	});

	describe('UpdateWorkorder', () => {
		it('updates date, time, employee and work status (codes only) and logs the work-status change', async () => {
			const workorderNo = simulator.seed.workordersByStatus.Klaargezet[0];
			const response = await callApi(simulator, 'UpdateWorkorder', {
				query: { workorder_no: workorderNo, workdate: '24-12-2026', worktime: '07:45', employee_nr: '3', workstatus: DEMO_WORKSTATUS.exportSucceeded.code },
			});
			expect(response.envelope).toEqual({ code: 200, messages: [], response: null });
			const order = simulator.getWorkorder(workorderNo) as ApiWorkorder;
			expect(order).toMatchObject({ WorkDate: '24-12-2026', WorkTime: '07:45', EmployeeNr: '3', WorkStatus: DEMO_WORKSTATUS.exportSucceeded.code });
			expect(order.StatusChanges.at(-1)).toMatchObject({ status: DEMO_WORKSTATUS.exportSucceeded.code, user: 'OpenAPI' });
		});

		it('answers 1500, 1502, 1503 and 1504 as documented', async () => {
			const workorderNo = simulator.seed.workordersByStatus.Opgehaald[0];
			expect((await callApi(simulator, 'UpdateWorkorder', { query: { workorder_no: 'NOPE', workdate: '01-01-2027' } })).envelope.code).toBe(1500);
			expect((await callApi(simulator, 'UpdateWorkorder', { query: { workorder_no: workorderNo } })).envelope).toMatchObject({ code: 1502 });
			const order = simulator.getWorkorder(workorderNo) as ApiWorkorder;
			const same = { workdate: String(order.WorkDate), worktime: String(order.WorkTime), employee_nr: String(order.EmployeeNr) };
			expect((await callApi(simulator, 'UpdateWorkorder', { query: { workorder_no: workorderNo, ...same } })).envelope).toMatchObject({ code: 1503, messages: ['No data changed'] });
			const invalid = await callApi(simulator, 'UpdateWorkorder', { query: { workorder_no: workorderNo, workdate: '31-02-2026', worktime: '7:5', employee_nr: '999' } });
			expect(invalid.envelope).toEqual({ code: 1504, messages: ['Date invalid. Format: 20-02-2016', 'Time invalid. Format: 07:08', 'Employee not updated'], response: null });
			const byName = await callApi(simulator, 'UpdateWorkorder', { query: { row_id: order.id, ...same, workstatus: 'Export gelukt' } });
			expect(byName.envelope.code).toBe(1504);
			expect(simulator.getWorkorder(workorderNo)).toMatchObject({ WorkDate: order.WorkDate, WorkStatus: order.WorkStatus });
		});

		it('POST replaces material lines with ClearMaterials=true and appends them otherwise', async () => {
			const order = simulator.getWorkorder(simulator.seed.workordersByStatus.Compleet[0]) as ApiWorkorder;
			const line = { MaterialCode: 'EXTRA-1', MaterialNr: '1,5', MaterialPrice: '10,00', MaterialName: 'Extra', MaterialFreeField1: '8000' };
			await okResponse(simulator, 'UpdateWorkorder', { query: { row_id: order.id, ClearMaterials: 'false', ProcessMaterials: 'false' }, body: [line] });
			expect((simulator.getWorkorder(order.WorkorderNo) as ApiWorkorder).Materials).toHaveLength(order.Materials.length + 1);
			await okResponse(simulator, 'UpdateWorkorder', { query: { row_id: order.id, ClearMaterials: 'true' }, body: [line] });
			const materials = (simulator.getWorkorder(order.WorkorderNo) as ApiWorkorder).Materials;
			expect(materials).toHaveLength(1);
			expect(materials[0]).toMatchObject({ MaterialNr: '1,5', MaterialTotalPrice: '15,00', MaterialFreeField1: '8000' });
			expect((await callApi(simulator, 'UpdateWorkorder', { query: { row_id: order.id }, body: [{ MaterialCode: 'X' }] })).envelope.code).toBe(1501);
		});
	});

	describe('DeleteEntity', () => {
		it('deletes a work order by number and refuses delete_all on work orders', async () => {
			const workorderNo = simulator.seed.workordersByStatus.Klaargezet[0];
			expect(await okResponse(simulator, 'DeleteEntity', { query: { entity: 'workorder', key: 'workorder_no', value: workorderNo, delete_all: 'false' } })).toBe(1);
			expect(simulator.store.findWorkorder(workorderNo)).toBeUndefined();
			expect((await callApi(simulator, 'DeleteEntity', { query: { entity: 'workorder', delete_all: 'true' } })).envelope).toMatchObject({ code: 1600, messages: ['Delete all not allowed on Workorder entity'] });
			expect((await callApi(simulator, 'DeleteEntity', { query: { entity: 'materials', key: 'code', value: 'x', delete_all: 'false' } })).envelope).toMatchObject({ code: 1600, messages: ['Entity: materials not found'] });
			expect((await callApi(simulator, 'DeleteEntity', { query: { entity: 'material', key: 'codes', value: 'x', delete_all: 'false' } })).envelope).toMatchObject({ code: 1600, messages: ['Key: codes not allowed for entity: material'] });
		});

		it('deletes master data by key, and every relation with delete_all=true', async () => {
			const code = simulator.store.materials[0].code;
			expect(await okResponse(simulator, 'DeleteEntity', { query: { entity: 'material', key: 'code', value: code, delete_all: 'false' } })).toBe(1);
			expect(simulator.store.master('materials').get(code)).toBeUndefined();
			const relationCount = simulator.store.relations.length;
			expect(await okResponse(simulator, 'DeleteEntity', { query: { entity: 'relation', delete_all: 'true' } })).toBe(relationCount);
			expect(simulator.store.relations).toHaveLength(0);
		});
	});

	describe('work-order PDF', () => {
		it('serves a real, small PDF that names the work order', async () => {
			const order = (await okResponse<ApiWorkorder[]>(simulator, 'GetWorkorders', { query: { status: 'Compleet', update_status: 'false' } }))[0];
			const response = await fetch(order.PdfUrl);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			const bytes = Buffer.from(await response.arrayBuffer());
			const text = bytes.toString('latin1');
			expect(text.startsWith('%PDF-')).toBe(true);
			expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
			expect(text).toContain(order.WorkorderNo);
			// The xref offsets must point at the objects, or readers reject the file.
			const xrefAt = Number(/startxref\n(\d+)/.exec(text)?.[1]);
			expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
			const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
			expect(offsets).toHaveLength(5);
			offsets.forEach((offset, index) => expect(text.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`));
			expect(bytes.length).toBeLessThan(10_000);
			expect((await fetch(order.PdfUrl.replace(/sheet_id=.*/, 'sheet_id=unknown'))).status).toBe(404);
		});
	});
});
