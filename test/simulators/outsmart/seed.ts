/**
 * Seeds the store from the shared demo company, so codes line up with the Exact simulator:
 * relations by debtor number, materials by item code, hour types from labour items.
 * A few deliberate differences give the integration's checks something to find (see OutSmartSeedFacts).
 */
import { buildDemoCompany, createPrng, type DemoCompany, type DemoItem, type DemoRelation } from '../demo/company';
import { formatCommaDecimal, formatDotDecimal, formatIsoDate, formatWorkDate } from './format';
import type { OutSmartStore } from './store';
import type { WorkorderStatus } from './types';
import type { WorkorderDraft } from './workorders';

/** Work-status codes of the demo account. Real codes are arbitrary strings, distinct from their names. */
export const DEMO_WORKSTATUS = {
	inProgress: { code: '5812440', name: 'In uitvoering' },
	waitingForParts: { code: '5812441', name: 'Wacht op onderdelen' },
	readyForInvoicing: { code: '5812442', name: 'Gereed voor facturatie' },
	exportSucceeded: { code: '5812443', name: 'Export gelukt' },
	exportFailed: { code: '5812444', name: 'Export mislukt' },
	paid: { code: '5812445', name: 'Betaald' },
	error99: { code: '5812499', name: '99 Error' },
} as const;

export const DEMO_PAYMENT_METHODS = ['niet van toepassing', 'op rekening', 'contant voldaan', 'pin betaling', 'conform offerte'];
export const DEMO_WORKTYPES = ['Installatie', 'Onderhoud', 'Reparatie', 'Storing', 'Service', 'Garantie'];

/** Where the seed deliberately differs from the Exact demo company. */
export interface OutSmartSeedFacts {
	/** Relations whose OutSmart payment_condition differs from the Exact payment condition. */
	paymentConditionMismatches: Array<{ debtorNumber: string; exact: string; outsmart: string }>;
	/** Material codes without a GLA in freefield1. */
	materialsWithoutGla: string[];
	/** A material whose GLA code is not a GL account in Exact. */
	materialWithUnknownGla: { code: string; gla: string };
	/** Work-order numbers per main status (the OrderNr for orders without a WorkorderNo, as the export shows them). */
	workordersByStatus: Record<WorkorderStatus, string[]>;
	/** Seeded work orders that carry one of the deliberate differences (absent when workorderCount is too small). */
	issueWorkorders: {
		unknownGla?: string;
		missingGla?: string;
		paymentConditionMismatch: string[];
		/** Row ids of orders ready for invoicing that were planned in OutSmart itself: no WorkorderNo, only an OrderNr. */
		withoutWorkorderNo: string[];
		/** Row id of an order ready for invoicing whose technician could not finish the work (WorkFinished 0). */
		unfinished?: string;
		/** Number of an order ready for invoicing of work type Garantie. */
		warranty?: string;
		/** Number of an order ready for invoicing whose lines carry no free fields (finished before the GLA import). */
		linesWithoutFreeFields?: string;
		/** Row ids of archived orders. */
		archived: string[];
	};
}

export interface SeedOptions {
	relationCount?: number;
	itemCount?: number;
	workorderCount?: number;
}

const UNKNOWN_GLA = '8999';
const DAY_MS = 24 * 60 * 60 * 1000;

function relationRecord(relation: DemoRelation, paymentCondition: string): Record<string, string> {
	return {
		debtor_number: relation.debtorNumber,
		name: relation.name,
		contact: relation.name,
		phone_number: relation.phone,
		email: relation.email,
		email_workorder: relation.email,
		street: relation.street,
		house_number: relation.houseNumber,
		postal_code: relation.postcode,
		city: relation.city,
		country: relation.country,
		remark: '',
		latitude: '',
		longitude: '',
		external_id: '',
		debtor_number_invoice: relation.debtorNumber,
		kvk_number: '',
		vat_number: relation.vatNumber,
		debtor_type: relation.status === 'P' ? 'lead' : 'customer',
		language: relation.country === 'BE' ? 'nl-BE' : 'nl',
		mobile: '',
		status: '',
		active: relation.blocked ? '0' : '1',
		payment_condition: paymentCondition,
	};
}

function materialRecord(item: DemoItem, gla: string): Record<string, string> {
	return {
		code: item.code,
		description: item.description,
		price: formatCommaDecimal(item.salesPrice),
		unit: item.unit,
		eancode: '',
		barcode: '',
		freefield1: gla,
		freefield2: item.itemGroupCode,
		freefield3: '',
		freefield4: '',
		freefield5: '',
		vat_code: item.salesVatCode,
	};
}

