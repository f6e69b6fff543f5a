/** The simulator's state: work orders and master data, with the operations both the API and the control API use. */
import { createHash } from 'node:crypto';
import type { SimulatedClock } from '../shared/clock';
import { formatCommaDecimal, formatCreationDate, formatIsoDate, formatTimestamp, formatWorkDate, formatWorkTime } from './format';
import { MASTER_ENTITIES, MasterCollection } from './masterData';
import type { MasterRecord, StatusChange, Workorder, WorkorderMaterial, WorkorderStatus, WorkorderWorkperiod } from './types';
import { normaliseMaterial, normaliseWorkperiod, type WorkorderDraft } from './workorders';

/** What the technician reports when finishing a work order. Materials may name only a code and quantity. */
export interface CompleteWorkorderInput {
	materials?: Array<Partial<Record<keyof WorkorderMaterial, string | number | null>>>;
	workperiods?: Array<Partial<Record<keyof WorkorderWorkperiod, string | number>>>;
	/** A work-status code or name. */
	workstatus?: string;
	/** Who finished it (employee number); defaults to the order's employee. */
	employeeNr?: string;
	/**
	 * False when the technician could not finish the work ("customer not on location"): the order still goes
	 * to Compleet with WorkFinished 0 (Blueprint changelog 02-03-2017, CloudEcosystemDev/outsmart-component README.md).
	 */
	workFinished?: boolean;
}

export type MasterEntityName =
	| 'employees'
	| 'relations'
	| 'addresses'
	| 'contactpersons'
	| 'materials'
	| 'material_categories'
	| 'categories'
	| 'hourtypes'
	| 'projects'
	| 'workstatusses'
	| 'paymentmethods'
	| 'worktypes'
	| 'freefields'
	| 'values'
	| 'documents'
	| 'prices';

export class OutSmartStore {
	/** By row id: the one key every order has (orders planned in OutSmart itself have no WorkorderNo). */
	private readonly workordersById = new Map<string, Workorder>();
	private readonly masterCollections = new Map<string, MasterCollection>();
	private rowIdCounter = 169800;
	private orderNrCounter = 0;

	constructor(readonly clock: SimulatedClock) {
		for (const definition of MASTER_ENTITIES.values()) {
			this.masterCollections.set(definition.endpoint, new MasterCollection(definition, () => this.nextRowId()));
		}
	}

	nextRowId(): number {
		return ++this.rowIdCounter;
	}

	master(entity: MasterEntityName | string): MasterCollection {
		const collection = this.masterCollections.get(entity);
		if (!collection) throw new Error(`Unknown master-data entity: ${entity}`);
		return collection;
	}

	get employees(): MasterRecord[] {
		return this.master('employees').all();
	}
	get relations(): MasterRecord[] {
		return this.master('relations').all();
	}
	get materials(): MasterRecord[] {
		return this.master('materials').all();
	}
	get hourtypes(): MasterRecord[] {
		return this.master('hourtypes').all();
	}
	get workstatusses(): MasterRecord[] {
		return this.master('workstatusses').all();
	}

	/** Every work order in creation order (live objects: mutate only through the store's methods). */
	get workorders(): Workorder[] {
		return [...this.workordersById.values()];
	}

	/** By WorkorderNo; an empty number finds nothing (many orders have none). */
	findWorkorder(workorderNo: string): Workorder | undefined {
		if (workorderNo.trim() === '') return undefined;
		return this.workorders.find((workorder) => workorder.WorkorderNo === workorderNo);
	}

	findWorkorderById(rowId: string): Workorder | undefined {
		return this.workordersById.get(rowId);
	}

	/** For the control API: a WorkorderNo, else an OrderNr (the number of orders planned in OutSmart), else a row id. */
	findWorkorderByNoOrId(key: string): Workorder | undefined {
		if (key.trim() === '') return undefined;
		return this.findWorkorder(key) ?? this.workorders.find((workorder) => workorder.OrderNr === key) ?? this.findWorkorderById(key);
	}

	private statusChange(status: string, user: string): StatusChange {
		return { status, timestamp: formatTimestamp(this.clock.now()), user };
	}

	private nextOrderNr(): string {
		const year = formatWorkDate(this.clock.now()).slice(-4);
		return `WB-${year}-${String(++this.orderNrCounter).padStart(5, '0')}`;
	}

	/** Creates a work order from a validated draft; the caller has checked that the number is free. */
	createWorkorder(draft: WorkorderDraft, status: WorkorderStatus = 'Klaargezet', user = 'OpenAPI'): Workorder {
		const id = String(this.nextRowId());
		const workorder: Workorder = {
			id,
			WorkorderNo: draft.WorkorderNo,
			OrderNr: draft.OrderNr || this.nextOrderNr(),
			status,
			WorkStatus: draft.WorkStatus,
			WorkFinished: status === 'Compleet' || status === 'Afgehandeld' ? '1' : '0',
			Archived: '0',
			WorksheetCode: createHash('md5').update(`worksheet-${id}-${draft.WorkorderNo}`).digest('hex').slice(0, 24),
			CreationDate: formatCreationDate(this.clock.now()),
			fields: { ...draft.fields },
			Materials: draft.Materials.map((material) => ({ ...material })),
			Workperiods: draft.Workperiods.map((period) => ({ ...period })),
			StatusChanges: [this.statusChange(status, user)],
			Photos: [],
			Documents: [],
			Forms: draft.Forms.map((form) => ({ ...form })),
			Employees: [...draft.Employees],
			WorkObjects: [...draft.WorkObjects],
		};
		if (draft.WorkStatus) workorder.StatusChanges.push(this.statusChange(draft.WorkStatus, user));
		this.workordersById.set(workorder.id, workorder);
		return workorder;
	}

