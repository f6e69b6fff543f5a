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
	MaterialFreeField1?: string;
	MaterialFreeField2?: string;
	MaterialFreeField3?: string;
	MaterialFreeField4?: string;
	MaterialFreeField5?: string;
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
	return order.WorkorderNo ? `work order ${order.WorkorderNo}` : `work order with row id ${order.id ?? '?'}`;
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
