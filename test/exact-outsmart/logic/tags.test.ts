import { findTagProblems, renderTemplate, tagsIn, unknownTagsIn } from '../../../nodes/ExactOutSmart/logic/tags';
import { workorder } from '../fixtures';

describe('tags', () => {
	const order = workorder({ ProjectNr: 'P-100', OrderNr: 'WB-2026-00042', FreeFields: { val_value_3: 'Locatie Noord' } });

	test.each([
		['Werkbon [WorkorderNo] - [CustomerName]', 'Werkbon W2026-0042 - Bakkerij Jansen'],
		['[WorkDescription]', 'Radiator vervangen'],
		['Project [ProjectNr] / order [OrderNr]', 'Project P-100 / order WB-2026-00042'],
		['Datum [WorkDate]', 'Datum 02-11-2026'],
		['[FreeField3]', 'Locatie Noord'],
		['[ExternProjectNr]', ''],
		['plain text [with space]', 'plain text [with space]'],
	])('renders %p', (template, expected) => {
		expect(renderTemplate(template, order)).toBe(expected);
	});

	test('flat free-field values are read too', () => {
		expect(renderTemplate('[FreeField2]', workorder({ val_value_2: 'flat' }))).toBe('flat');
	});

	test.each([
		['[WorkorderNo] [CustomerName] [WorkorderNo]', ['WorkorderNo', 'CustomerName'], []],
		['[WorkOrderNo]', ['WorkOrderNo'], ['WorkOrderNo']],
		['[FreeField51] [FreeField50]', ['FreeField51', 'FreeField50'], ['FreeField51']],
		['no tags', [], []],
	])('tags in %p', (template, tags, unknown) => {
		expect(tagsIn(template)).toEqual(tags);
		expect(unknownTagsIn(template)).toEqual(unknown);
	});

	test.each([
		{ name: 'valid mappings', mappings: [{ field: 'Description', template: 'Werkbon [WorkorderNo]' }, { field: 'Remarks', template: '[WorkDescription]' }], expected: [] },
		{ name: 'unknown tag', mappings: [{ field: 'Description', template: 'Werkbon [Werkbon]' }], expected: [/^Unknown tag \[Werkbon\] in the template for Description/] },
		{ name: 'unknown field', mappings: [{ field: 'InvoiceNumber', template: 'x' }], expected: [/unknown Exact field 'InvoiceNumber'/] },
		{ name: 'field twice', mappings: [{ field: 'Remarks', template: 'a' }, { field: 'Remarks', template: 'b' }], expected: [/'Remarks' has two tag mappings/] },
	])('$name', ({ mappings, expected }) => {
		const problems = findTagProblems(mappings);
		expect(problems).toHaveLength(expected.length);
		expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
	});
});
