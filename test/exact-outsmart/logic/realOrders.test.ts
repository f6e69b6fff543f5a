/**
 * Work orders shaped like real OutSmart ones (the API Blueprint's example, orders planned in OutSmart without
 * a WorkorderNo, unfinished and archived orders, warranty work, lines without free fields) through the
 * export's pure logic.
 */
import { buildExport, identityOf } from '../../../nodes/ExactOutSmart/logic/buildExport';
import { findExportSettingsProblems } from '../../../nodes/ExactOutSmart/logic/exportSettings';
import { materialsMissingFreeField, withMasterFreeFields } from '../../../nodes/ExactOutSmart/logic/materialMaster';
import { orderNumberOf, withShownNumber } from '../../../nodes/ExactOutSmart/logic/workorder';
import { explainOutSmartCode } from '../../../nodes/OutSmart/transport/errors';
import { BLUEPRINT_WORKORDER, PLANNED_IN_OUTSMART } from '../../fixtures/outsmart-blueprint/getWorkorders';
import { catalog, settings, trigger, workorder } from '../fixtures';

describe('which number identifies an order (#16 point 1)', () => {
	it('an order planned in OutSmart (no WorkorderNo) is exported under its OrderNr by default, and keeps its row id', () => {
		const outcome = buildExport(workorder({ WorkorderNo: '', OrderNr: 'WB-2026-00017' }), settings(), catalog());
		expect(outcome.kind).toBe('export');
		if (outcome.kind !== 'export') return;
		expect(outcome.item.workorder).toEqual({ rowId: '501', workorderNo: 'WB-2026-00017', customerDebtorNumber: '10001' });
		expect(outcome.item.yourRef).toBe('WB-WB-2026-00017');
		expect(outcome.item.invoice?.Description).toBe('Werkbon WB-2026-00017 - Bakkerij Jansen');
	});

	it('an order from the ERP keeps its WorkorderNo (today\'s behaviour)', () => {
		const outcome = buildExport(workorder({ OrderNr: 'WB-2026-00018' }), settings(), catalog());
		expect(outcome.kind === 'export' && outcome.item.yourRef).toBe('WB-W2026-0042');
	});

	it('"OrderNr" uses the app number everywhere, "WorkorderNo" fails an order without one with the reason and its error status', () => {
		const byOrderNr = buildExport(workorder({ OrderNr: 'WB-2026-00018' }), settings({ numberFrom: 'orderNr', attachPdf: true }), catalog());
		expect(byOrderNr.kind).toBe('export');
		if (byOrderNr.kind === 'export') {
			expect(byOrderNr.item.yourRef).toBe('WB-WB-2026-00018');
			expect(byOrderNr.item.document?.FileName).toBe('werkbon-WB-2026-00018.pdf');
			expect(byOrderNr.item.document?.Subject).toBe('Werkbon WB-2026-00018');
		}
		const strict = buildExport(workorder({ WorkorderNo: '', OrderNr: 'WB-2026-00017' }), settings({ numberFrom: 'workorderNo' }), catalog());
		expect(strict.kind).toBe('fail');
		if (strict.kind !== 'fail') return;
		expect(strict.problems[0]).toMatch(/^The work order has no number \(Work-Order Number From: WorkorderNo\)/);
		expect(strict.workorder.rowId).toBe('501');
		expect(strict.trigger?.errorStatus).toBe('99');
	});

	it('an order with neither number fails with the reason', () => {
		const outcome = buildExport(workorder({ WorkorderNo: '', OrderNr: '' }), settings(), catalog());
		expect(outcome.kind === 'fail' && outcome.problems).toContain(
			'The work order has no number (Work-Order Number From: WorkorderNo, else OrderNr): fill it in OutSmart or choose another source',
		);
	});

	it('reads the Blueprint\'s own example and an order planned in OutSmart', () => {
		expect(identityOf(withShownNumber(BLUEPRINT_WORKORDER))).toEqual({ rowId: '1919', workorderNo: 'AB756X', customerDebtorNumber: 'B985785' });
		expect(orderNumberOf(PLANNED_IN_OUTSMART)).toBe('3BCE7228843');
		expect(orderNumberOf(PLANNED_IN_OUTSMART, 'workorderNo')).toBe('');
		expect(findExportSettingsProblems(settings({ numberFrom: 'orderNumber' as never }))).toEqual([expect.stringMatching(/^Work-Order Number From 'orderNumber' is not known/)]);
	});
});

