/** Work-order records: turning posted JSON into stored orders, and stored orders into API answers. */
import { EnvelopeError, ResultCode } from './envelope';
import { formatCommaDecimal, formatDuration, isValidWorkDate, isValidWorkTime, minutesOfWorkTime, parseDecimal, toApiString } from './format';
import type { Workorder, WorkorderMaterial, WorkorderWorkperiod } from './types';

const CUSTOMER_FIELDS = ['Name', 'DebtorNr', 'Street', 'StreetNo', 'Email', 'ZIP', 'City', 'Country', 'ContactPerson', 'Phone', 'Remark'];

/** The scalar fields a work order carries besides its identity, status and arrays. */
export const WORKORDER_FIELDS: readonly string[] = [
	'ProjectNr',
	'ExternProjectNr',
	...CUSTOMER_FIELDS.map((field) => `Customer${field}`),
	'CustomerLatitude',
	'CustomerLongitude',
	...CUSTOMER_FIELDS.map((field) => `Customer${field}Invoice`),
	'TypeOfWork',
	'WorkDescription',
	'InternalWorkDescription',
	'WorkInstruction',
	'PaymentMethod',
	'EmployeeNr',
	'WorkDate',
	'WorkTime',
	'WorkEndDate',
	'WorkEndTime',
	'WorkDeadline',
	'WorkDuration',
	'PickupPlanning',
	'WebPlanning',
	'CpnCode',
	'CpnCodeInvoice',
	'AdrCode',
	'ShortWorkDescription',
	'Comment',
	'ErrorCode',
	'ErrorMessage',
	'SolutionCode',
	'SolutionMessage',
	'PriorityCode',
	'PriorityMessage',
	'MinimumHours',
	'RoundingAmount',
	'Signature',
	'SignatureUrl',
];

export const WORKORDER_REQUIRED_FIELDS: readonly string[] = [
	'WorkorderNo',
	'CustomerName',
	'CustomerDebtorNr',
	'CustomerStreet',
	'CustomerZIP',
	'CustomerCity',
	'CustomerContactPerson',
	'CustomerNameInvoice',
	'CustomerDebtorNrInvoice',
	'CustomerStreetInvoice',
	'CustomerZIPInvoice',
	'CustomerCityInvoice',
	'CustomerContactPersonInvoice',
	'TypeOfWork',
	'PaymentMethod',
];

export const MATERIAL_REQUIRED_FIELDS: readonly string[] = ['MaterialCode', 'MaterialNr', 'MaterialPrice', 'MaterialName'];
export const WORKPERIOD_REQUIRED_FIELDS: readonly string[] = ['WorkDate', 'BeginTime', 'EndTime', 'TotalTime'];

/** Columns GetWorkorders filters accept (which ones the real API accepts is undocumented). */
export const WORKORDER_FILTER_COLUMNS: ReadonlySet<string> = new Set(['id', 'WorkorderNo', 'OrderNr', 'status', 'WorkStatus', 'WorkFinished', 'Archived', 'CreationDate', 'WorksheetCode', ...WORKORDER_FIELDS]);

