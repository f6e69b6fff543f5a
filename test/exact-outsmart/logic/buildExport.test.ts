import type { BuildOutcome } from '../../../nodes/ExactOutSmart/logic/buildExport';
import { buildExport, catalogNeeds } from '../../../nodes/ExactOutSmart/logic/buildExport';
import { catalog, GUIDS, settings, trigger, workorder } from '../fixtures';

function exported(outcome: BuildOutcome) {
	if (outcome.kind !== 'export') throw new Error(`expected an export, got ${outcome.kind}: ${JSON.stringify(outcome)}`);
	return outcome.item;
}

function problemsOf(outcome: BuildOutcome): string[] {
	if (outcome.kind !== 'fail') throw new Error(`expected a failure, got ${outcome.kind}`);
	return outcome.problems;
}

describe('buildExport: modes', () => {
	test('materials and hours: header, material lines with GLA and VAT, one line per hour type', () => {
		const item = exported(buildExport(workorder(), settings(), catalog()));
		expect(item.workorder).toEqual({ rowId: '501', workorderNo: 'W2026-0042', customerDebtorNumber: '10001' });
		expect(item.trigger).toEqual({ name: 'Gereed voor Exact', status: '', workstatus: 'EXPORT', mode: 'materialsAndHours', successStatus: 'EXPORTED', errorStatus: '99' });
		expect(item.invoice).toEqual({
			Journal: '70',
			OrderedBy: GUIDS.account,
			InvoiceTo: GUIDS.account,
			OrderDate: '2026-11-03',
			YourRef: 'WB-W2026-0042',
			PaymentCondition: '14',
			Description: 'Werkbon W2026-0042 - Bakkerij Jansen',
			Remarks: '[OutSmart 501 MH]',
			SalesInvoiceLines: [
				{ Item: GUIDS.itemRadiator, Description: 'Paneelradiator T22', Quantity: 2, UnitPrice: 250.5, GLAccount: GUIDS.gl8000, VATCode: '2' },
				{ Item: GUIDS.itemFitting, Description: 'Knelkoppeling 15 mm', Quantity: 4, UnitPrice: 3.25, GLAccount: GUIDS.gl8000, VATCode: '2' },
				{ Item: GUIDS.labourMonteur, Description: 'Uurloon monteur', Quantity: 2, UnitPrice: 62.5, GLAccount: GUIDS.gl8100, VATCode: '2' },
			],
		});
		expect(item.document).toBeUndefined();
		expect(item.money).toEqual({
			amountExclVat: 639,
			vatAmount: 134.19,
			amountInclVat: 773.19,
			lines: [
				{ amount: 501, vat: 105.21, vatPercentage: 0.21 },
				{ amount: 13, vat: 2.73, vatPercentage: 0.21 },
				{ amount: 125, vat: 26.25, vatPercentage: 0.21 },
			],
		});
	});

	test('materials only: no hour lines', () => {
		const item = exported(buildExport(workorder(), settings({ triggers: [trigger({ mode: 'materialsOnly' })] }), catalog()));
		expect(item.invoice?.SalesInvoiceLines.map((line) => line.Item)).toEqual([GUIDS.itemRadiator, GUIDS.itemFitting]);
	});

	test('PDF only: no invoice, the PDF as a document for the customer', () => {
		const item = exported(buildExport(workorder(), settings({ triggers: [trigger({ mode: 'pdfOnly' })], journal: '' }), catalog()));
		expect(item.invoice).toBeUndefined();
		expect(item.document).toEqual({
			Account: GUIDS.account,
			Subject: 'Werkbon W2026-0042',
			Type: 10,
			FileName: 'werkbon-W2026-0042.pdf',
			pdfUrl: 'https://example.test/mailpdf.php?action=display&sheet_id=abc',
		});
	});

	test('attach PDF in an invoice mode gives both', () => {
		const item = exported(buildExport(workorder(), settings({ attachPdf: true }), catalog()));
		expect(item.invoice).toBeDefined();
		expect(item.document?.Account).toBe(GUIDS.account);
	});

	test('hour types map to other labour items, minimum hours and rounding apply', () => {
		const item = exported(
			buildExport(
				workorder({ MinimumHours: '3', RoundingAmount: '15', Workperiods: [{ WorkDate: '02-11-2026', TotalTime: '1:05', HourType: 'MONTEUR' }] }),
				settings({ hourTypeItems: new Map([['MONTEUR', 'UUR-MONTEUR']]), minimumHourType: 'MONTEUR' }),
				Object.assign(catalog(), { outSmartHourTypes: new Map([['MONTEUR', { code: 'MONTEUR', billable: true, salePrice: 62.5 }]]) }),
			),
		);
		expect(item.invoice?.SalesInvoiceLines[2]).toMatchObject({ Item: GUIDS.labourMonteur, Quantity: 3 });
	});

	test('the invoice debtor pays; a site customer that is no Exact account is left out', () => {
		const outcome = buildExport(workorder({ CustomerDebtorNr: '20002', CustomerDebtorNrInvoice: '10001' }), settings(), catalog());
		expect(exported(outcome).invoice).toMatchObject({ OrderedBy: GUIDS.account, InvoiceTo: GUIDS.account });
		expect(exported(outcome).invoice?.DeliverTo).toBeUndefined();
	});

	test('tag mappings fill Remarks and PaymentReference', () => {
		const item = exported(
			buildExport(
				workorder(),
				settings({ tagMappings: [{ field: 'Remarks', template: '[WorkDescription]' }, { field: 'PaymentReference', template: '[WorkorderNo]' }] }),
				catalog(),
			),
		);
		expect(item.invoice).toMatchObject({ Description: 'Werkbon W2026-0042', Remarks: '[OutSmart 501 MH] Radiator vervangen', PaymentReference: 'W2026-0042' });
	});
});

