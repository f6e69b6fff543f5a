/** Small, explicit work orders, settings and catalogs for the logic tests. */
import type { ExactCatalog } from '../../nodes/ExactOutSmart/logic/exactCatalog';
import { emptyCatalog } from '../../nodes/ExactOutSmart/logic/exactCatalog';
import type { ExportSettings } from '../../nodes/ExactOutSmart/logic/exportSettings';
import type { ExportTrigger } from '../../nodes/ExactOutSmart/logic/exportTriggers';
import type { Workorder } from '../../nodes/ExactOutSmart/logic/workorder';

export const GUIDS = {
	account: '11111111-1111-1111-1111-111111111111',
	blockedAccount: '11111111-1111-1111-1111-222222222222',
	itemRadiator: '22222222-2222-2222-2222-222222222222',
	itemFitting: '22222222-2222-2222-2222-333333333333',
	labourMonteur: '33333333-3333-3333-3333-333333333333',
	gl8000: '44444444-4444-4444-4444-444444444444',
	gl8010: '44444444-4444-4444-4444-555555555555',
	gl8100: '44444444-4444-4444-4444-666666666666',
	gl1300: '44444444-4444-4444-4444-777777777777',
	project: '55555555-5555-5555-5555-555555555555',
};

export function trigger(overrides: Partial<ExportTrigger> = {}): ExportTrigger {
	return {
		name: 'Gereed voor Exact',
		status: '',
		workstatus: 'EXPORT',
		mode: 'materialsAndHours',
		successStatus: 'EXPORTED',
		errorStatus: '99',
		...overrides,
	};
}

export function settings(overrides: Partial<ExportSettings> = {}): ExportSettings {
	return {
		triggers: [trigger()],
		start: 'manual',
		cutOverDate: '',
		yourRefPrefix: 'WB-',
		journal: '70',
		gla: { source: 'materialFreeField', freeFieldNumber: 1, defaultGlAccountCode: '' },
		tagMappings: [{ field: 'Description', template: 'Werkbon [WorkorderNo] - [CustomerName]' }],
		paymentConditionSource: 'none',
		paymentConditionTemplate: '',
		defaultVatCode: '2',
		hourTypeItems: new Map(),
		defaultHourType: '',
		minimumHourType: '',
		nonBillableHourTypes: new Set(),
		priceSource: 'outSmart',
		travel: { mode: 'off', itemCode: '' },
		vatOverrideTemplate: '',
		freeOfChargeField: 0,
		invoicedMaterialTypes: new Set(['USAGE']),
		paymentMethodConditions: new Map(),
		projectOnLines: false,
		attachPdf: false,
		invoiceProcessing: 'draft',
		documentType: 10,
		...overrides,
	};
}

export function workorder(overrides: Partial<Workorder> = {}): Workorder {
	return {
		id: '501',
		WorkorderNo: 'W2026-0042',
		status: 'Compleet',
		WorkStatus: 'EXPORT',
		CustomerName: 'Bakkerij Jansen',
		CustomerDebtorNr: '10001',
		CustomerDebtorNrInvoice: '',
		WorkDescription: 'Radiator vervangen',
		WorkDate: '02-11-2026',
		MinimumHours: '0',
		RoundingAmount: '0',
		PdfUrl: 'https://example.test/mailpdf.php?action=display&sheet_id=abc',
		Materials: [
			{ MaterialCode: 'RAD-01000', MaterialName: 'Paneelradiator T22', MaterialNr: '2', MaterialPrice: '250,50', MaterialFreeField1: '8000' },
			{ MaterialCode: 'LEID-01003', MaterialName: 'Knelkoppeling 15 mm', MaterialNr: '4', MaterialPrice: '3.25', MaterialFreeField1: '8000' },
		],
		Workperiods: [
			{ WorkDate: '02-11-2026', TotalTime: '1:20', HourType: 'UUR-MONTEUR', EmployeeNr: '2' },
			{ WorkDate: '03-11-2026', TotalTime: '0:40', HourType: 'UUR-MONTEUR', EmployeeNr: '2' },
		],
		...overrides,
	};
}

export function catalog(): ExactCatalog {
	const result = emptyCatalog();
	result.accountsByCode.set('10001', { id: GUIDS.account, code: '10001', name: 'Bakkerij Jansen', paymentConditionSales: '14', salesVatCode: '2', blocked: false });
	result.accountsByCode.set('10002', { id: '11111111-1111-1111-1111-444444444444', code: '10002', name: 'Installatiebedrijf Noord', paymentConditionSales: '30', salesVatCode: '', blocked: false });
	result.accountsByCode.set('10099', { id: GUIDS.blockedAccount, code: '10099', name: 'Geblokkeerd B.V.', paymentConditionSales: '30', salesVatCode: '2', blocked: true });
	result.itemsByCode.set('RAD-01000', { id: GUIDS.itemRadiator, code: 'RAD-01000', description: 'Paneelradiator Radson T22', salesPrice: 299, salesVatCode: '2', glRevenueCode: '8010', unit: 'stuk' });
	result.itemsByCode.set('LEID-01003', { id: GUIDS.itemFitting, code: 'LEID-01003', description: 'Knelkoppeling', salesPrice: 4, salesVatCode: '', glRevenueCode: '', unit: 'stuk' });
	result.itemsByCode.set('UUR-MONTEUR', { id: GUIDS.labourMonteur, code: 'UUR-MONTEUR', description: 'Uurloon monteur', salesPrice: 62.5, salesVatCode: '2', glRevenueCode: '8100', unit: 'uur' });
	result.glAccountsByCode.set('8000', { id: GUIDS.gl8000, code: '8000', description: 'Omzet materialen', type: 110, balanceType: 'W', blocked: false });
	result.glAccountsByCode.set('8010', { id: GUIDS.gl8010, code: '8010', description: 'Omzet installaties', type: 110, balanceType: 'W', blocked: false });
	result.glAccountsByCode.set('8100', { id: GUIDS.gl8100, code: '8100', description: 'Omzet arbeid', type: 110, balanceType: 'W', blocked: false });
	result.glAccountsByCode.set('1300', { id: GUIDS.gl1300, code: '1300', description: 'Bank', type: 12, balanceType: 'B', blocked: false });
	for (const [code, percentage, euSalesListing] of [['0', 0, ''], ['1', 0.09, ''], ['2', 0.21, ''], ['5', 0, ''], ['6', 0, 'L']] as const) {
		result.vatCodes.add(code);
		result.vatCodeDetails.set(code, { code, percentage, euSalesListing });
	}
	result.outSmartHourTypes.set('UUR-MONTEUR', { code: 'UUR-MONTEUR', billable: true, salePrice: 62.5 });
	for (const code of ['08', '14', '21', '30', '60']) result.paymentConditions.add(code);
	result.projectsByCode.set('P-100', { id: GUIDS.project, code: 'P-100' });
	return result;
}
