import type { ExportStart, ExportTrigger } from '../../../nodes/ExactOutSmart/logic/exportTriggers';
import { findTriggerProblems, finishedDate, isBeforeCutOver, selectTrigger } from '../../../nodes/ExactOutSmart/logic/exportTriggers';
import { trigger, workorder } from '../fixtures';

describe('findTriggerProblems', () => {
	const cases: Array<{ name: string; triggers: ExportTrigger[]; start: ExportStart; expected: RegExp[] }> = [
		{ name: 'one manual trigger is valid', triggers: [trigger()], start: 'manual', expected: [] },
		{
			name: 'three modes on three statuses are valid',
			triggers: [
				trigger({ name: 'A', workstatus: 'EXP-ALL', mode: 'materialsAndHours' }),
				trigger({ name: 'B', workstatus: 'EXP-MAT', mode: 'materialsOnly' }),
				trigger({ name: 'C', workstatus: 'EXP-PDF', mode: 'pdfOnly' }),
			],
			start: 'manual',
			expected: [],
		},
		{ name: 'automatic on Compleet is valid', triggers: [trigger({ status: 'Compleet', workstatus: '' })], start: 'automatic', expected: [] },
		{
			name: 'two triggers on one work status',
			triggers: [trigger({ name: 'Facturen', workstatus: 'Gereed' }), trigger({ name: 'Pdf', workstatus: 'Gereed', mode: 'pdfOnly' })],
			start: 'manual',
			expected: [/^Status 'Gereed' is used by two export triggers: 'Facturen' and 'Pdf'/],
		},
		{
			name: 'two triggers on Compleet',
			triggers: [trigger({ name: 'A', status: 'Compleet', workstatus: '' }), trigger({ name: 'B', status: 'Compleet', workstatus: '' })],
			start: 'automatic',
			expected: [/^Status 'Compleet' is used by two export triggers: 'A' and 'B'/],
		},
		{
			name: 'a work status with and without a main status overlap',
			triggers: [trigger({ name: 'A', status: 'Compleet', workstatus: 'G' }), trigger({ name: 'B', status: '', workstatus: 'G' })],
			start: 'manual',
			expected: [/'G'.*two export triggers: 'A' and 'B'/],
		},
		{ name: 'no triggers', triggers: [], start: 'manual', expected: [/No export trigger/] },
		{ name: 'manual without work status', triggers: [trigger({ status: 'Compleet', workstatus: '' })], start: 'manual', expected: [/no work status: with manual export/] },
		{ name: 'automatic on another main status', triggers: [trigger({ status: 'Opgehaald', workstatus: '' })], start: 'automatic', expected: [/automatic export only exports orders that reached Compleet/] },
		{ name: 'success status equal to own status', triggers: [trigger({ workstatus: 'X', successStatus: 'X' })], start: 'manual', expected: [/moves orders to its own status 'X'/] },
		{
			name: 'success status is another trigger',
			triggers: [trigger({ name: 'A', workstatus: 'X', successStatus: 'Y' }), trigger({ name: 'B', workstatus: 'Y', successStatus: 'Z' })],
			start: 'manual',
			expected: [/success status 'Y' of export trigger 'A' is the status of export trigger 'B'/],
		},
		{ name: 'missing success status', triggers: [trigger({ successStatus: '' })], start: 'manual', expected: [/has no success status/] },
		{ name: 'no status at all', triggers: [trigger({ status: '', workstatus: '' })], start: 'automatic', expected: [/neither a main status nor a work status/] },
	];

	test.each(cases)('$name', ({ triggers, start, expected }) => {
		const problems = findTriggerProblems(triggers, start);
		expect(problems).toHaveLength(expected.length);
		expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
	});
});

describe('selectTrigger', () => {
	const triggers = [
		trigger({ name: 'Auto', status: 'Compleet', workstatus: '' }),
		trigger({ name: 'Pdf', status: '', workstatus: 'PDF' }),
	];
	test.each([
		{ name: 'by triggerStatus work status', order: workorder({ triggerStatus: 'PDF', WorkStatus: 'PDF' }), expected: 'Pdf' },
		{ name: 'by triggerStatus main status', order: workorder({ triggerStatus: 'Compleet', WorkStatus: '' }), expected: 'Auto' },
		{ name: 'by own statuses, work status wins', order: workorder({ status: 'Compleet', WorkStatus: 'PDF' }), expected: 'Pdf' },
		{ name: 'by own main status', order: workorder({ status: 'Compleet', WorkStatus: 'OTHER' }), expected: 'Auto' },
		{ name: 'nothing matches', order: workorder({ status: 'Opgehaald', WorkStatus: 'OTHER' }), expected: undefined },
		{ name: 'unknown triggerStatus', order: workorder({ triggerStatus: 'NOPE' }), expected: undefined },
	])('$name', ({ order, expected }) => {
		expect(selectTrigger(order, triggers)?.name).toBe(expected);
	});
});

describe('cut-over', () => {
	test.each([
		{ name: 'last work period decides', order: workorder(), cutOver: '2026-11-03', before: false },
		{ name: 'finished before the cut-over', order: workorder(), cutOver: '2026-11-04', before: true },
		{ name: 'no periods: work end date', order: workorder({ Workperiods: [], WorkEndDate: '01-10-2026' }), cutOver: '2026-10-02', before: true },
		{ name: 'no dates at all is not before', order: workorder({ Workperiods: [], WorkDate: '' }), cutOver: '2026-10-02', before: false },
		{ name: 'no cut-over', order: workorder(), cutOver: '', before: false },
	])('$name', ({ order, cutOver, before }) => {
		expect(isBeforeCutOver(order, cutOver)).toBe(before);
	});

	test('finishedDate is the latest work-period date', () => {
		expect(finishedDate(workorder())).toBe('2026-11-03');
	});
});