function isMissing(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Quantities: whole numbers stay '2', fractions get a comma ('1,5'). */
function formatQuantity(value: number): string {
	return Number.isInteger(value) ? String(value) : formatCommaDecimal(value).replace(/0$/, '');
}

/** Optional line fields: null when absent or empty, as the Blueprint's GetWorkorder example shows them. */
function nullableString(value: unknown): string | null {
	const text = toApiString(value);
	return text === '' ? null : text;
}

export function normaliseMaterial(input: Record<string, unknown>): WorkorderMaterial {
	const quantity = parseDecimal(input.MaterialNr) ?? 0;
	const price = parseDecimal(input.MaterialPrice) ?? 0;
	return {
		MaterialCode: toApiString(input.MaterialCode),
		MaterialNr: formatQuantity(quantity),
		MaterialPrice: formatCommaDecimal(price),
		MaterialName: toApiString(input.MaterialName),
		MaterialUnit: toApiString(input.MaterialUnit),
		MaterialType: nullableString(input.MaterialType),
		MaterialFreeField1: nullableString(input.MaterialFreeField1),
		MaterialFreeField2: nullableString(input.MaterialFreeField2),
		MaterialFreeField3: nullableString(input.MaterialFreeField3),
		MaterialFreeField4: nullableString(input.MaterialFreeField4),
		MaterialFreeField5: nullableString(input.MaterialFreeField5),
		MaterialTotalPrice: formatCommaDecimal(quantity * price),
	};
}

export function normaliseWorkperiod(input: Record<string, unknown>): WorkorderWorkperiod {
	const begin = toApiString(input.BeginTime);
	const end = toApiString(input.EndTime);
	const breakMinutes = toApiString(input.Break || '0');
	let totalTime = toApiString(input.TotalTime);
	if (totalTime === '' && isValidWorkTime(begin) && isValidWorkTime(end)) {
		totalTime = formatDuration(minutesOfWorkTime(end) - minutesOfWorkTime(begin) - (Number(breakMinutes) || 0));
	}
	return {
		WorkDate: toApiString(input.WorkDate),
		BeginTime: begin,
		EndTime: end,
		Break: breakMinutes,
		TotalTime: totalTime,
		Travel: toApiString(input.Travel),
		WorkRemark: toApiString(input.WorkRemark),
		HourType: toApiString(input.HourType),
		EmployeeNr: toApiString(input.EmployeeNr),
	};
}

/** Validates material rows; messages name the row, e.g. "Required field missing: Materials[0].MaterialCode". */
export function validateMaterials(value: unknown, prefix: string): Array<Record<string, unknown>> {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new EnvelopeError(ResultCode.workorderRequiredField, [`${prefix}Materials must be an array`]);
	const messages: string[] = [];
	const rows = value.map((row, index) => {
		const record = asRecord(row);
		if (!record) {
			messages.push(`${prefix}Materials[${index}] is not an object`);
			return {};
		}
		for (const field of MATERIAL_REQUIRED_FIELDS) if (isMissing(record[field])) messages.push(`Required field missing: ${prefix}Materials[${index}].${field}`);
		for (const field of ['MaterialNr', 'MaterialPrice']) {
			if (!isMissing(record[field]) && parseDecimal(record[field]) === undefined) messages.push(`Invalid decimal: ${prefix}Materials[${index}].${field}`);
		}
		return record;
	});
	if (messages.length > 0) throw new EnvelopeError(ResultCode.workorderRequiredField, messages);
	return rows;
}

function validateWorkperiods(value: unknown, prefix: string, messages: string[]): Array<Record<string, unknown>> {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		messages.push(`${prefix}Workperiods must be an array`);
		return [];
	}
	return value.map((row, index) => {
		const record = asRecord(row) ?? {};
		for (const field of WORKPERIOD_REQUIRED_FIELDS) if (isMissing(record[field])) messages.push(`Required field missing: ${prefix}Workperiods[${index}].${field}`);
		return record;
	});
}

export interface WorkorderDraft {
	WorkorderNo: string;
	OrderNr: string;
	WorkStatus: string;
	fields: Record<string, string>;
	Materials: WorkorderMaterial[];
	Workperiods: WorkorderWorkperiod[];
	Employees: string[];
	WorkObjects: string[];
	Forms: Array<Record<string, string>>;
}

/**
 * Validates one posted work order. Missing fields give 1501 (one message per field);
 * a malformed WorkDate/WorkTime gives 1504 with UpdateWorkorder's messages.
 */