describe('only finished, live orders (#16 point 2)', () => {
	it('an unfinished order (WorkFinished 0) fails with the reason, so it gets its error status', () => {
		const outcome = buildExport(workorder({ WorkFinished: '0', WorkStatus: 'EXPORT' }), settings(), catalog());
		expect(outcome.kind).toBe('fail');
		if (outcome.kind !== 'fail') return;
		expect(outcome.problems).toEqual([expect.stringMatching(/^work order W2026-0042 is not finished: the technician could not complete the work \(WorkFinished 0\)/)]);
		expect(outcome.trigger?.errorStatus).toBe('99');
	});

	it('an archived order fails the same way; with "Leave Out" both are skipped', () => {
		const archived = buildExport(workorder({ Archived: '1' }), settings(), catalog());
		expect(archived.kind === 'fail' && archived.problems[0]).toMatch(/is archived in OutSmart/);
		expect(buildExport(workorder({ Archived: '1' }), settings({ unfinishedOrders: 'skip' }), catalog()).kind).toBe('skip');
		expect(buildExport(workorder({ WorkFinished: '0' }), settings({ unfinishedOrders: 'skip' }), catalog()).kind).toBe('skip');
		expect(buildExport(workorder({ WorkFinished: '1', Archived: '0' }), settings(), catalog()).kind).toBe('export');
	});

	it('a trigger leaves out the work types and payment methods it excludes (case-insensitively)', () => {
		const excluding = settings({ triggers: [trigger({ excludeWorkTypes: ['garantie'], excludePaymentMethods: ['conform offerte'] })] });
		const warranty = buildExport(workorder({ TypeOfWork: 'Garantie' }), excluding, catalog());
		expect(warranty).toMatchObject({ kind: 'skip', reason: "work order W2026-0042 is not invoiced: its work type Garantie is excluded by export trigger 'Gereed voor Exact'" });
		expect(buildExport(workorder({ PaymentMethod: 'Conform offerte' }), excluding, catalog()).kind).toBe('skip');
		expect(buildExport(workorder({ TypeOfWork: 'Reparatie', PaymentMethod: 'op rekening' }), excluding, catalog()).kind).toBe('export');
	});
});

describe('GLA from the material master when the lines do not carry it (#16 point 6)', () => {
	const nullLines = workorder({
		Materials: [
			{ MaterialCode: 'RAD-01000', MaterialName: 'Paneelradiator T22', MaterialNr: '2', MaterialPrice: '250,50', MaterialFreeField1: null },
			{ MaterialCode: 'LEID-01003', MaterialName: 'Knelkoppeling 15 mm', MaterialNr: '4', MaterialPrice: '3.25', MaterialFreeField1: '8010' },
		],
	});

	it('names only the materials whose lines lack the free field', () => {
		expect(materialsMissingFreeField([nullLines], settings().gla)).toEqual(['RAD-01000']);
		expect(materialsMissingFreeField([nullLines], { ...settings().gla, source: 'exactItem' })).toEqual([]);
	});

	it('fills them from the master; a value on the line wins', () => {
		expect(buildExport(nullLines, settings(), catalog()).kind).toBe('fail');
		const [filled] = withMasterFreeFields([nullLines], settings().gla, new Map([['RAD-01000', '8000'], ['LEID-01003', '8100']]));
		const outcome = buildExport(filled, settings(), catalog());
		expect(outcome.kind).toBe('export');
		if (outcome.kind !== 'export') return;
		expect(outcome.item.invoice?.SalesInvoiceLines.slice(0, 2).map((line) => line.GLAccount)).toEqual(['44444444-4444-4444-4444-444444444444', '44444444-4444-4444-4444-555555555555']);
	});
});

describe('error-code explanations per endpoint (#16 point 7)', () => {
	it('names the record the endpoint writes, not the one the code prefix suggests', () => {
		expect(explainOutSmartCode(2501, ['Required field missing: sta_name'], 'workstatusses')).toMatch(/^The work status record misses required fields/);
		expect(explainOutSmartCode(1051, [], 'freefields')).toMatch(/^The free field record/);
		expect(explainOutSmartCode(2501, [], 'material_categories')).toMatch(/^The material category record/);
	});

	it('1500 fits the call', () => {
		expect(explainOutSmartCode(1500, [], 'GetWorkorders')).toMatch(/^No work order is in the requested status/);
		expect(explainOutSmartCode(1500, [], 'UpdateWorkorder')).toMatch(/^The work order to update was not found/);
	});
});

describe('statuses are the account\'s own codes (#16 point 7)', () => {
	it('a trigger without an error status is refused: there is no default every account has', () => {
		expect(findExportSettingsProblems(settings({ triggers: [trigger({ errorStatus: '' })] }))).toContain(
			"Export trigger 'Gereed voor Exact' has no error status: choose the work status failed orders go to",
		);
	});
});