	/** Moves the main status and logs the change; a no-op when it is already there. */
	setStatus(workorder: Workorder, status: WorkorderStatus, user: string): void {
		if (workorder.status === status) return;
		workorder.status = status;
		workorder.StatusChanges.push(this.statusChange(status, user));
	}

	/** Resolves a work-status code, or a name, to the code; undefined when the account does not know it. */
	resolveWorkstatus(codeOrName: string): string | undefined {
		const statuses = this.master('workstatusses').all();
		return (statuses.find((status) => status.sta_code === codeOrName) ?? statuses.find((status) => status.sta_name === codeOrName))?.sta_code;
	}

	setWorkstatus(workorder: Workorder, code: string, user: string): void {
		if (workorder.WorkStatus === code) return;
		workorder.WorkStatus = code;
		workorder.StatusChanges.push(this.statusChange(code, user));
	}

	/**
	 * The agreed price of a material for a customer on a date (Y-m-d) from the `prices` rows, answered with a
	 * comma like material prices: the customer's own row before a row for every customer (debtornr ""), the latest
	 * start first. Ours: lib/spec.json calls the rows prices per material/hour type, customer and period, but does not
	 * say how the app picks one.
	 */
	agreedMaterialPrice(code: string, debtorNr: string, date: string): string | undefined {
		const rows = this.master('prices')
			.all()
			.filter((row) => row.material === code && (row.debtornr === debtorNr || row.debtornr === '') && row.date_start <= date && (row.date_end === '' || date <= row.date_end))
			.sort((a, b) => Number(b.debtornr !== '') - Number(a.debtornr !== '') || b.date_start.localeCompare(a.date_start));
		return rows[0] ? formatCommaDecimal(Number(rows[0].price)) : undefined;
	}

	/**
	 * Fills a technician's material line from the catalogue (name, price, unit, free fields); the price is the
	 * customer's agreed price on the day (see agreedMaterialPrice) when `customer` has one.
	 */
	materialLine(input: Partial<Record<keyof WorkorderMaterial, string | number | null>>, customer?: string): WorkorderMaterial {
		const catalogue = input.MaterialCode !== undefined ? this.master('materials').get(String(input.MaterialCode)) : undefined;
		const agreed = customer && input.MaterialCode !== undefined ? this.agreedMaterialPrice(String(input.MaterialCode), customer, formatIsoDate(this.clock.now())) : undefined;
		return normaliseMaterial({
			MaterialName: catalogue?.description,
			MaterialPrice: agreed ?? catalogue?.price,
			MaterialUnit: catalogue?.unit,
			MaterialFreeField1: catalogue?.freefield1,
			MaterialFreeField2: catalogue?.freefield2,
			MaterialFreeField3: catalogue?.freefield3,
			MaterialFreeField4: catalogue?.freefield4,
			MaterialFreeField5: catalogue?.freefield5,
			MaterialNr: 1,
			...input,
		});
	}

	/** Plays the technician finishing the job: status Compleet, WorkFinished 1, lines and hours recorded. */
	completeWorkorder(workorder: Workorder, input: CompleteWorkorderInput = {}): Workorder {
		const user = input.employeeNr ?? (workorder.fields.EmployeeNr || 'app');
		if (input.materials) workorder.Materials = input.materials.map((material) => this.materialLine(material, workorder.fields.CustomerDebtorNr));
		if (input.workperiods) {
			const today = formatWorkDate(this.clock.now());
			workorder.Workperiods = input.workperiods.map((period) =>
				normaliseWorkperiod({ WorkDate: today, EmployeeNr: user, BeginTime: '08:00', EndTime: formatWorkTime(this.clock.now()), ...period }),
			);
		}
		workorder.WorkFinished = input.workFinished === false ? '0' : '1';
		this.setStatus(workorder, 'Compleet', user);
		if (input.workstatus !== undefined) {
			const code = this.resolveWorkstatus(input.workstatus);
			if (code === undefined) throw new Error(`Unknown work status: ${input.workstatus}`);
			this.setWorkstatus(workorder, code, user);
		}
		return workorder;
	}

	deleteWorkorders(predicate: (workorder: Workorder) => boolean): number {
		let count = 0;
		for (const workorder of this.workorders) {
			if (predicate(workorder)) {
				this.workordersById.delete(workorder.id);
				count++;
			}
		}
		return count;
	}
}