describe('buildExport: skips', () => {
	test('no trigger for the status', () => {
		const outcome = buildExport(workorder({ WorkStatus: 'ANDERS' }), settings(), catalog());
		expect(outcome).toMatchObject({ kind: 'skip', reason: 'work order W2026-0042 is in status Compleet / work status ANDERS, which no export trigger uses' });
	});

	test('finished before the cut-over date', () => {
		const outcome = buildExport(workorder(), settings({ cutOverDate: '2026-12-01' }), catalog());
		expect(outcome).toMatchObject({ kind: 'skip', reason: 'work order W2026-0042 was finished on 2026-11-03, before the cut-over date 2026-12-01' });
	});
});

describe('buildExport: refusals', () => {
	test.each([
		{
			name: 'missing GLA',
			order: workorder({ Materials: [{ MaterialCode: 'RAD-01000', MaterialName: 'Paneelradiator T22', MaterialNr: '1', MaterialPrice: '250', MaterialFreeField1: '' }] }),
			override: {},
			expected: [/^Material RAD-01000 \(Paneelradiator T22\) has no GL account: fill MaterialFreeField1/],
		},
		{
			name: 'GLA not in Exact',
			order: workorder({ Materials: [{ MaterialCode: 'RAD-01000', MaterialName: 'R', MaterialNr: '1', MaterialPrice: '250', MaterialFreeField1: '8999' }] }),
			override: {},
			expected: [/GL account 8999, which does not exist in Exact/],
		},
		{
			name: 'payment-condition mismatch',
			order: workorder({ CustomerRemark: '30' }),
			override: { paymentConditionSource: 'orderTemplate' as const, paymentConditionTemplate: '[CustomerRemark]' },
			expected: [/^Payment condition differs for customer 10001: OutSmart has 30, Exact has 14/],
		},
		{ name: 'unknown customer', order: workorder({ CustomerDebtorNr: '99999' }), override: {}, expected: [/^Customer 99999 does not exist in Exact/] },
		{ name: 'blocked customer', order: workorder({ CustomerDebtorNr: '10099' }), override: {}, expected: [/^Customer 10099 \(Geblokkeerd B.V.\) is blocked in Exact/] },
		{
			name: 'unknown item',
			order: workorder({ Materials: [{ MaterialCode: 'NOPE', MaterialName: 'Onbekend', MaterialNr: '1', MaterialPrice: '1', MaterialFreeField1: '8000' }] }),
			override: {},
			expected: [/^Material NOPE \(Onbekend\) does not exist in Exact as an item/],
		},
		{ name: 'unknown labour item', order: workorder({ Workperiods: [{ TotalTime: '1:00', HourType: 'UUR-NOPE' }] }), override: {}, expected: [/^Hour type UUR-NOPE has no labour item UUR-NOPE in Exact/] },
		{
			name: 'no default VAT code for an item without one',
			order: workorder({ CustomerDebtorNr: '10002' }),
			override: { defaultVatCode: '' },
			expected: [/^Item LEID-01003 has no VAT code in Exact and no default VAT code/],
		},
		{
			name: 'VAT code unknown in Exact',
			order: workorder({ CustomerDebtorNr: '10002' }),
			override: { defaultVatCode: '9' },
			expected: [/^Item LEID-01003 uses VAT code 9 \(the default VAT code\), which does not exist in Exact/],
		},
		{ name: 'nothing to invoice', order: workorder({ Materials: [], Workperiods: [] }), override: {}, expected: [/has nothing to invoice/] },
		{ name: 'YourRef too long', order: workorder(), override: { yourRefPrefix: 'EEN-HEEL-LANG-VOORVOEGSEL-' }, expected: [/^YourRef 'EEN-HEEL-LANG-VOORVOEGSEL-W2026-0042' is longer than 30/] },
		{ name: 'project missing for the lines', order: workorder({ ProjectNr: 'P-999' }), override: { projectOnLines: true }, expected: [/^Project P-999 does not exist in Exact/] },
		{ name: 'PDF missing', order: workorder({ PdfUrl: '' }), override: { triggers: [trigger({ mode: 'pdfOnly' as const })] }, expected: [/has no PdfUrl/] },
	])('$name', ({ order, override, expected }) => {
		const outcome = buildExport(order, settings(override), catalog());
		const problems = problemsOf(outcome);
		expect(problems).toHaveLength(expected.length);
		expected.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
		expect(outcome).toMatchObject({ workorder: { rowId: '501', workorderNo: 'W2026-0042' }, trigger: { errorStatus: '99' } });
	});

	test('payment condition from the OutSmart relation', () => {
		const relationSettings = settings({ paymentConditionSource: 'outSmartRelation' });
		const mismatch = buildExport(workorder(), relationSettings, catalog(), new Map([['10001', '30']]));
		expect(problemsOf(mismatch)).toEqual([
			'Payment condition differs for customer 10001: OutSmart has 30, Exact has 14: make them equal (Exact is leading) and export again',
		]);
		expect(buildExport(workorder(), relationSettings, catalog(), new Map([['10001', '14']])).kind).toBe('export');
		expect(buildExport(workorder(), relationSettings, catalog(), new Map()).kind).toBe('export');
	});

	test('all problems of an order are reported together', () => {
		const order = workorder({
			CustomerDebtorNr: '99999',
			Materials: [{ MaterialCode: 'RAD-01000', MaterialName: 'R', MaterialNr: '1', MaterialPrice: '1', MaterialFreeField1: '' }],
		});
		expect(problemsOf(buildExport(order, settings(), catalog()))).toHaveLength(2);
	});
});

describe('catalogNeeds', () => {
	test('collects every code the orders ask Exact about, once', () => {
		const needs = catalogNeeds(
			[workorder(), workorder({ WorkorderNo: 'W2', CustomerDebtorNr: '10002', ProjectNr: 'P-1' })],
			settings({ gla: { source: 'materialFreeField', freeFieldNumber: 1, defaultGlAccountCode: '8100' }, projectOnLines: true }),
		);
		expect(needs).toEqual({
			debtorNumbers: ['10001', '10002'],
			itemCodes: ['RAD-01000', 'LEID-01003', 'UUR-MONTEUR'],
			glAccountCodes: ['8100', '8000'],
			projectCodes: ['P-1'],
			yourRefs: ['WB-W2026-0042', 'WB-W2'],
			exportKeyGroups: ['[OutSmart 501 '],
		});
	});
});
