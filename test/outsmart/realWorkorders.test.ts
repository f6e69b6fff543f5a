/**
 * The OutSmart node and trigger against a simulator that behaves like the real API on the points real
 * clients ran into: UpdateWorkorder requires workdate, worktime and employee_nr; an empty GetWorkorders is
 * code 1500; orders planned in OutSmart have no WorkorderNo; PostWorkorders may be sent twice.
 */
import type { IDataObject } from 'n8n-workflow';

import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { callApi } from '../simulators/outsmart/testClient';
import { queryOf, useTestBed, triggerWorkflow } from './simulatorSetup';

const bed = useTestBed();

async function runWorkOrder(parameters: IDataObject, input: IDataObject[] = [{}]) {
	const result = await bed.harness.runNode({ type: 'outSmart', parameters: { resource: 'workOrder', ...parameters } }, input);
	return { output: result.status === 'success' ? result.output(result.nodeName) : [], error: result.nodeError(result.nodeName) };
}

describe('status updates the real API accepts (#16 point 3)', () => {
	it('the simulator refuses an UpdateWorkorder without workdate, worktime and employee_nr, as the Blueprint requires them', async () => {
		const order = bed.sim.store.workorders.find((candidate) => candidate.status === 'Compleet')!;
		const { envelope } = await callApi(bed.sim, 'UpdateWorkorder', { query: { row_id: order.id, workstatus: DEMO_WORKSTATUS.exportFailed.code } });
		expect(envelope).toMatchObject({ code: 1502, messages: ['Required field missing: workdate', 'Required field missing: worktime', 'Required field missing: employee_nr'] });
	});

	it('a status change by row id sends the order\'s own date, time and employee, and changes only the status', async () => {
		const order = bed.sim.store.workorders.find((candidate) => candidate.status === 'Compleet' && candidate.WorkorderNo === '')!;
		expect(order).toBeDefined();
		const before = { ...order.fields };
		const { output, error } = await runWorkOrder({ operation: 'update', findBy: 'rowId', rowId: order.id, updateFields: { workstatus: DEMO_WORKSTATUS.exportFailed.code } });
		expect(error).toBeUndefined();
		expect(output[0]).toMatchObject({ rowId: order.id, workstatus: DEMO_WORKSTATUS.exportFailed.code, changed: true });
		const update = queryOf(bed.sim.calls({ endpoint: 'UpdateWorkorder' })[0]);
		expect(Object.fromEntries(['row_id', 'workdate', 'worktime', 'employee_nr', 'workstatus'].map((name) => [name, update.get(name)]))).toEqual({
			row_id: order.id,
			workdate: before.WorkDate,
			worktime: before.WorkTime,
			employee_nr: before.EmployeeNr,
			workstatus: DEMO_WORKSTATUS.exportFailed.code,
		});
		expect(bed.sim.store.findWorkorderById(order.id)).toMatchObject({ WorkStatus: DEMO_WORKSTATUS.exportFailed.code, fields: expect.objectContaining({ WorkDate: before.WorkDate, EmployeeNr: before.EmployeeNr }) });
	});
});

