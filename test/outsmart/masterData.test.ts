import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { loadOptions } from '../../nodes/OutSmart/methods';

import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { queryOf, useTestBed } from './simulatorSetup';

const bed = useTestBed();

async function run(parameters: IDataObject, input: IDataObject[] = [{}], continueOnFail = false) {
	const result = await bed.harness.runNode({ type: 'outSmart', parameters, continueOnFail }, input);
	return { result, output: result.status === 'success' ? result.output(result.nodeName) : [], error: result.nodeError(result.nodeName) };
}

function relation(index: number): IDataObject {
	return {
		debtor_number: `N8N-${index}`,
		name: `Klant ${index} B.V.`,
		street: 'Dorpsstraat',
		house_number: String(index),
		postal_code: '3511 AB',
		city: 'Utrecht',
	};
}

describe('OutSmart master data on the engine against the simulator', () => {
	it('gets many relations, narrowed by an advanced filter', async () => {
		const all = bed.sim.store.master('relations').all();
		const { output } = await run({ resource: 'relation', operation: 'getAll', returnAll: true });
		expect(output).toHaveLength(all.length);
		const city = all[0].city;
		const filtered = await run({
			resource: 'relation',
			operation: 'getAll',
			returnAll: true,
			filters: { conditions: [{ key: 'city', operator: 'eq', value: city }] },
		});
		expect(filtered.output.length).toBe(all.filter((record) => record.city.toLowerCase() === city.toLowerCase()).length);
		expect(filtered.output.every((record) => record.city === city)).toBe(true);
	});

	it('gets materials with their free fields (the GLA) and normalises comma prices on request', async () => {
		const { output } = await run({ resource: 'material', operation: 'getAll', returnAll: true, normalise: true });
		const withGla = output.find((record) => record.freefield1 !== '' && record.freefield1 !== undefined);
		expect(withGla).toBeDefined();
		const stored = bed.sim.store.master('materials').get(String(withGla!.code))!;
		expect(typeof withGla!.price).toBe('number');
		expect(withGla!.price).toBeCloseTo(Number(stored.price.replace(/\./g, '').replace(',', '.')));
	});

	it.each([
		['workStatus', 'sta_code', Object.values(DEMO_WORKSTATUS).length],
		['workType', 'wrt_name', 6],
		['paymentMethod', 'pmd_description', 5],
		['freeField', 'fld_name', 1],
		['hourType', 'code', undefined],
		['employee', 'number', undefined],
		['project', 'code', undefined],
		['category', 'cat_code', undefined],
	])('gets many %s', async (resource, field, count) => {
		const { output, error } = await run({ resource, operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(output.length).toBeGreaterThan(0);
		if (count !== undefined) expect(output).toHaveLength(count);
		expect(output.every((record) => typeof record[field] === 'string')).toBe(true);
	});

	it('creates or updates N records with ceil(N / batch size) POSTs and reports each', async () => {
		const records = Array.from({ length: 7 }, (_, index) => relation(index + 1));
		const { output, error } = await run({ resource: 'relation', operation: 'upsert', record: '={{ $json }}', batchSize: 3 }, records);
		expect(error).toBeUndefined();
		expect(bed.sim.calls({ endpoint: 'relations' }).filter((call) => call.method === 'POST')).toHaveLength(3);
		expect(output).toHaveLength(7);
		expect(output.every((item) => item.written === true)).toBe(true);
		expect(bed.sim.store.master('relations').get('N8N-7')?.name).toBe('Klant 7 B.V.');

		// Running it again updates instead of duplicating.
		const before = bed.sim.store.master('relations').size;
		await run({ resource: 'relation', operation: 'upsert', record: '={{ $json }}', batchSize: 10 }, records.map((record) => ({ ...record, city: 'Amersfoort' })));
		expect(bed.sim.store.master('relations').size).toBe(before);
		expect(bed.sim.store.master('relations').get('N8N-3')?.city).toBe('Amersfoort');
		expect(bed.sim.calls({ endpoint: 'relations' }).filter((call) => call.method === 'POST')).toHaveLength(4);
	});

	it('writes the valid records of a refused batch and names the bad one', async () => {
		const records = [relation(21), { debtor_number: 'N8N-22', name: 'Zonder adres' }, relation(23)];
		const { output } = await run({ resource: 'relation', operation: 'upsert', record: '={{ $json }}', batchSize: 10 }, records, true);
		expect(output.map((item) => item.written === true)).toEqual([true, false, true]);
		expect(output[1].details).toMatchObject({ kind: 'outSmart.refused' });
		expect(String(output[1].error)).toMatch(/1301/);
		expect(String(output[1].error)).toMatch(/street/);
		expect(bed.sim.store.master('relations').get('N8N-21')).toBeDefined();
		expect(bed.sim.store.master('relations').get('N8N-22')).toBeUndefined();
		expect(bed.sim.store.master('relations').get('N8N-23')).toBeDefined();

		const stopped = await run({ resource: 'relation', operation: 'upsert', record: '={{ $json }}', batchSize: 10 }, records);
		expect(stopped.error?.message).toMatch(/1 of 3 relation record\(s\) were not written; the first \(item 1\)/);
	});

	it('sends the records OutSmart refused to the error output, with their kind; the written ones go on (#19)', async () => {
		const records = [relation(31), { debtor_number: 'N8N-32', name: 'Zonder adres' }, relation(33)];
		const result = await bed.harness.runNode(
			{ type: 'outSmart', parameters: { resource: 'relation', operation: 'upsert', record: '={{ $json }}', batchSize: 10 }, onError: 'continueErrorOutput' },
			records,
		);
		expect(result.status).toBe('success');
		expect(result.output(result.nodeName, 0).map((item) => item.debtor_number)).toEqual(['N8N-31', 'N8N-33']);
		const failed = result.output(result.nodeName, 1);
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ debtor_number: 'N8N-32', details: { kind: 'outSmart.refused' } });
		expect(String(failed[0].error)).toMatch(/1301/);
	});

	it('does not resend a batch whose outcome is unknown', async () => {
		bed.sim.injectFault({ match: { method: 'POST', path: '/openapi/8/materials' }, fault: 'status', status: 500 });
		const records = [{ code: 'N8N-M1', description: 'Kraan', price: 12.5, unit: 'st' }];
		const { output } = await run({ resource: 'material', operation: 'upsert', record: '={{ $json }}', batchSize: 5 }, records, true);
		expect(output[0].written).not.toBe(true);
		expect(output[0].details).toMatchObject({ kind: 'outSmart.unavailable' });
		expect(bed.sim.calls({ endpoint: 'materials' }).filter((call) => call.method === 'POST')).toHaveLength(1);

		const again = await run({ resource: 'material', operation: 'upsert', record: '={{ $json }}', batchSize: 5 }, records);
		expect(again.output[0]).toMatchObject({ written: true, price: '12,50' });
		expect(bed.sim.store.master('materials').get('N8N-M1')?.price).toBe('12,50');
	});

	it('creates or updates hour types, employees, projects, categories and payment methods', async () => {
		const cases: Array<[string, string, IDataObject, () => unknown]> = [
			['hourType', 'hourtypes', { code: 'N8N-U', name: 'Monteur', cost_booking: '0', sale_booking: '1', sale_price: '65,5', active: '1' }, () => bed.sim.store.master('hourtypes').get('N8N-U')?.sale_price],
			['employee', 'employees', { number: '9901', firstname: 'Piet', lastname: 'Jansen' }, () => bed.sim.store.master('employees').get('9901')?.lastname],
			['category', 'categories', { cat_code: 'N8N-C', cat_name: 'Sanitair', cat_display: '1' }, () => bed.sim.store.master('categories').get('N8N-C')?.cat_name],
			['paymentMethod', 'paymentmethods', { pmd_description: 'iDEAL' }, () => bed.sim.store.master('paymentmethods').get('iDEAL')?.pmd_description],
		];
		for (const [resource, , record, read] of cases) {
			const { output, error } = await run({ resource, operation: 'upsert', record: '={{ $json }}', batchSize: 100 }, [record]);
			expect({ resource, error: error?.message }).toEqual({ resource, error: undefined });
			expect(output[0].written).toBe(true);
			expect(read()).toBeDefined();
		}
		expect(bed.sim.store.master('hourtypes').get('N8N-U')?.sale_price).toBe('65.50');
		const relationDebtor = bed.sim.store.master('relations').all()[0].debtor_number;
		const project = await run(
			{ resource: 'project', operation: 'upsert', record: '={{ $json }}', batchSize: 100 },
			[{ code: 'N8N-P', debtor_number: relationDebtor, status: 'Nieuw', name: 'Renovatie', date_start: '05-03-2026' }],
		);
		expect(project.error).toBeUndefined();
		expect(bed.sim.store.master('projects').get('N8N-P')?.date_start).toBe('2026-03-05');
	});

	it('deletes by the natural key and reports nothing deleted for an unknown value', async () => {
		await run({ resource: 'relation', operation: 'upsert', record: '={{ $json }}', batchSize: 10 }, [relation(31)]);
		const { output } = await run({ resource: 'relation', operation: 'delete', deleteKey: 'debtor_number', deleteValue: 'N8N-31' });
		expect(output[0]).toEqual({ deleted: true, count: 1, debtor_number: 'N8N-31' });
		expect(bed.sim.store.master('relations').get('N8N-31')).toBeUndefined();
		const call = bed.sim.calls({ endpoint: 'DeleteEntity' })[0];
		expect(queryOf(call).get('delete_all')).toBe('false');
		expect(queryOf(call).get('entity')).toBe('relation');

		const none = await run({ resource: 'material', operation: 'delete', deleteKey: 'code', deleteValue: 'NO-SUCH-CODE' });
		expect(none.output[0]).toMatchObject({ deleted: false, count: 0 });
	});

	it('uploads a document from binary input, linked to a customer and a work order', async () => {
		const debtor = bed.sim.store.master('relations').all()[0].debtor_number;
		const workorderNo = bed.sim.store.workorders[0].WorkorderNo;
		const pdf = Buffer.from('%PDF-1.4\n% test document\n');
		const input = [{ json: {}, binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'offerte.pdf' } } }];
		const result = await bed.harness.runNode(
			{ type: 'outSmart', parameters: { resource: 'document', operation: 'upload', binaryPropertyName: 'data', linkType: 'CUSTOMER', reference: debtor, options: { workorderNo } } },
			input,
		);
		expect(result.nodeError(result.nodeName)).toBeUndefined();
		expect(result.output(result.nodeName)[0]).toMatchObject({ uploaded: true, fileName: 'offerte.pdf', size: pdf.length });
		const stored = bed.sim.store.master('documents').all().find((record) => record.doc_file_ln === 'offerte.pdf')!;
		expect(stored).toMatchObject({ drn_type: 'CUSTOMER', drn_internal_reference: debtor, doc_workorder: workorderNo });
		expect(Buffer.from(stored.doc_data, 'base64').equals(pdf)).toBe(true);
	});

	it('loads work statuses, work types and payment methods as dropdown options', async () => {
		// A minimal load-options context: n8n signs the request with the credential's query tokens.
		const credentials = { token: bed.sim.info.token, softwareToken: bed.sim.info.softwareToken, baseUrl: bed.sim.info.baseUrl };
		const context = {
			getNode: () => ({ id: 'n', name: 'OutSmart', type: 'outSmart', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => credentials,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					const url = new URL(options.url);
					for (const [key, value] of Object.entries({ ...(options.qs ?? {}), token: credentials.token, software_token: credentials.softwareToken })) {
						url.searchParams.append(key, String(value));
					}
					return (await fetch(url)).json();
				},
			},
		} as unknown as ILoadOptionsFunctions;
		const statuses = await loadOptions.getWorkStatuses.call(context);
		expect(statuses).toContainEqual({ name: `${DEMO_WORKSTATUS.exportSucceeded.name} (${DEMO_WORKSTATUS.exportSucceeded.code})`, value: DEMO_WORKSTATUS.exportSucceeded.code });
		expect(statuses).toHaveLength(Object.values(DEMO_WORKSTATUS).length);
		expect((await loadOptions.getWorkTypes.call(context)).map((option) => option.value)).toContain('Reparatie');
		expect((await loadOptions.getPaymentMethods.call(context)).map((option) => option.value)).toContain('op rekening');
		expect((await loadOptions.getFreeFields.call(context))[0]).toEqual({ name: 'MATERIAL: Grootboekrekening (slot 1)', value: 'MATERIAL:1' });
	});
});
