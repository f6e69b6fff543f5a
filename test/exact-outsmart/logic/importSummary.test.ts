import { summariseImport } from '../../../nodes/ExactOutSmart/logic/importSummary';

describe('summariseImport', () => {
	test('counts created, updated, unchanged, skipped and failed records of one run', () => {
		const summary = summariseImport({
			entity: 'Relations',
			exactRecords: 7,
			mapped: [{ debtor_number: 1 }, { debtor_number: '2' }, { debtor_number: 3 }, { debtor_number: 4 }, { error: 'no name' }],
			writes: [{ debtor_number: 1, written: true }, { debtor_number: 2, written: true }, { debtor_number: 3, error: 'refused' }],
			keyField: 'debtor_number',
			existing: [{ debtor_number: '2' }, { debtor_number: 9 }],
		});
		expect(summary).toEqual({
			entity: 'Relations',
			exactRecords: 7,
			created: 1, // 1 was not in OutSmart before the run
			updated: 1, // 2 was (keys compare as text)
			unchanged: 1, // 4 mapped, not written: it matched already
			skipped: 2, // 7 from Exact, 5 came out of the mapping
			failed: 2,
			failures: ['no name', 'refused'],
		});
	});

	test('a run that wrote nothing has nothing failed, so the cursor may move on', () => {
		expect(summariseImport({ entity: 'Materials', exactRecords: 0, mapped: [], writes: [], keyField: 'code', existing: [] })).toMatchObject({
			created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, failures: [],
		});
	});

	test('rows the mapping skipped with a reason count as skipped and their reasons are listed; a key may be several fields', () => {
		const row = (material: string, debtornr: string, price: string) => ({ material, hourtype: '', date_start: '2026-01-01', date_end: null, debtornr, price });
		const summary = summariseImport({
			entity: 'Price agreements',
			exactRecords: 4,
			mapped: [row('KNEL-15', '10001', '1.50'), row('KNEL-15', '10002', '1.60'), { skipped: true, reason: 'Price of item KNEL-15 for X applies from a quantity of 10 on' }, { error: 'account not found' }],
			writes: [
				{ ...row('KNEL-15', '10001', '1.50'), written: true },
				{ ...row('KNEL-15', '10002', '1.60'), written: true },
			],
			keyField: 'material, hourtype, debtornr, date_start',
			existing: [row('KNEL-15', '10001', '1.40')],
		});
		expect(summary).toEqual({
			entity: 'Price agreements',
			exactRecords: 4,
			created: 1,
			updated: 1,
			unchanged: 0,
			skipped: 1,
			skips: ['Price of item KNEL-15 for X applies from a quantity of 10 on'],
			failed: 1,
			failures: ['account not found'],
		});
	});
});