describe('empty answers (#16 point 4)', () => {
	it('Get Many answers an empty list where OutSmart says 1500 "not found by given criteria"', async () => {
		const { output, error } = await runWorkOrder({ operation: 'getAll', status: 'Compleet', workstatus: DEMO_WORKSTATUS.error99.code, returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
		expect(bed.sim.calls({ endpoint: 'GetWorkorders' })[0].code).toBe(1500);
	});

	it('the trigger activates on a status no order is in, and fires for the first order that reaches it', async () => {
		const code = DEMO_WORKSTATUS.error99.code;
		const staticData: IDataObject = {};
		// Before the fix the first poll threw on OutSmart's 1500, so the trigger could not be activated.
		const first = await bed.harness.poll(triggerWorkflow({ mainStatus: 'Compleet', workStatuses: [code], firstActivation: 'ignoreExisting' }), { staticData });
		expect(first.polled).toBeNull();
		const added = bed.sim.addWorkorder({ status: 'Compleet', WorkorderNo: '' });
		bed.sim.clock.advance(2_000);
		bed.sim.setWorkstatus(String(added.id), code);
		const second = await bed.harness.poll(triggerWorkflow({ mainStatus: 'Compleet', workStatuses: [code], firstActivation: 'ignoreExisting' }), { staticData });
		expect((second.polled?.[0] ?? []).map((item) => item.json.id)).toEqual([added.id]);
	});
});

describe('creating orders (#16 point 1)', () => {
	it('sends skip_duplicate_workorder_no, so a repeated create does not make a second order', async () => {
		const order = {
			WorkorderNo: 'N8N-DUP-1',
			CustomerName: 'Bakkerij de Groot B.V.',
			CustomerDebtorNr: '10001',
			CustomerStreet: 'Dorpsstraat',
			CustomerZIP: '3511 AB',
			CustomerCity: 'Utrecht',
			CustomerContactPerson: 'Henk de Groot',
			CustomerNameInvoice: 'Bakkerij de Groot B.V.',
			CustomerDebtorNrInvoice: '10001',
			CustomerStreetInvoice: 'Dorpsstraat',
			CustomerZIPInvoice: '3511 AB',
			CustomerCityInvoice: 'Utrecht',
			CustomerContactPersonInvoice: 'Henk de Groot',
			TypeOfWork: 'Storing',
			PaymentMethod: 'op rekening',
		};
		const first = await runWorkOrder({ operation: 'create', workorder: '={{ $json }}' }, [order]);
		const second = await runWorkOrder({ operation: 'create', workorder: '={{ $json }}' }, [order]);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(second.output[0].rowId).toBe(first.output[0].rowId);
		expect(bed.sim.store.workorders.filter((candidate) => candidate.WorkorderNo === 'N8N-DUP-1')).toHaveLength(1);
		expect(queryOf(bed.sim.calls({ endpoint: 'PostWorkorders' })[0]).get('skip_duplicate_workorder_no')).toBe('true');
	});
});

describe('filters only where OutSmart documents them (#16 point 7)', () => {
	it('relations take advanced filters; materials do not offer them and never send them', async () => {
		const filters = { conditions: [{ key: 'city', operator: 'eq', value: 'Utrecht' }] };
		await bed.harness.runNode({ type: 'outSmart', parameters: { resource: 'relation', operation: 'getAll', returnAll: true, filters } }, [{}]);
		await bed.harness.runNode({ type: 'outSmart', parameters: { resource: 'material', operation: 'getAll', returnAll: true, filters } }, [{}]);
		const [relations, materials] = [bed.sim.calls({ endpoint: 'relations' })[0], bed.sim.calls({ endpoint: 'materials' })[0]];
		expect(decodeURIComponent(relations.query)).toContain('key[]=city');
		expect(decodeURIComponent(materials.query)).not.toContain('key');
		const { description } = await import('../../nodes/OutSmart/actions/masterData/getAll.operation');
		expect(description.find((property) => property.name === 'filters')?.displayOptions?.show?.resource).toEqual(['relation', 'freeField']);
	});
});

describe('the schedule a status change sends along (#16 point 3)', () => {
	it('is the order\'s own date, time and employee; without them the last work period\'s, else the planned employees', async () => {
		const { currentSchedule } = await import('../../nodes/OutSmart/transport/workorders');
		expect(currentSchedule({ WorkDate: '02-11-2026', WorkTime: '08:00', EmployeeNr: '3' })).toEqual({ workdate: '02-11-2026', worktime: '08:00', employeeNr: '3' });
		expect(
			currentSchedule({
				WorkDate: '',
				WorkTime: '',
				EmployeeNr: '',
				Employees: ['7'],
				Workperiods: [
					{ WorkDate: '01-11-2026', BeginTime: '07:30', EmployeeNr: '' },
					{ WorkDate: '03-11-2026', BeginTime: '13:00', EmployeeNr: '' },
				],
			}),
		).toEqual({ workdate: '03-11-2026', worktime: '13:00', employeeNr: '7' });
	});
});
