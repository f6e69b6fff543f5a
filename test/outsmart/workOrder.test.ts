import type { IDataObject } from 'n8n-workflow';

import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { queryOf, useTestBed } from './simulatorSetup';

const bed = useTestBed();

async function runWorkOrder(parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false) {
	const result = await bed.harness.runNode({ type: 'outSmart', parameters: { resource: 'workOrder', ...parameters }, continueOnFail }, input);
	return { result, output: result.status === 'success' ? result.output(result.nodeName) : [], error: result.nodeError(result.nodeName) };
}

function statusCounts() {
	return bed.sim.state().workorders;
}

function compleetOrders() {
	return bed.sim.store.workorders.filter((workorder) => workorder.status === 'Compleet');
}

describe('OutSmart work orders on the engine against the simulator', () => {
	it('gets many Compleet orders without moving any of them to Afgehandeld', async () => {
		const before = statusCounts();
		const { output, error } = await runWorkOrder({ operation: 'getAll', status: 'Compleet', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.length).toBe(before.Compleet);
		expect(output.every((order) => order.status === 'Compleet')).toBe(true);
		expect(statusCounts()).toEqual(before);
		const calls = bed.sim.calls({ endpoint: 'GetWorkorders' });
		expect(calls).toHaveLength(1);
		expect(queryOf(calls[0]).get('update_status')).toBe('false');
	});

	it('narrows by work status and by advanced filters, and honours the limit', async () => {
		const ready = DEMO_WORKSTATUS.readyForInvoicing.code;
		const expected = compleetOrders().filter((workorder) => workorder.WorkStatus === ready);
		const byStatus = await runWorkOrder({ operation: 'getAll', status: 'Compleet', workstatus: ready, returnAll: true });
		expect(byStatus.output.map((order) => order.WorkorderNo).sort()).toEqual(expected.map((workorder) => workorder.WorkorderNo).sort());

		const target = compleetOrders()[0];
		const filtered = await runWorkOrder({
			operation: 'getAll',
			status: 'Alle',
			returnAll: true,
			filters: { conditions: [{ key: 'WorkorderNo', operator: 'eq', value: target.WorkorderNo }] },
		});
		expect(filtered.output.map((order) => order.WorkorderNo)).toEqual([target.WorkorderNo]);
		const query = queryOf(bed.sim.calls({ endpoint: 'GetWorkorders' }).at(-1)!);
		expect(query.getAll('key[]')).toEqual(['WorkorderNo']);
		expect(query.getAll('operator[]')).toEqual(['eq']);

		const limited = await runWorkOrder({ operation: 'getAll', status: 'Alle', returnAll: false, limit: 2 });
		expect(limited.output).toHaveLength(2);
	});

	it('gets one order by number and by row ID, still not processed, with normalised values on request', async () => {
		const target = compleetOrders()[0];
		const byNumber = await runWorkOrder({ operation: 'get', findBy: 'workorderNo', workorderNo: target.WorkorderNo });
		expect(byNumber.output[0].id).toBe(target.id);
		const byRow = await runWorkOrder({ operation: 'get', findBy: 'rowId', rowId: target.id, normalise: true });
		expect(byRow.output[0].WorkorderNo).toBe(target.WorkorderNo);
		expect(String(byRow.output[0].CreationDate)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(bed.sim.store.findWorkorder(target.WorkorderNo)!.status).toBe('Compleet');
		for (const call of bed.sim.calls({ endpoint: 'GetWorkorder' })) expect(queryOf(call).get('update_status')).toBe('false');
	});

	it('marks exactly one order processed with update_status=true', async () => {
		const [target, other] = compleetOrders();
		const { output } = await runWorkOrder({ operation: 'markProcessed', findBy: 'workorderNo', workorderNo: target.WorkorderNo });
		expect(output[0]).toMatchObject({ workorderNo: target.WorkorderNo, rowId: target.id, processed: true });
		expect(bed.sim.store.findWorkorder(target.WorkorderNo)!.status).toBe('Afgehandeld');
		expect(bed.sim.store.findWorkorder(other.WorkorderNo)!.status).toBe('Compleet');
		const calls = bed.sim.calls({ endpoint: 'GetWorkorder' });
		expect(calls.map((call) => queryOf(call).get('update_status'))).toEqual(['true']);
	});

	it('creates a work order from ISO dates and numbers, and reports OutSmart\'s row ID', async () => {
		const relation = bed.sim.store.master('relations').all()[0];
		const workorder = {
			WorkorderNo: 'N8N-CREATE-1',
			CustomerName: relation.name,
			CustomerDebtorNr: relation.debtor_number,
			CustomerStreet: relation.street,
			CustomerZIP: relation.postal_code,
			CustomerCity: relation.city,
			CustomerContactPerson: 'Jan',
			CustomerNameInvoice: relation.name,
			CustomerDebtorNrInvoice: relation.debtor_number,
			CustomerStreetInvoice: relation.street,
			CustomerZIPInvoice: relation.postal_code,
			CustomerCityInvoice: relation.city,
			CustomerContactPersonInvoice: 'Jan',
			TypeOfWork: 'Reparatie',
			PaymentMethod: 'op rekening',
			WorkDate: '2026-03-05',
			WorkTime: '8:30',
		};
		const { output, error } = await runWorkOrder({ operation: 'create', workorder: '={{ $json }}' }, [workorder]);
		expect(error).toBeUndefined();
		const stored = bed.sim.store.findWorkorder('N8N-CREATE-1')!;
		expect(output[0]).toEqual({ workorderNo: 'N8N-CREATE-1', rowId: stored.id });
		expect(stored.status).toBe('Klaargezet');
		expect(stored.fields.WorkDate).toBe('05-03-2026');
		expect(stored.fields.WorkTime).toBe('08:30');
	});

	it('turns a work order missing required fields (1501) into an error naming them, per item with Continue On Fail', async () => {
		const { error } = await runWorkOrder({ operation: 'create', workorder: '={{ $json }}' }, [{ WorkorderNo: 'N8N-BAD-1' }]);
		expect(error?.message).toMatch(/code 1501/);
		expect(error?.message).toMatch(/CustomerName/);
		expect(error?.description).toMatch(/required fields/);

		const { output } = await runWorkOrder({ operation: 'create', workorder: '={{ $json }}' }, [{ WorkorderNo: 'N8N-BAD-2' }, { WorkorderNo: 'N8N-BAD-3' }], true);
		expect(output).toHaveLength(2);
		expect(output.every((item) => /1501/.test(String(item.error)))).toBe(true);
	});

	it('updates date, time, employee and work status; setting the same status again is harmless', async () => {
		const target = bed.sim.store.workorders.find((workorder) => workorder.status === 'Klaargezet')!;
		const employee = bed.sim.store.employees[1];
		const parameters = {
			operation: 'update',
			findBy: 'workorderNo',
			workorderNo: target.WorkorderNo,
			updateFields: { workdate: '2026-04-01', worktime: '13:15', employeeNr: employee.number, workstatus: DEMO_WORKSTATUS.exportSucceeded.code },
		};
		const first = await runWorkOrder(parameters);
		expect(first.output[0]).toMatchObject({ changed: true, workdate: '01-04-2026', worktime: '13:15' });
		const stored = bed.sim.store.findWorkorder(target.WorkorderNo)!;
		expect(stored.WorkStatus).toBe(DEMO_WORKSTATUS.exportSucceeded.code);
		expect(stored.fields.WorkDate).toBe('01-04-2026');
		expect(stored.fields.EmployeeNr).toBe(employee.number);
		expect(stored.status).toBe('Klaargezet');

		const again = await runWorkOrder(parameters);
		expect(again.error).toBeUndefined();
		expect(again.output[0].changed).toBe(false);

		const unknown = await runWorkOrder({ operation: 'update', findBy: 'workorderNo', workorderNo: 'DOES-NOT-EXIST', updateFields: { workstatus: '1' } });
		expect(unknown.error?.message).toMatch(/1500/);
	});

	it('downloads the PDF as binary data', async () => {
		const target = compleetOrders()[0];
		const { result } = await runWorkOrder({ operation: 'downloadPdf', findBy: 'workorderNo', workorderNo: target.WorkorderNo, binaryPropertyName: 'pdf' });
		const [item] = result.items(result.nodeName);
		expect(item.json).toMatchObject({ workorderNo: target.WorkorderNo });
		expect(item.binary?.pdf.mimeType).toBe('application/pdf');
		const bytes = Buffer.from(item.binary!.pdf.data, 'base64');
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bed.sim.store.findWorkorder(target.WorkorderNo)!.status).toBe('Compleet');
	});

	it('replaces the materials of an order', async () => {
		const target = compleetOrders()[0];
		const material = bed.sim.store.materials[0];
		const { output, error } = await runWorkOrder({
			operation: 'replaceMaterials',
			findBy: 'workorderNo',
			workorderNo: target.WorkorderNo,
			materials: JSON.stringify([{ MaterialCode: material.code, MaterialNr: 3, MaterialPrice: 4.55, MaterialName: material.description, MaterialUnit: 'st' }]),
		});
		expect(error).toBeUndefined();
		expect(output[0]).toMatchObject({ rowId: target.id, materials: 1, replaced: true });
		const stored = bed.sim.store.findWorkorder(target.WorkorderNo)!;
		expect(stored.Materials.map((line) => [line.MaterialCode, line.MaterialNr, line.MaterialPrice])).toEqual([[material.code, '3', '4,55']]);
		const post = bed.sim.calls({ endpoint: 'UpdateWorkorder' }).find((call) => call.method === 'POST')!;
		expect(queryOf(post).get('ClearMaterials')).toBe('true');
	});
});

describe('OutSmart transport failures', () => {
	it('explains a refused customer token (1004) without leaking the tokens', async () => {
		const harness = new (bed.harness.constructor as typeof import('../harness').WorkflowHarness)({
			outSmartApi: { token: 'wrong-customer-token', softwareToken: bed.sim.info.softwareToken, baseUrl: bed.sim.info.baseUrl },
		});
		const result = await harness.runNode({ type: 'outSmart', parameters: { resource: 'workOrder', operation: 'getAll', status: 'Compleet' } });
		const error = result.nodeError(result.nodeName);
		expect(error?.message).toMatch(/code 1004/);
		expect(error?.description).toMatch(/customer token/);
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain(bed.sim.info.softwareToken);
	});

	it('retries a read on HTTP 500 with a bounded backoff and then succeeds', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'status', status: 503, times: 2 });
		const { output, error } = await runWorkOrder({ operation: 'getAll', status: 'Compleet', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.length).toBeGreaterThan(0);
		expect(bed.sim.callCount({ endpoint: 'GetWorkorders' })).toBe(3);
		expect(bed.sleeps).toEqual([10, 20]);
	});

	it('gives up a read after the last retry with a clear error', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'status', status: 500, times: 10 });
		const { error } = await runWorkOrder({ operation: 'getAll', status: 'Compleet' });
		expect(error?.message).toMatch(/HTTP 500/);
		expect(error?.description).toMatch(/after 4 attempt/);
		expect(bed.sim.callCount({ endpoint: 'GetWorkorders' })).toBe(4);
	});

	it('retries a read that timed out', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorder' }, fault: 'timeout', times: 1 });
		const target = compleetOrders()[0];
		const { output, error } = await runWorkOrder({ operation: 'get', findBy: 'workorderNo', workorderNo: target.WorkorderNo });
		expect(error).toBeUndefined();
		expect(output[0].WorkorderNo).toBe(target.WorkorderNo);
		expect(bed.sim.callCount({ endpoint: 'GetWorkorder' })).toBe(2);
	});

	it('never repeats a write whose outcome is unknown', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/UpdateWorkorder' }, fault: 'status', status: 502, times: 5 });
		const target = compleetOrders()[0];
		const { error } = await runWorkOrder({ operation: 'update', findBy: 'workorderNo', workorderNo: target.WorkorderNo, updateFields: { workstatus: DEMO_WORKSTATUS.paid.code } });
		expect(error?.description).toMatch(/not sent again/);
		expect(bed.sim.callCount({ endpoint: 'UpdateWorkorder' })).toBe(1);

		bed.sim.resetCalls();
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorder' }, fault: 'status', status: 500, times: 5 });
		const mark = await runWorkOrder({ operation: 'markProcessed', findBy: 'workorderNo', workorderNo: target.WorkorderNo });
		expect(mark.error).toBeDefined();
		expect(bed.sim.callCount({ endpoint: 'GetWorkorder' })).toBe(1);
	});

	it('reports an answer that is not an envelope (an HTML login page)', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'html401', times: 5 });
		const { error } = await runWorkOrder({ operation: 'getAll', status: 'Compleet' });
		expect(error?.message).toMatch(/HTTP 401/);
		expect(error?.description).toMatch(/tokens/);
	});

	it('reports a truncated JSON answer as an error instead of emitting half a list', async () => {
		bed.sim.injectFault({ match: { path: '/openapi/8/GetWorkorders' }, fault: 'malformedJson' });
		const { error, output } = await runWorkOrder({ operation: 'getAll', status: 'Compleet' });
		expect(output).toEqual([]);
		expect(error?.message).toMatch(/envelope/);
		expect(error?.description).toMatch(/"code":200|code/);
	});
});
