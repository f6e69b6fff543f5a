/**
 * The relations import template, as shipped, on n8n's engine against both simulators, as scheduled runs
 * sharing the workflow's static data (the remembered sync cursor): the first run brings every customer and
 * prospect over, a run without changes costs one Exact call and writes nothing, a changed account is the
 * only one read and written next time, and a failed write keeps the cursor so the change is read again.
 */
import type { IDataObject } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { exactRows, loadTemplate, outSmartRecords, outSmartWrites, useStack } from './setup';

const FILE = 'import-relations.json';

function trimmed(value: unknown): string {
	return String(value ?? '').trim();
}

describe('Template: import relations', () => {
	const stack = useStack({ workorderCount: 0 });
	const staticData: IDataObject = {};
	const runScheduled = async () => await stack.harness.run(loadTemplate(FILE), { mode: 'trigger', startNode: 'Every Hour', staticData });
	const accountCalls = () => stack.exact.calls().filter((call) => call.path.startsWith('/api/v1/'));

	test('the first run imports every customer and prospect, blocked ones as inactive, and reports it', async () => {
		const run = await runScheduled();
		expect(run.error?.message).toBeUndefined();
		expect(run.status).toBe('success');

		const accounts = exactRows(stack, 'Accounts').filter((account) => ['C', 'P'].includes(String(account.Status)));
		const relations = new Map(outSmartRecords(stack, 'relations').map((relation) => [String(relation.debtor_number), relation]));
		for (const account of accounts) {
			const relation = relations.get(trimmed(account.Code));
			expect({ code: trimmed(account.Code), name: relation?.name, active: relation?.active, payment: relation?.payment_condition }).toEqual({
				code: trimmed(account.Code),
				name: account.Name,
				active: account.Blocked ? '0' : '1',
				payment: trimmed(account.PaymentConditionSales),
			});
		}
		const [summary] = run.output('Relations Summary');
		expect(summary).toMatchObject({ entity: 'Relations', failed: 0 });
		expect((summary.created as number) + (summary.updated as number) + (summary.unchanged as number)).toBe(accounts.length);
		expect(summary.updated as number).toBeGreaterThan(0);
		expect(summary.skipped).toBe((summary.exactRecords as number) - accounts.length);
		// Accounts carry only the main contact's ID (picqer Account.php, bramkn): its name comes from the contacts
		// sync feed, read in bulk (one call per 1000 contacts), never as an empty value.
		const contactNames = new Map(exactRows(stack, 'Contacts').map((contact) => [String(contact.ID), String(contact.FullName)]));
		for (const account of accounts) {
			expect(relations.get(trimmed(account.Code))?.contact).toBe(contactNames.get(String(account.MainContact)));
		}
		const contactReads = stack.exact.calls().filter((call) => call.path.endsWith('/sync/CRM/Contacts'));
		expect(contactReads).toHaveLength(Math.ceil(contactNames.size / 1000));
	});

	test('a second run without changes makes one Exact call for accounts and writes nothing to OutSmart', async () => {
		stack.exact.resetCalls();
		stack.outSmart.resetCalls();
		const run = await runScheduled();
		expect(run.status).toBe('success');
		expect(accountCalls().map((call) => `${call.method} ${call.path}`)).toEqual([`GET /api/v1/${DEMO_DIVISION}/sync/CRM/Accounts`]);
		expect(outSmartWrites(stack)).toBe(0);
		expect(run.executedNodes).not.toContain('Upsert Relations');
		expect(run.output('Relations Summary')[0]).toMatchObject({ exactRecords: 0, created: 0, updated: 0, failed: 0 });
	});

	test('after one account changes in Exact, the next run writes exactly that relation', async () => {
		const account = exactRows(stack, 'Accounts').find((row) => row.Status === 'C' && !row.Blocked)!;
		stack.exact.updateEntity(DEMO_DIVISION, 'Accounts', String(account.ID), { City: 'Zwolle', Name: `${String(account.Name)} (nieuw)` });
		stack.outSmart.resetCalls();
		const run = await runScheduled();
		expect(run.status).toBe('success');
		expect(run.output('Get Exact Accounts').map((row) => row.ID)).toEqual([account.ID]);
		const written = run.output('Upsert Relations');
		expect(written.map((item) => item.debtor_number)).toEqual([trimmed(account.Code)]);
		expect(stack.outSmart.calls().filter((call) => call.method === 'POST').map((call) => call.endpoint)).toEqual(['relations']);
		const relation = outSmartRecords(stack, 'relations').find((record) => record.debtor_number === trimmed(account.Code));
		expect(relation).toMatchObject({ city: 'Zwolle', name: `${String(account.Name)} (nieuw)` });
		expect(run.output('Relations Summary')[0]).toMatchObject({ created: 0, updated: 1, failed: 0 });
	});

	test('a changed main contact name reaches OutSmart, and a contact Exact does not name is left as it is', async () => {
		const [named, unnamed] = exactRows(stack, 'Accounts').filter((row) => row.Status === 'C' && !row.Blocked).slice(2, 4);
		stack.exact.updateEntity(DEMO_DIVISION, 'Contacts', String(named.MainContact), { FirstName: 'Jan', LastName: 'de Vries', FullName: 'Jan de Vries' });
		stack.exact.updateEntity(DEMO_DIVISION, 'Accounts', String(named.ID), { City: 'Deventer' });
		stack.outSmart.store.master('relations').upsert({ debtor_number: trimmed(unnamed.Code), contact: 'Handmatig ingevuld' });
		stack.exact.updateEntity(DEMO_DIVISION, 'Accounts', String(unnamed.ID), { City: 'Hengelo', MainContact: null });
		stack.exact.resetCalls();
		const run = await runScheduled();
		expect(run.status).toBe('success');
		const relation = (account: IDataObject) => outSmartRecords(stack, 'relations').find((record) => record.debtor_number === trimmed(account.Code));
		expect(relation(named)).toMatchObject({ city: 'Deventer', contact: 'Jan de Vries' });
		expect(relation(unnamed)).toMatchObject({ city: 'Hengelo', contact: 'Handmatig ingevuld' });
		expect(stack.exact.calls().filter((call) => call.path.endsWith('/sync/CRM/Contacts'))).toHaveLength(1);
	});

	test('a new account is created and counted as created', async () => {
		const template = exactRows(stack, 'Accounts').find((row) => row.Status === 'C' && !row.Blocked)!;
		const code = '999001';
		stack.exact.setEntity(DEMO_DIVISION, 'Accounts', { ...template, ID: undefined, Code: code.padStart(18, ' '), Name: 'Nieuwe Klant B.V.' } as IDataObject as never);
		const run = await runScheduled();
		expect(run.output('Relations Summary')[0]).toMatchObject({ created: 1, updated: 0 });
		expect(outSmartRecords(stack, 'relations').find((record) => record.debtor_number === code)).toMatchObject({ name: 'Nieuwe Klant B.V.' });
	});

	test('a failed write keeps the cursor: the next run reads the same change again and then moves on', async () => {
		const account = exactRows(stack, 'Accounts').filter((row) => row.Status === 'C' && !row.Blocked)[1];
		stack.exact.updateEntity(DEMO_DIVISION, 'Accounts', String(account.ID), { City: 'Kampen' });
		stack.outSmart.injectFault({ match: { path: 'relations', method: 'POST' }, fault: 'status', status: 500, times: 10 });
		const failed = await runScheduled();
		expect(failed.output('Relations Summary')[0]).toMatchObject({ failed: 1 });
		expect(failed.executedNodes).not.toContain('Confirm Accounts Cursor');
		stack.outSmart.clearFaults();

		stack.exact.resetCalls();
		const retried = await runScheduled();
		expect(accountCalls().filter((call) => call.path.endsWith('/sync/CRM/Accounts'))).toHaveLength(1);
		expect(retried.output('Upsert Relations').map((item) => item.debtor_number)).toEqual([trimmed(account.Code)]);
		expect(outSmartRecords(stack, 'relations').find((record) => record.debtor_number === trimmed(account.Code))).toMatchObject({ city: 'Kampen' });
		expect(retried.executedNodes).toContain('Confirm Accounts Cursor');

		stack.outSmart.resetCalls();
		const quiet = await runScheduled();
		expect(quiet.output('Relations Summary')[0]).toMatchObject({ exactRecords: 0, failed: 0 });
		expect(outSmartWrites(stack)).toBe(0);
	});

	test('a run without the remembered cursor (such as a manual run, whose static data n8n does not keep) reads every account again', async () => {
		stack.exact.resetCalls();
		const manual = await stack.harness.run(loadTemplate(FILE), { startNode: 'Run Now' });
		expect(manual.status).toBe('success');
		expect(manual.output('Relations Summary')[0].exactRecords).toBe(exactRows(stack, 'Accounts').length);
	});
});
