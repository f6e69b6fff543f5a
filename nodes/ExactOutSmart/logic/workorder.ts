/**
 * The parts of an OutSmart work order (as GetWorkorder(s) returns it) that the export reads. Values are
 * strings, as OutSmart sends them; other fields (free fields, customer fields, ...) stay reachable through
 * the index signature for tags.
 */
export interface WorkorderMaterial {
	MaterialCode?: string;
	MaterialNr?: string;
	MaterialPrice?: string;
	MaterialName?: string;
	MaterialUnit?: string;
	/** Real orders send null for an empty free field (the Blueprint's GetWorkorder example). */
	MaterialFreeField1?: string | null;
	MaterialFreeField2?: string | null;
	MaterialFreeField3?: string | null;
	MaterialFreeField4?: string | null;
	MaterialFreeField5?: string | null;
	[field: string]: unknown;
}

export interface WorkorderWorkperiod {
	WorkDate?: string;
	TotalTime?: string;
	HourType?: string;
	EmployeeNr?: string;
	BeginTime?: string;
	EndTime?: string;
	WorkRemark?: string;
	[field: string]: unknown;
}

export interface Workorder {
	id?: string;
	WorkorderNo?: string;
	OrderNr?: string;
	status?: string;
	WorkStatus?: string;
	WorkFinished?: string;
	Archived?: string;
	TypeOfWork?: string;
	PaymentMethod?: string;
	CustomerDebtorNr?: string;
	CustomerDebtorNrInvoice?: string;
	WorkDate?: string;
	WorkEndDate?: string;
	ProjectNr?: string;
	MinimumHours?: string;
	RoundingAmount?: string;
	PdfUrl?: string;
	Materials?: WorkorderMaterial[];
	Workperiods?: WorkorderWorkperiod[];
	/** Set by the OutSmart Trigger: the status (work status code or main status) the order reached. */
	triggerStatus?: unknown;
	[field: string]: unknown;
}

/** The customer the invoice goes to: the invoice debtor when the order has one, else the site customer. */
export function invoiceDebtorNumber(order: Workorder): string {
	const invoiceDebtor = typeof order.CustomerDebtorNrInvoice === 'string' ? order.CustomerDebtorNrInvoice.trim() : '';
	if (invoiceDebtor !== '') return invoiceDebtor;
	return typeof order.CustomerDebtorNr === 'string' ? order.CustomerDebtorNr.trim() : '';
}

export function workorderLabel(order: Workorder): string {
	return order.WorkorderNo ? `work order ${order.WorkorderNo}` : `work order with row id ${order.id ?? '?'}${order.OrderNr ? ` (OrderNr ${String(order.OrderNr)})` : ''}`;
}

/**
 * The order's material lines or work periods. OutSmart sends an empty list as nothing or as an empty
 * string; anything else that is not a list cannot be read, and `undefined` says so (refusing the order
 * beats invoicing part of it).
 */
export function linesOf<Field extends 'Materials' | 'Workperiods'>(
	order: Workorder,
	field: Field,
): NonNullable<Workorder[Field]> | undefined {
	const value: unknown = order[field];
	if (value === undefined || value === null || value === '') return [] as NonNullable<Workorder[Field]>;
	return Array.isArray(value) ? (value as NonNullable<Workorder[Field]>) : undefined;
}

export function unreadableLinesProblem(field: 'Materials' | 'Workperiods'): string {
	return `The work order's ${field} is not a list and cannot be read: check the order in OutSmart (and the OutSmart API answer)`;
}

/**
 * Which field gives the number people see (tags, YourRef, document subject). The Blueprint
 * (CloudEcosystemDev/outsmart-component README.md) defines `WorkorderNo` as the number "originated from
 * ERP/CRM" and `OrderNr` as the number "created in the tablet app"; orders planned in OutSmart itself have
 * no WorkorderNo. The order itself is always identified by its row id (`id`).
 */
export type NumberSource = 'workorderNoElseOrderNr' | 'workorderNo' | 'orderNr';
export const NUMBER_SOURCES: readonly NumberSource[] = ['workorderNoElseOrderNr', 'workorderNo', 'orderNr'];

const NUMBER_SOURCE_LABELS: Record<NumberSource, string> = {
	workorderNoElseOrderNr: 'WorkorderNo, else OrderNr',
	workorderNo: 'WorkorderNo',
	orderNr: 'OrderNr',
};

function trimmed(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The order's number as the setting says; '' when that field (or both) is empty. */
export function orderNumberOf(order: Workorder, source: NumberSource = 'workorderNoElseOrderNr'): string {
	if (source === 'orderNr') return trimmed(order.OrderNr);
	if (source === 'workorderNo') return trimmed(order.WorkorderNo);
	return trimmed(order.WorkorderNo) || trimmed(order.OrderNr);
}

/** Why an order without a number cannot be exported, naming the setting. */
export function missingNumberProblem(source: NumberSource = 'workorderNoElseOrderNr'): string {
	return `The work order has no number (Work-Order Number From: ${NUMBER_SOURCE_LABELS[source]}): fill it in OutSmart or choose another source`;
}

/**
 * The order as the export shows it: `WorkorderNo` replaced by the number the setting gives, so the tag
 * [WorkorderNo], YourRef, labels and file names all use the same number. [OrderNr] stays the app number.
 */
export function withShownNumber(order: Workorder, source: NumberSource = 'workorderNoElseOrderNr'): Workorder {
	const number = orderNumberOf(order, source);
	return number === order.WorkorderNo ? order : { ...order, WorkorderNo: number };
}

/**
 * Why the order is not a finished, live order, or undefined when it is. `WorkFinished` 0 means the
 * technician could not finish the work ("customer not on location", Blueprint changelog 02-03-2017);
 * `Archived` 1 an archived order (the WerkbonApp connector skips those). Absent flags count as finished
 * and live.
 */
export function notFinishedReason(order: Workorder): string | undefined {
	if (trimmed(order.Archived) === '1') return `${workorderLabel(order)} is archived in OutSmart`;
	if (trimmed(order.WorkFinished) === '0') {
		return `${workorderLabel(order)} is not finished: the technician could not complete the work (WorkFinished 0)${order.WorkStatus ? `, work status ${trimmed(order.WorkStatus)}` : ''}`;
	}
	return undefined;
}
