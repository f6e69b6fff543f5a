import { LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { listSearch, loadOptions } from '../../nodes/ExactOnline/methods';
import { PACKAGE_PREFIX } from '../harness';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

/** A load-options context as the editor creates one for a dropdown of the node. */
function loadOptionsContext(bed: ExactTestBed, parameters: INode['parameters']): LoadOptionsContext {
	const node: INode = {
		id: 'exact',
		name: 'Exact Online',
		type: `${PACKAGE_PREFIX}.exactOnline`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { exactOnlineOAuth2Api: { id: 'cred-exactOnlineOAuth2Api', name: 'Test exactOnlineOAuth2Api' } },
	};
	const workflow = new Workflow({ id: 'dropdowns', nodes: [node], connections: {}, active: false, nodeTypes: bed.harness.nodeTypes });
	// The harness builds its additional data privately; the dropdown needs the same credentials helper.
	const harness = bed.harness as unknown as {
		additionalData(onFinished: () => void, mode: string, workflow: Workflow): IWorkflowExecuteAdditionalData;
	};
	const additionalData = { ...harness.additionalData(() => undefined, 'manual', workflow), currentNodeParameters: parameters };
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.division');
}

describe('Exact Online node: dropdowns and resource locators', () => {
	let bed: ExactTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	const division = () => bed.sim.info.division;
	const context = () => loadOptionsContext(bed, { resource: 'salesInvoice', operation: 'create', division: { __rl: true, mode: 'id', value: String(division()) } });

	it('lists divisions starting from current/Me', async () => {
		const result = await listSearch.searchDivisions.call(context());
		expect(result.results.map((entry) => entry.value)).toContain(String(division()));
		const filtered = await listSearch.searchDivisions.call(context(), 'Van der Berg');
		expect(filtered.results.length).toBeGreaterThan(0);
	});

	it('searches accounts and items by text', async () => {
		const account = bed.sim.store.list(division(), 'Accounts')[0];
		const accounts = await listSearch.searchAccounts.call(context(), String(account.Name).slice(0, 8));
		expect(accounts.results.map((entry) => entry.value)).toContain(account.ID);
		const items = await listSearch.searchItems.call(context(), 'UUR-MONTEUR');
		expect(items.results[0]).toMatchObject({ value: expect.any(String), name: expect.stringContaining('UUR-MONTEUR') });
	});

	it('loads journals, GL accounts, VAT codes, payment conditions and item groups', async () => {
		const journals = await loadOptions.getJournals.call(context());
		expect(journals.map((entry) => entry.value)).toEqual(expect.arrayContaining(['70', '71']));
		expect((await loadOptions.getGlAccounts.call(context())).length).toBe(bed.sim.store.list(division(), 'GLAccounts').length);
		const vatCodes = await loadOptions.getVatCodes.call(context());
		expect(vatCodes.every((entry) => String(entry.value) === String(entry.value).trim())).toBe(true);
		expect((await loadOptions.getPaymentConditions.call(context())).length).toBe(bed.sim.store.list(division(), 'PaymentConditions').length);
		expect((await loadOptions.getItemGroups.call(context())).length).toBe(bed.sim.store.list(division(), 'ItemGroups').length);
	});
});
