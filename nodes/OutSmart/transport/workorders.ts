import type { IDataObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { getClock } from '../../shared/clock';
import type { OutSmartFilter } from './filters';
import { isTransientFailure, outSmartBaseUrl, outSmartCodeOf, outSmartRequest, OUTSMART_CREDENTIAL, type OutSmartContext } from './request';
import { toNodeError } from '../../shared/nodeError';

export type WorkorderMainStatus = 'Alle' | 'Klaargezet' | 'Opgehaald' | 'Compleet' | 'Afgehandeld';

export const WORKORDER_MAIN_STATUSES: readonly WorkorderMainStatus[] = ['Alle', 'Klaargezet', 'Opgehaald', 'Compleet', 'Afgehandeld'];

export interface WorkorderReference {
	rowId?: string;
	workorderNo?: string;
}

function referenceQuery(context: OutSmartContext, by: WorkorderReference, itemIndex?: number): IDataObject {
	const rowId = String(by.rowId ?? '').trim();
	const workorderNo = String(by.workorderNo ?? '').trim();
	if (rowId !== '') return { row_id: rowId };
	if (workorderNo !== '') return { workorder_no: workorderNo };
	throw new NodeOperationError(context.getNode(), 'Give the work order row ID or the work order number', { itemIndex });
}

function asRecords(response: unknown): IDataObject[] {
	if (Array.isArray(response)) return response.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null);
	return [];
}

/**
 * Lists work orders. Always passes `update_status=false`: OutSmart's default would silently move every
 * fetched Compleet order to Afgehandeld before anything was exported.
 */
export async function getWorkorders(
	this: OutSmartContext,
	options: { status: WorkorderMainStatus; workstatus?: string; filters?: OutSmartFilter[]; itemIndex?: number },
): Promise<IDataObject[]> {
	const qs: IDataObject = { status: options.status, update_status: 'false' };
	if (options.workstatus !== undefined && options.workstatus !== '') qs.workstatus = options.workstatus;
	try {
		const response = await outSmartRequest.call(this, {
			method: 'GET',
			endpoint: 'GetWorkorders',
			qs,
			filters: options.filters,
			itemIndex: options.itemIndex,
		});
		return asRecords(response);
	} catch (error) {
		// 1500 "Workorder not found by given criteria" is how OutSmart says the list is empty.
		if (outSmartCodeOf(error) === 1500) return [];
		throw toNodeError(this.getNode(), error);
	}
}

/** Reads one work order without changing its status. */
export async function getWorkorder(this: OutSmartContext, by: WorkorderReference, itemIndex?: number): Promise<IDataObject> {
	const response = await outSmartRequest.call(this, {
		method: 'GET',
		endpoint: 'GetWorkorder',
		qs: { ...referenceQuery(this, by, itemIndex), update_status: 'false' },
		itemIndex,
	});
	return (response ?? {}) as IDataObject;
}

/**
 * The documented acknowledgement: reading the one order with `update_status=true` moves it to
 * Afgehandeld. Call it only after the receiving system confirmed the export.
 */
export async function markWorkorderProcessed(this: OutSmartContext, by: WorkorderReference, itemIndex?: number): Promise<IDataObject> {
	const response = await outSmartRequest.call(this, {
		method: 'GET',
		endpoint: 'GetWorkorder',
		qs: { ...referenceQuery(this, by, itemIndex), update_status: 'true' },
		itemIndex,
		retryTransient: false,
	});
	return (response ?? {}) as IDataObject;
}

export interface WorkorderUpdate {
	/** d-m-Y */
	workdate?: string;
	/** H:i */
	worktime?: string;
	employeeNr?: string;
	workstatus?: string;
}

/** The values OutSmart requires on every UpdateWorkorder call, as the order has them now. */
export function currentSchedule(order: IDataObject): WorkorderUpdate {
	const textOf = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());
	const periods = Array.isArray(order.Workperiods) ? (order.Workperiods as IDataObject[]) : [];
	const employees = Array.isArray(order.Employees) ? (order.Employees as unknown[]) : [];
	const employeeNr =
		textOf(order.EmployeeNr) || textOf(periods.map((period) => textOf(period?.EmployeeNr)).find((nr) => nr !== '')) || textOf(employees[0]);
	// An order planned without a date or time: the last work period says when the work was done.
	const lastPeriod = [...periods].reverse().find((period) => textOf(period?.WorkDate) !== '');
	return {
		workdate: textOf(order.WorkDate) || textOf(lastPeriod?.WorkDate),
		worktime: textOf(order.WorkTime) || textOf(lastPeriod?.BeginTime),
		employeeNr,
	};
}

/**
 * UpdateWorkorder: reschedule, reassign or set the work status. The Blueprint lists `workdate`, `worktime`
 * and `employee_nr` as required, so what the caller does not change is sent as the order has it (read once
 * with update_status=false). "No data changed" (1503) counts as success, so setting a status the order
 * already has is harmless.
 */
