/** Record shapes of the OutSmart simulator. Every value is a string, as in the real OpenAPI. */

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

export type FaultKind = 'status' | 'timeout' | 'dropAfterWrite' | 'malformedJson' | 'html401' | 'envelope' | 'rejectRecords';

export interface FaultRule {
	/** Method and path (substring or regular-expression source) to match; absent means every API request. */
	match?: { method?: string; path?: string };
	fault: FaultKind;
	/** 'status': the HTTP status (default 500); body and headers are optional. */
	status?: number;
	body?: string;
	headers?: Record<string, string>;
	/** 'envelope': the error envelope answered with HTTP 200. */
	code?: number;
	messages?: string[];
	/** 'rejectRecords': indexes of the batch records that fail; the whole batch is rejected. */
	recordIndexes?: number[];
	/** How many matching requests the rule affects (default 1). */
	times?: number;
}
