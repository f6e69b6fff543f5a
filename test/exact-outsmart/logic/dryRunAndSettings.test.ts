import { buildExport } from '../../../nodes/ExactOutSmart/logic/buildExport';
import { dryRunReport } from '../../../nodes/ExactOutSmart/logic/dryRun';
import { findExportSettingsProblems } from '../../../nodes/ExactOutSmart/logic/exportSettings';
import { catalog, GUIDS, settings, trigger, workorder } from '../fixtures';

describe('dry run verdicts', () => {
	test('would export, with the invoice total', () => {
		const report = dryRunReport(buildExport(workorder(), settings(), catalog()), catalog());
		expect(report).toMatchObject({ verdict: 'wouldExport', invoiceLineCount: 3, invoiceAmountExclVat: 639, document: false });
	});

	const earlier = (exportKey: string, amountExclVat: number, payerId = GUIDS.account) => {
		const known = catalog();
		known.existingByKeyGroup.set('[OutSmart 501 ', [{ exportKey, invoiceNumber: '26000007', payerId, amountExclVat }]);
		return known;
	};

	test('would skip: Exact has this order\'s invoice in this mode, the same customer and amount', () => {
		const known = earlier('[OutSmart 501 MH]', 639);
		const report = dryRunReport(buildExport(workorder(), settings(), known), known);
		expect(report).toMatchObject({ verdict: 'wouldSkip', reason: 'Already exported: Exact has invoice 26000007 for [OutSmart 501 MH]' });
	});

	test('a YourRef the office typed on another invoice does not count as an export', () => {
		const known = catalog();
		known.existingYourRefs.add('WB-W2026-0042');
		expect(dryRunReport(buildExport(workorder(), settings(), known), known).verdict).toBe('wouldExport');
	});

	test.each([
		{ name: 'the order was corrected (another amount)', invoice: earlier('[OutSmart 501 MH]', 501), difference: /the amount differs \(501 in Exact, 639 now\)/ },
		{ name: 'another customer', invoice: earlier('[OutSmart 501 MH]', 639, GUIDS.blockedAccount), difference: /the customer differs/ },
		{ name: 'exported before as materials only, now with hours', invoice: earlier('[OutSmart 501 M]', 514), difference: /exported before as \[OutSmart 501 M\] \(invoice 26000007\)/ },
	])('would fail when the earlier invoice differs: $name', ({ invoice, difference }) => {
		const report = dryRunReport(buildExport(workorder(), settings(), invoice), invoice);
		expect(report.verdict).toBe('wouldFail');
		expect(report.reason).toMatch(difference);
		expect(report.reason).toMatch(/Credit that invoice in Exact and export the order again, or correct the invoice in Exact$/);
	});

	test('would fail because of each problem', () => {
		const report = dryRunReport(buildExport(workorder({ CustomerDebtorNr: '99999' }), settings(), catalog()), catalog());
		expect(report.verdict).toBe('wouldFail');
		expect(report.reason).toMatch(/^Would fail because Customer 99999 does not exist in Exact/);
	});
});

describe('export settings check', () => {
	test.each([
		{ name: 'valid', override: {}, expected: [] },
		{ name: 'unknown tag', override: { tagMappings: [{ field: 'Description', template: '[Klant]' }] }, expected: [/^Unknown tag \[Klant\]/] },
		{ name: 'unknown tag in the payment-condition template', override: { paymentConditionSource: 'orderTemplate' as const, paymentConditionTemplate: '[Betaling]' }, expected: [/^Unknown tag \[Betaling\] in the payment-condition template/] },
		{ name: 'payment condition from the order without a template', override: { paymentConditionSource: 'orderTemplate' as const }, expected: [/no template is set/] },
		{ name: 'bad cut-over date', override: { cutOverDate: '1-13-2026' }, expected: [/^Cut-over date '1-13-2026' is not a date/] },
		{ name: 'no journal for invoices', override: { journal: ' ' }, expected: [/^No sales journal/] },
		{ name: 'no journal needed for PDF only', override: { journal: '', triggers: [trigger({ mode: 'pdfOnly' as const })] }, expected: [] },
		{ name: 'free field out of range', override: { gla: { source: 'materialFreeField' as const, freeFieldNumber: 6, defaultGlAccountCode: '' } }, expected: [/GLA free field 6 does not exist/] },
		{ name: 'default source without default', override: { gla: { source: 'default' as const, freeFieldNumber: 1, defaultGlAccountCode: '' } }, expected: [/no default GL account is set/] },
		{
			name: 'conflicting triggers',
			override: { triggers: [trigger({ name: 'A', workstatus: 'Gereed' }), trigger({ name: 'B', workstatus: 'Gereed' })] },
			expected: [/^Status 'Gereed' is used by two export triggers: 'A' and 'B'/],
		},
	])('$name', ({ override, expected }) => {
		const problems = findExportSettingsProblems(settings(override));
		expect(problems).toHaveLength(expected.length);
		expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
	});
});