export async function updateWorkorder(
	this: OutSmartContext,
	by: WorkorderReference,
	update: WorkorderUpdate,
	itemIndex?: number,
): Promise<{ changed: boolean }> {
	const reference = referenceQuery(this, by, itemIndex);
	if (!update.workdate && !update.worktime && !update.employeeNr && !update.workstatus) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: give a work date, work time, employee or work status', { itemIndex });
	}
	let complete = update;
	if (!update.workdate || !update.worktime || !update.employeeNr) {
		const current = currentSchedule(await getWorkorder.call(this, by, itemIndex));
		complete = {
			workdate: update.workdate || current.workdate,
			worktime: update.worktime || current.worktime,
			employeeNr: update.employeeNr || current.employeeNr,
			workstatus: update.workstatus,
		};
	}
	const qs: IDataObject = { ...reference };
	if (complete.workdate) qs.workdate = complete.workdate;
	if (complete.worktime) qs.worktime = complete.worktime;
	if (complete.employeeNr) qs.employee_nr = complete.employeeNr;
	if (complete.workstatus) qs.workstatus = complete.workstatus;
	try {
		await outSmartRequest.call(this, { method: 'GET', endpoint: 'UpdateWorkorder', qs, itemIndex, retryTransient: false });
		return { changed: true };
	} catch (error) {
		if (outSmartCodeOf(error) === 1503) return { changed: false };
		throw toNodeError(this.getNode(), error, itemIndex);
	}
}

/** Moves a work order (by row id, else number) to another work status (e.g. the export-success status). */
export async function setWorkorderStatus(this: OutSmartContext, by: WorkorderReference, workstatus: string, itemIndex?: number): Promise<void> {
	if (String(workstatus ?? '').trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Give the work status code to set', { itemIndex });
	}
	await updateWorkorder.call(this, by, { workstatus }, itemIndex);
}

/**
 * Creates work orders; OutSmart answers the number and row ID of each. `skip_duplicate_workorder_no` (sent
 * by real clients, e.g. roelgeelen/outsmart-plugin) keeps a repeated POST from creating the order twice.
 */
export async function createWorkorders(
	this: OutSmartContext,
	workorders: IDataObject[],
	itemIndex?: number,
): Promise<Array<{ workorder_no: string; row_id: number | string }>> {
	const response = await outSmartRequest.call(this, {
		method: 'POST',
		endpoint: 'PostWorkorders',
		qs: { skip_duplicate_workorder_no: 'true' },
		body: workorders,
		itemIndex,
	});
	return asRecords(response) as unknown as Array<{ workorder_no: string; row_id: number | string }>;
}

/** Replaces (or, with `clear: false`, adds to) the material lines of a work order. */
export async function replaceWorkorderMaterials(
	this: OutSmartContext,
	rowId: string,
	materials: IDataObject[],
	options: { clear: boolean; process: boolean },
	itemIndex?: number,
): Promise<void> {
	await outSmartRequest.call(this, {
		method: 'POST',
		endpoint: 'UpdateWorkorder',
		qs: { row_id: rowId, ClearMaterials: String(options.clear), ProcessMaterials: String(options.process) },
		body: materials,
		itemIndex,
	});
}

function isPdf(buffer: Buffer): boolean {
	return buffer.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * Downloads a work-order PDF (`PdfUrl`). The tokens go along only when the URL is on the credential's own
 * host, so they never leak to another server. Transient failures are retried like any read.
 */
export async function downloadPdf(this: OutSmartContext, pdfUrl: string, itemIndex?: number): Promise<Buffer> {
	let url: URL;
	try {
		url = new URL(pdfUrl);
	} catch {
		throw new NodeOperationError(this.getNode(), `The work order has no valid PDF URL ('${pdfUrl}')`, { itemIndex });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NodeOperationError(this.getNode(), `The PDF URL must be http(s), got '${url.protocol}'`, { itemIndex });
	}
	const sameHost = new URL(await outSmartBaseUrl(this)).origin === url.origin;
	const options: IHttpRequestOptions = { method: 'GET', url: url.toString(), encoding: 'arraybuffer', json: false };
	const attempts = 3;
	let body: unknown;
	for (let attempt = 1; ; attempt++) {
		try {
			body = sameHost
				? await this.helpers.httpRequestWithAuthentication.call(this, OUTSMART_CREDENTIAL, options)
				: await this.helpers.httpRequest(options);
			break;
		} catch (error) {
			if (attempt >= attempts || !isTransientFailure(error)) {
				throw new NodeApiError(this.getNode(), { message: 'PDF download failed' } as JsonObject, {
					message: `Could not download the work order PDF from ${url.origin}${url.pathname}`,
					description: error instanceof Error ? error.message.split('?')[0] : undefined,
					itemIndex,
				});
			}
			await getClock().sleep(1000 * attempt);
		}
	}
	const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
	if (!isPdf(buffer)) {
		throw new NodeApiError(this.getNode(), { message: 'Not a PDF' } as JsonObject, {
			message: 'The work order PDF URL did not return a PDF',
			description: `It answered: ${buffer.subarray(0, 80).toString('utf8')}`,
			itemIndex,
		});
	}
	return buffer;
}