function seedMasterData(store: OutSmartStore, company: DemoCompany, facts: OutSmartSeedFacts): void {
	for (const employee of company.employees) {
		store.master('employees').upsert({ number: employee.number, firstname: employee.firstName, lastname: employee.lastName, email: employee.email, mobile: '', active: '1' });
	}
	const customers = company.relations.filter((relation) => relation.status !== 'S');
	// The 3rd and 10th active customers get a different payment condition than in Exact.
	const active = customers.filter((relation) => relation.status === 'C' && !relation.blocked);
	const mismatched = new Set([active[2], active[9]].filter((relation) => relation !== undefined));
	customers.forEach((relation) => {
		let paymentCondition = relation.paymentConditionCode;
		if (mismatched.has(relation)) {
			paymentCondition = relation.paymentConditionCode === '30' ? '14' : '30';
			facts.paymentConditionMismatches.push({ debtorNumber: relation.debtorNumber, exact: relation.paymentConditionCode, outsmart: paymentCondition });
		}
		store.master('relations').upsert(relationRecord(relation, paymentCondition));
		store.master('addresses').upsert({
			adr_debtor_nr: relation.debtorNumber,
			adr_code: `${relation.debtorNumber}-1`,
			adr_cpn_code: `${relation.debtorNumber}-1`,
			adr_line_1: `${relation.street} ${relation.houseNumber}`,
			adr_zip: relation.postcode,
			adr_city: relation.city,
			adr_country: relation.country,
			adr_remark: '',
		});
		store.master('contactpersons').upsert({ cpn_debtor_nr: relation.debtorNumber, cpn_code: `${relation.debtorNumber}-1`, cpn_name: relation.name, cpn_phone: relation.phone, cpn_email: relation.email });
	});
	const materials = company.items.filter((item) => !item.isLabour);
	materials.forEach((item, index) => {
		let gla = item.revenueGlAccountCode;
		if (index % 25 === 7) {
			gla = '';
			facts.materialsWithoutGla.push(item.code);
		} else if (index === 12) {
			gla = UNKNOWN_GLA;
			facts.materialWithUnknownGla = { code: item.code, gla };
		}
		store.master('materials').upsert(materialRecord(item, gla));
		store.master('material_categories').upsert({ mct_mat_code: item.code, mct_cat_code: item.itemGroupCode });
	});
	for (const group of company.itemGroups) store.master('categories').upsert({ cat_code: group.code, cat_cat_code: '', cat_name: group.description, cat_image: '', cat_display: '1' });
	for (const item of company.items.filter((candidate) => candidate.isLabour)) {
		// Billable hours carry cost_booking/sale_booking 0/0, as "Normale uren" in the Blueprint's hourtypes example.
		store.master('hourtypes').upsert({ code: item.code, name: item.description, cost_booking: '0', sale_booking: '0', sale_price: formatDotDecimal(item.salesPrice), cost_price: formatDotDecimal(item.costPrice), active: '1' });
	}
	// The example's sick leave: 1/1 at 0.00 (CloudEcosystemDev/outsmart-component README.md, hourtypes).
	store.master('hourtypes').upsert({ code: 'ZK', name: 'Ziekte', cost_booking: '1', sale_booking: '1', sale_price: '0.00', cost_price: '0.00', active: '1' });
	for (const status of Object.values(DEMO_WORKSTATUS)) store.master('workstatusses').upsert({ sta_code: status.code, sta_name: status.name });
	for (const method of DEMO_PAYMENT_METHODS) store.master('paymentmethods').upsert({ pmd_description: method });
	for (const worktype of DEMO_WORKTYPES) store.master('worktypes').upsert({ wrt_name: worktype, wrt_description: worktype, wrt_default_minutes: '60', wrt_active: '1' });
	store.master('freefields').upsert({ fld_entity: 'MATERIAL', fld_name: 'Grootboekrekening', fld_type: 'TEXT', fld_values: '', fld_reference_name: 'gla', fld_order: '1', fld_required: '0' });
	const now = store.clock.now();
	customers.slice(0, 3).forEach((relation, index) => {
		store.master('projects').upsert({
			code: `P-${formatIsoDate(now).slice(0, 4)}-${String(index + 1).padStart(3, '0')}`,
			code_ext: '',
			debtor_number: relation.debtorNumber,
			adr_code: `${relation.debtorNumber}-1`,
			cpn_code: `${relation.debtorNumber}-1`,
			debtor_number_invoice: relation.debtorNumber,
			status: 'Nieuw',
			name: `Renovatie installatie ${relation.city}`,
			description: '',
			progress: '0',
			date_start: formatIsoDate(now - (30 - index) * DAY_MS),
			date_end: '',
			active: '1',
		});
	});
}

