/**
 * The invoice reference of an order (Work Order → Get Invoice Reference, used by the payment-status
 * template) is the YourRef the export writes: one rule, whatever the number source, prefix or YourRef tag.
 */
import { buildExport, invoiceReferenceOf } from '../../../nodes/ExactOutSmart/logic/buildExport';
import type { ExportSettings } from '../../../nodes/ExactOutSmart/logic/exportSettings';
import type { Workorder } from '../../../nodes/ExactOutSmart/logic/workorder';
import { catalog, settings, workorder } from '../fixtures';

const cases: Array<[string, Workorder, Partial<ExportSettings>]> = [
	['an ERP order, default number source', workorder({ OrderNr: 'WB-2026-00018' }), {}],
	['an order planned in OutSmart (no WorkorderNo)', workorder({ WorkorderNo: '', OrderNr: 'WB-2026-00017' }), {}],
	['numbers from OrderNr', workorder({ OrderNr: 'WB-2026-00018' }), { numberFrom: 'orderNr' }],
	['no prefix', workorder(), { yourRefPrefix: '' }],
	['YourRef from a tag', workorder({ ExternProjectNr: 'PO-7781' } as Partial<Workorder>), { tagMappings: [{ field: 'YourRef', template: '[ExternProjectNr]' }] }],
];

describe('the invoice reference of a work order', () => {
	test.each(cases)('%s: the YourRef the export writes, with the row id and shown number', (_name, order, overrides) => {
		const exportSettings = settings(overrides);
		const outcome = buildExport(order, exportSettings, catalog());
		expect(outcome.kind).toBe('export');
		if (outcome.kind !== 'export') return;
		const reference = invoiceReferenceOf(order, exportSettings);
		expect(reference.yourRef).toBe(outcome.item.yourRef);
		expect(reference.workorder).toEqual({ rowId: outcome.item.workorder.rowId, workorderNo: outcome.item.workorder.workorderNo });
		expect(reference).toMatchObject({ rowId: '501', number: outcome.item.workorder.workorderNo });
	});

	test('an order without a number has no YourRef to match (not the bare prefix)', () => {
		expect(invoiceReferenceOf(workorder({ WorkorderNo: '', OrderNr: '' }), settings()).yourRef).toBe('');
	});
});
