/** The test-side operations (the technician, quick orders), shared by the in-process handle and the HTTP control API. */
import { formatWorkDate } from './format';
import { WORKORDER_FIELDS, workorderToApi, type WorkorderDraft } from './workorders';
import type { CompleteWorkorderInput, OutSmartStore } from './store';
import { WORKORDER_STATUSES, type Workorder, type WorkorderMaterial, type WorkorderStatus, type WorkorderWorkperiod } from './types';

/** A quick work order for a test: any work-order field, plus status and lines. Missing customer fields come from the relation. */
export interface AddWorkorderInput extends Partial<Record<string, unknown>> {
	WorkorderNo?: string;
	status?: WorkorderStatus;
	/** Work-status code or name. */
	WorkStatus?: string;
	CustomerDebtorNr?: string;
	Materials?: Array<Partial<Record<keyof WorkorderMaterial, string | number | null>>>;
	/** '0': the technician could not finish the work. */
	WorkFinished?: string;
	/** '1': the order is archived. */
	Archived?: string;
	Workperiods?: Array<Partial<Record<keyof WorkorderWorkperiod, string | number>>>;
}

export class ControlOperations {
	private addedCounter = 0;

	constructor(
		private readonly store: OutSmartStore,
		private readonly origin: () => string,
	) {}

	private require(workorderNo: string): Workorder {
		const workorder = this.store.findWorkorderByNoOrId(workorderNo);
		if (!workorder) throw new Error(`Work order not found: ${workorderNo}`);
		return workorder;
	}

	private workstatusCode(codeOrName: string): string {
		const code = this.store.resolveWorkstatus(codeOrName);
		if (code === undefined) throw new Error(`Unknown work status: ${codeOrName}`);
		return code;
	}

	/** The work order as GetWorkorder answers it (without moving its status), or undefined. */
	getWorkorder(workorderNo: string): Record<string, unknown> | undefined {
		const workorder = this.store.findWorkorderByNoOrId(workorderNo);
		return workorder ? workorderToApi(workorder, this.origin()) : undefined;
	}

	addWorkorder(input: AddWorkorderInput = {}): Record<string, unknown> {
		const status = input.status ?? 'Klaargezet';
		if (!WORKORDER_STATUSES.includes(status)) throw new Error(`Unknown status: ${String(status)}`);
		// An explicit empty WorkorderNo gives an order planned in OutSmart itself (it has only its OrderNr).
		const workorderNo = input.WorkorderNo ?? `WO-T${String(++this.addedCounter).padStart(4, '0')}`;
		if (workorderNo !== '' && this.store.findWorkorder(workorderNo)) throw new Error(`Work order already exists: ${workorderNo}`);
		const relations = this.store.master('relations');
		const relation = input.CustomerDebtorNr ? relations.get(input.CustomerDebtorNr) : relations.all().find((candidate) => candidate.active === '1');
		if (!relation) throw new Error(`Relation not found: ${input.CustomerDebtorNr ?? '(any active)'}`);
		const fields: Record<string, string> = {};
		for (const field of WORKORDER_FIELDS) fields[field] = '';
		for (const suffix of ['', 'Invoice']) {
			Object.assign(fields, {
				[`CustomerName${suffix}`]: relation.name,
				[`CustomerDebtorNr${suffix}`]: relation.debtor_number,
				[`CustomerStreet${suffix}`]: relation.street,
				[`CustomerStreetNo${suffix}`]: relation.house_number ?? '',
				[`CustomerEmail${suffix}`]: relation.email ?? '',
				[`CustomerZIP${suffix}`]: relation.postal_code,
				[`CustomerCity${suffix}`]: relation.city,
				[`CustomerCountry${suffix}`]: relation.country ?? '',
				[`CustomerContactPerson${suffix}`]: relation.contact || relation.name,
				[`CustomerPhone${suffix}`]: relation.phone_number ?? '',
			});
		}
		Object.assign(fields, { TypeOfWork: 'Reparatie', PaymentMethod: 'op rekening', EmployeeNr: this.store.employees[0]?.number ?? '', WorkDate: formatWorkDate(this.store.clock.now()), WorkTime: '08:00' });
		for (const field of WORKORDER_FIELDS) {
			if (input[field] !== undefined && input[field] !== null) fields[field] = String(input[field]);
		}
		const draft: WorkorderDraft = {
			WorkorderNo: workorderNo,
			OrderNr: typeof input.OrderNr === 'string' ? input.OrderNr : '',
			WorkStatus: '',
			fields,
			Materials: (input.Materials ?? []).map((line) => this.store.materialLine(line)),
			Workperiods: [],
			Employees: fields.EmployeeNr ? [fields.EmployeeNr] : [],
			WorkObjects: [],
			Forms: [],
		};
		const workorder = this.store.createWorkorder(draft, 'Klaargezet', 'OpenAPI');
		if (status !== 'Klaargezet') this.store.setStatus(workorder, 'Opgehaald', fields.EmployeeNr || 'app');
		if (status === 'Compleet' || status === 'Afgehandeld') {
			this.store.completeWorkorder(workorder, { workperiods: input.Workperiods, materials: input.Materials, workFinished: input.WorkFinished !== '0' });
		}
		if (input.Archived !== undefined) workorder.Archived = String(input.Archived);
		if (input.WorkStatus) this.store.setWorkstatus(workorder, this.workstatusCode(input.WorkStatus), 'OpenAPI');
		if (status === 'Afgehandeld') this.store.setStatus(workorder, 'Afgehandeld', 'OpenAPI');
		return workorderToApi(workorder, this.origin());
	}

	completeWorkorder(workorderNo: string, input: CompleteWorkorderInput = {}): Record<string, unknown> {
		const workorder = this.require(workorderNo);
		this.store.completeWorkorder(workorder, input);
		return workorderToApi(workorder, this.origin());
	}

	/** A planner moving the order to another main status (e.g. reopening a Compleet order: Opgehaald again). */
	setStatus(workorderNo: string, status: string): Record<string, unknown> {
		const workorder = this.require(workorderNo);
		if (!(WORKORDER_STATUSES as readonly string[]).includes(status)) throw new Error(`Unknown main status: ${status}`);
		this.store.setStatus(workorder, status as WorkorderStatus, 'planner');
		return workorderToApi(workorder, this.origin());
	}

	setWorkstatus(workorderNo: string, workstatus: string): Record<string, unknown> {
		const workorder = this.require(workorderNo);
		this.store.setWorkstatus(workorder, this.workstatusCode(workstatus), workorder.fields.EmployeeNr || 'app');
		return workorderToApi(workorder, this.origin());
	}
}