export function parsePostedWorkorder(input: unknown, index: number, batchSize: number): WorkorderDraft {
	const prefix = batchSize > 1 ? `[${index}].` : '';
	const record = asRecord(input);
	if (!record) throw new EnvelopeError(ResultCode.workorderRequiredField, [`Work order ${prefix}is not an object`]);
	const messages = WORKORDER_REQUIRED_FIELDS.filter((field) => isMissing(record[field])).map((field) => `Required field missing: ${prefix}${field}`);
	let materials: Array<Record<string, unknown>> = [];
	try {
		materials = validateMaterials(record.Materials, prefix);
	} catch (error) {
		if (!(error instanceof EnvelopeError)) throw error;
		messages.push(...error.messages);
	}
	const workperiods = validateWorkperiods(record.Workperiods, prefix, messages);
	if (messages.length > 0) throw new EnvelopeError(ResultCode.workorderRequiredField, messages);
	const parseProblems: string[] = [];
	for (const field of ['WorkDate', 'WorkEndDate']) {
		if (!isMissing(record[field]) && !isValidWorkDate(toApiString(record[field]))) parseProblems.push(`Date invalid. Format: 20-02-2016 (${prefix}${field})`);
	}
	for (const field of ['WorkTime', 'WorkEndTime']) {
		if (!isMissing(record[field]) && !isValidWorkTime(toApiString(record[field]))) parseProblems.push(`Time invalid. Format: 07:08 (${prefix}${field})`);
	}
	if (parseProblems.length > 0) throw new EnvelopeError(ResultCode.updateWorkorderParse, parseProblems);
	const fields: Record<string, string> = {};
	for (const field of WORKORDER_FIELDS) fields[field] = typeof record[field] === 'object' && record[field] !== null ? '' : toApiString(record[field]);
	const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map((entry) => toApiString(entry)) : []);
	return {
		WorkorderNo: toApiString(record.WorkorderNo),
		OrderNr: toApiString(record.OrderNr),
		WorkStatus: toApiString(record.WorkStatus),
		fields,
		Materials: materials.map(normaliseMaterial),
		Workperiods: workperiods.map(normaliseWorkperiod),
		Employees: stringList(record.Employees),
		WorkObjects: stringList(record.WorkObjects),
		Forms: Array.isArray(record.Forms)
			? record.Forms.map((form) => Object.fromEntries(Object.entries(asRecord(form) ?? {}).map(([key, value]) => [key, toApiString(value)])))
			: [],
	};
}

/** The URL of the work-order PDF, in the real API's `mailpdf.php` form. */
export function pdfUrlOf(origin: string, workorder: Workorder): string {
	return `${origin}/mailpdf.php?action=display&sheet_id=${encodeURIComponent(workorder.WorksheetCode)}`;
}

/** A work order as GetWorkorder(s) answer it: all strings, arrays copied. */
export function workorderToApi(workorder: Workorder, origin: string): Record<string, unknown> {
	return {
		id: workorder.id,
		WorkorderNo: workorder.WorkorderNo,
		OrderNr: workorder.OrderNr,
		...workorder.fields,
		CreationDate: workorder.CreationDate,
		status: workorder.status,
		WorkStatus: workorder.WorkStatus,
		WorkFinished: workorder.WorkFinished,
		Archived: workorder.Archived,
		WorksheetCode: workorder.WorksheetCode,
		PdfUrl: pdfUrlOf(origin, workorder),
		Photos: workorder.Photos.map((photo) => ({ ...photo })),
		Workperiods: workorder.Workperiods.map((period) => ({ ...period })),
		Materials: workorder.Materials.map((material) => ({ ...material })),
		Documents: [...workorder.Documents],
		Forms: workorder.Forms.map((form) => ({ ...form })),
		Employees: [...workorder.Employees],
		WorkObjects: [...workorder.WorkObjects],
		StatusChanges: workorder.StatusChanges.map((change) => ({ ...change })),
	};
}

/** The flat columns filters compare against. */
export function workorderColumns(workorder: Workorder): Record<string, string> {
	return {
		...workorder.fields,
		id: workorder.id,
		WorkorderNo: workorder.WorkorderNo,
		OrderNr: workorder.OrderNr,
		status: workorder.status,
		WorkStatus: workorder.WorkStatus,
		WorkFinished: workorder.WorkFinished,
		Archived: workorder.Archived,
		CreationDate: workorder.CreationDate,
		WorksheetCode: workorder.WorksheetCode,
	};
}
