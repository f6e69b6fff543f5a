/** Record shapes of the OutSmart simulator. Every value is a string, as in the real OpenAPI. */
import type { FaultKind } from '../shared/faults';

export type { FaultKind, FaultRule } from '../shared/faults';

export type WorkorderStatus = 'Klaargezet' | 'Opgehaald' | 'Compleet' | 'Afgehandeld';
export const WORKORDER_STATUSES: readonly WorkorderStatus[] = ['Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld'];

export interface WorkorderMaterial {
	MaterialCode: string;
	MaterialNr: string;
	MaterialPrice: string;
	MaterialName: string;
	MaterialUnit: string;
	/** null when the line has none, as in the Blueprint's GetWorkorder example (CloudEcosystemDev/outsmart-component README.md). */
	MaterialType: string | null;
	MaterialFreeField1: string | null;
	MaterialFreeField2: string | null;
	MaterialFreeField3: string | null;
	MaterialFreeField4: string | null;
	MaterialFreeField5: string | null;
	MaterialTotalPrice: string;
}

export interface WorkorderWorkperiod {
	WorkDate: string;
	BeginTime: string;
	EndTime: string;
	Break: string;
	TotalTime: string;
	Travel: string;
	WorkRemark: string;
	HourType: string;
	EmployeeNr: string;
}

export interface StatusChange {
	status: string;
	timestamp: string;
	user: string;
}

/** A stored work order: the GetWorkorder(s) fields plus the arrays. `PdfUrl` is derived when answering. */
export interface Workorder {
	id: string;
	WorkorderNo: string;
	OrderNr: string;
	status: WorkorderStatus;
	WorkStatus: string;
	WorkFinished: string;
	Archived: string;
	WorksheetCode: string;
	CreationDate: string;
	fields: Record<string, string>;
	Materials: WorkorderMaterial[];
	Workperiods: WorkorderWorkperiod[];
	StatusChanges: StatusChange[];
	Photos: Array<{ image: string; title: string }>;
	Documents: string[];
	Forms: Array<Record<string, string>>;
	Employees: string[];
	WorkObjects: string[];
}

/** A master-data record as the API lists it. */
export type MasterRecord = Record<string, string>;

export interface CallRecord {
	method: string;
	path: string;
	/** The raw query string without the leading '?', so tests can assert e.g. update_status=false. */
	query: string;
	endpoint: string;
	time: number;
	/** The envelope code answered, or undefined when no envelope was sent (fault, PDF, 404). */
	code?: number;
	fault?: FaultKind;
}

export interface CallFilter {
	method?: string;
	path?: string;
	endpoint?: string;
}