/** Status, work status and how many lines each seeded order gets, cycling so every status is present. */
const WORKORDER_PLAN: Array<{ status: WorkorderStatus; workstatus: string }> = [
	{ status: 'Klaargezet', workstatus: '' },
	{ status: 'Opgehaald', workstatus: DEMO_WORKSTATUS.inProgress.code },
	{ status: 'Compleet', workstatus: DEMO_WORKSTATUS.readyForInvoicing.code },
	{ status: 'Afgehandeld', workstatus: DEMO_WORKSTATUS.exportSucceeded.code },
	{ status: 'Compleet', workstatus: '' },
	{ status: 'Opgehaald', workstatus: DEMO_WORKSTATUS.waitingForParts.code },
	{ status: 'Compleet', workstatus: DEMO_WORKSTATUS.readyForInvoicing.code },
	{ status: 'Afgehandeld', workstatus: DEMO_WORKSTATUS.paid.code },
	{ status: 'Compleet', workstatus: DEMO_WORKSTATUS.exportFailed.code },
	{ status: 'Klaargezet', workstatus: '' },
];

function seedWorkorders(store: OutSmartStore, company: DemoCompany, count: number, facts: OutSmartSeedFacts): void {
	const random = createPrng(4242);
	const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
	const customers = company.relations.filter((relation) => relation.status === 'C' && !relation.blocked);
	const materials = store.materials;
	const labour = company.items.filter((item) => item.isLabour);
	const employees = company.employees;
	const now = store.clock.now();
	for (let index = 0; index < count && customers.length > 0; index++) {
		const plan = WORKORDER_PLAN[index % WORKORDER_PLAN.length];
		// Two orders ready for invoicing belong to the relations with a payment-condition mismatch.
		const mismatch = facts.paymentConditionMismatches[[6, 12].indexOf(index)];
		const relation = (mismatch && customers.find((candidate) => candidate.debtorNumber === mismatch.debtorNumber)) || pick(customers);
		const employee = pick(employees);
		const workDay = now - (count - index) * DAY_MS;
		const workDate = formatWorkDate(workDay);
		const finished = plan.status === 'Compleet' || plan.status === 'Afgehandeld';
		const address = `${relation.debtorNumber}-1`;
		const customer = (suffix: string): Record<string, string> => ({
			[`CustomerName${suffix}`]: relation.name,
			[`CustomerDebtorNr${suffix}`]: relation.debtorNumber,
			[`CustomerStreet${suffix}`]: relation.street,
			[`CustomerStreetNo${suffix}`]: relation.houseNumber,
			[`CustomerEmail${suffix}`]: relation.email,
			[`CustomerZIP${suffix}`]: relation.postcode,
			[`CustomerCity${suffix}`]: relation.city,
			[`CustomerCountry${suffix}`]: relation.country,
			[`CustomerContactPerson${suffix}`]: relation.name,
			[`CustomerPhone${suffix}`]: relation.phone,
			[`CustomerRemark${suffix}`]: '',
		});
		// Order 26 is warranty work: nothing to invoice (Blueprint TypeOfWork "Garantie").
		const pickedType = pick(DEMO_WORKTYPES);
		const typeOfWork = index === 26 ? 'Garantie' : pickedType;
		const lineCount = finished ? 1 + Math.floor(random() * 4) : 0;
		const materialLines = Array.from({ length: lineCount }, () => store.materialLine({ MaterialCode: pick(materials).code, MaterialNr: 1 + Math.floor(random() * 4) }));
		// Order 3 (the first Compleet) carries the material with an unknown GLA, order 5 one without a GLA.
		// Orders 16 and 36 were planned in OutSmart itself: no WorkorderNo (Blueprint: "originated from ERP/CRM"), only the app's OrderNr.
		const plannedInOutSmart = index === 16 || index === 36;
		const workorderNo = plannedInOutSmart ? '' : `WO-${String(26001 + index)}`;
		// Order 32 was finished before the GLA import: its lines carry null free fields, as in the Blueprint's GetWorkorder example.
		if (index === 32) for (const line of materialLines) line.MaterialFreeField1 = line.MaterialFreeField2 = null;
		if (index === 2 && facts.materialWithUnknownGla.code) {
			materialLines.push(store.materialLine({ MaterialCode: facts.materialWithUnknownGla.code, MaterialNr: 1 }));
			facts.issueWorkorders.unknownGla = workorderNo;
		}
		if (index === 4 && facts.materialsWithoutGla[0]) {
			materialLines.push(store.materialLine({ MaterialCode: facts.materialsWithoutGla[0], MaterialNr: 2 }));
			facts.issueWorkorders.missingGla = workorderNo;
		}
		if (mismatch && relation.debtorNumber === mismatch.debtorNumber) facts.issueWorkorders.paymentConditionMismatch.push(workorderNo);
		const workperiods = finished
			? [{ WorkDate: workDate, BeginTime: '08:00', EndTime: '10:30', Break: '0', TotalTime: '02:30', Travel: '12', WorkRemark: 'Werkzaamheden uitgevoerd', HourType: pick(labour).code, EmployeeNr: employee.number }]
			: [];
		if (finished && random() < 0.5) workperiods.push({ WorkDate: workDate, BeginTime: '11:00', EndTime: '12:15', Break: '15', TotalTime: '01:00', Travel: '0', WorkRemark: '', HourType: labour[0].code, EmployeeNr: employee.number });
		const draft: WorkorderDraft = {
			WorkorderNo: workorderNo,
			OrderNr: '',
			WorkStatus: '',
			fields: {
				...customer(''),
				...customer('Invoice'),
				CustomerLatitude: '',
				CustomerLongitude: '',
				ProjectNr: '',
				ExternProjectNr: '',
				TypeOfWork: typeOfWork,
				WorkDescription: `${typeOfWork} cv-installatie ${relation.city}`,
				InternalWorkDescription: '',
				WorkInstruction: '',
				PaymentMethod: index === 26 ? 'niet van toepassing' : 'op rekening',
				EmployeeNr: employee.number,
				WorkDate: workDate,
				WorkTime: '08:00',
				WorkEndDate: workDate,
				WorkEndTime: '12:00',
				WorkDeadline: '',
				WorkDuration: '240',
				PickupPlanning: '0',
				WebPlanning: '1',
				CpnCode: address,
				CpnCodeInvoice: address,
				AdrCode: address,
				ShortWorkDescription: typeOfWork,
				Comment: '',
				ErrorCode: '',
				ErrorMessage: '',
				SolutionCode: '',
				SolutionMessage: '',
				PriorityCode: '',
				PriorityMessage: '',
				MinimumHours: '0.00',
				RoundingAmount: '15',
				Signature: finished ? 'signature.png' : '',
				SignatureUrl: '',
			},
			Materials: [],
			Workperiods: [],
			Employees: [employee.number],
			WorkObjects: [],
			Forms: [],
		};
		const workorder = store.createWorkorder(draft, 'Klaargezet', 'OpenAPI');
		if (plan.status !== 'Klaargezet') store.setStatus(workorder, 'Opgehaald', employee.number);
		// Order 22: the technician could not finish ("customer not on location"), yet the order is ready for invoicing.
		if (finished) store.completeWorkorder(workorder, { materials: materialLines, workperiods, employeeNr: employee.number, workFinished: index !== 22 });
		if (plan.workstatus) store.setWorkstatus(workorder, plan.workstatus, finished ? 'OpenAPI' : employee.number);
		if (plan.status === 'Afgehandeld') store.setStatus(workorder, 'Afgehandeld', 'OpenAPI');
		// Orders 7 and 17 (handled long ago) are archived.
		if (index === 7 || index === 17) {
			workorder.Archived = '1';
			facts.issueWorkorders.archived.push(workorder.id);
		}
		if (plannedInOutSmart && plan.workstatus === DEMO_WORKSTATUS.readyForInvoicing.code) facts.issueWorkorders.withoutWorkorderNo.push(workorder.id);
		if (index === 22) facts.issueWorkorders.unfinished = workorder.id;
		if (index === 26) facts.issueWorkorders.warranty = workorder.WorkorderNo;
		if (index === 32) facts.issueWorkorders.linesWithoutFreeFields = workorder.WorkorderNo;
		facts.workordersByStatus[plan.status].push(workorder.WorkorderNo || workorder.OrderNr);
	}
}

/** Fills an empty store with the demo account; returns what was made different on purpose. */
export function seedStore(store: OutSmartStore, options: SeedOptions = {}): OutSmartSeedFacts {
	const company = buildDemoCompany({ relationCount: options.relationCount, itemCount: options.itemCount });
	const facts: OutSmartSeedFacts = {
		paymentConditionMismatches: [],
		materialsWithoutGla: [],
		materialWithUnknownGla: { code: '', gla: UNKNOWN_GLA },
		workordersByStatus: { Klaargezet: [], Opgehaald: [], Compleet: [], Afgehandeld: [] },
		issueWorkorders: { paymentConditionMismatch: [], withoutWorkorderNo: [], archived: [] },
	};
	seedMasterData(store, company, facts);
	seedWorkorders(store, company, options.workorderCount ?? 40, facts);
	return facts;
}
