/** PostWorkorders, GetWorkorders, GetWorkorder and UpdateWorkorder (GET and POST). */
import { booleanParam, jsonBatch, jsonBody, rejectRequestedRecords, type ApiContext } from './context';
import { EnvelopeError, ResultCode } from './envelope';
import { applyFilters, parseFilters } from './filters';
import { isValidWorkDate, isValidWorkTime } from './format';
import type { Workorder, WorkorderStatus } from './types';
import { WORKORDER_STATUSES } from './types';
import { normaliseMaterial, parsePostedWorkorder, validateMaterials, WORKORDER_FILTER_COLUMNS, workorderColumns, workorderToApi } from './workorders';

const API_USER = 'OpenAPI';

/**
 * PostWorkorders. `skip_duplicate_workorder_no=true` (sent by roelgeelen/outsmart-plugin
 * services/WorkOrderService.java): ours: an order whose WorkorderNo exists is not created again and the
 * answer names the existing one; without it a duplicate number is refused (1501).
 */
export function postWorkorders(context: ApiContext): unknown {
	const batch = jsonBatch(context);
	const drafts = batch.map((input, index) => parsePostedWorkorder(input, index, batch.length));
	const skipDuplicates = booleanParam(context.params, 'skip_duplicate_workorder_no', false);
	const seen = new Set<string>();
	drafts.forEach((draft, index) => {
		const where = batch.length > 1 ? ` (record ${index})` : '';
		const duplicate = seen.has(draft.WorkorderNo) || context.store.findWorkorder(draft.WorkorderNo) !== undefined;
		if (duplicate && !skipDuplicates) {
			throw new EnvelopeError(ResultCode.workorderRequiredField, [`WorkorderNo already exists: ${draft.WorkorderNo}${where}`]);
		}
		seen.add(draft.WorkorderNo);
		if (draft.WorkStatus && context.store.resolveWorkstatus(draft.WorkStatus) !== draft.WorkStatus) {
			throw new EnvelopeError(ResultCode.updateWorkorderParse, [`Workstatus not found: ${draft.WorkStatus}${where}`]);
		}
	});
	rejectRequestedRecords(context, ResultCode.workorderRequiredField);
	return drafts.map((draft) => {
		const workorder = context.store.findWorkorder(draft.WorkorderNo) ?? context.store.createWorkorder(draft);
		return { workorder_no: workorder.WorkorderNo, row_id: Number(workorder.id) };
	});
}

/** Orders fetched with update_status on move from Compleet to Afgehandeld; the answer still shows what was read. */
function fetchWorkorders(context: ApiContext, workorders: Workorder[]): Array<Record<string, unknown>> {
	const answer = workorders.map((workorder) => workorderToApi(workorder, context.origin));
	if (booleanParam(context.params, 'update_status', true)) {
		for (const workorder of workorders) {
			if (workorder.status === 'Compleet') context.store.setStatus(workorder, 'Afgehandeld', API_USER);
		}
	}
	return answer;
}

export function getWorkorders(context: ApiContext): unknown {
	const status = context.params.get('status');
	if (status === null || status === '') throw new EnvelopeError(ResultCode.workorderRequiredField, ['Required field missing: status']);
	if (status !== 'Alle' && !WORKORDER_STATUSES.includes(status as WorkorderStatus)) {
		throw new EnvelopeError(ResultCode.workorderRequiredField, [`Invalid status: ${status}. Allowed: Alle, ${WORKORDER_STATUSES.join(', ')}`]);
	}
	let workorders = context.store.workorders.filter((workorder) => status === 'Alle' || workorder.status === status);
	const workstatus = context.params.get('workstatus');
	if (workstatus !== null && workstatus !== '') workorders = workorders.filter((workorder) => workorder.WorkStatus === workstatus);
	workorders = applyFilters(workorders, parseFilters(context.params), workorderColumns, WORKORDER_FILTER_COLUMNS);
	// ours: nothing found is code 1500 "Workorder not found by given criteria." (the Blueprint's result-code table,
	// CloudEcosystemDev/outsmart-component README.md), not an empty list.
	if (workorders.length === 0) throw new EnvelopeError(ResultCode.workorderNotFound, ['Workorder not found by given criteria.']);
	return fetchWorkorders(context, workorders);
}

/** Finds the order named by `row_id` or `workorder_no`; 1501 when neither is given, 1500 when it does not exist. */
function identifiedWorkorder(context: ApiContext): Workorder {
	const rowId = context.params.get('row_id');
	const workorderNo = context.params.get('workorder_no');
	if (!rowId && !workorderNo) throw new EnvelopeError(ResultCode.workorderRequiredField, ['Required field missing: row_id or workorder_no']);
	const workorder = rowId ? context.store.findWorkorderById(rowId) : context.store.findWorkorder(workorderNo ?? '');
	if (!workorder) throw new EnvelopeError(ResultCode.workorderNotFound, [`Workorder not found: ${rowId ?? workorderNo}`]);
	return workorder;
}

export function getWorkorder(context: ApiContext): unknown {
	return fetchWorkorders(context, [identifiedWorkorder(context)])[0];
}

/**
 * GET UpdateWorkorder: reschedule, reassign or set the work status. The Blueprint marks `workdate`,
 * `worktime` and `employee_nr` required (CloudEcosystemDev/outsmart-component README.md, UpdateWorkorder
 * parameters), so a call without them is refused even when only the work status changes; ours: with code
 * 1502 and one "Required field missing" message per parameter.
 */
export function updateWorkorder(context: ApiContext): unknown {
	const workorder = identifiedWorkorder(context);
	const workdate = context.params.get('workdate');
	const worktime = context.params.get('worktime');
	const employeeNr = context.params.get('employee_nr');
	const workstatus = context.params.get('workstatus');
	if (workdate === null && worktime === null && employeeNr === null && workstatus === null) {
		throw new EnvelopeError(ResultCode.updateWorkorderNoData, ['No update data']);
	}
	const missing = (['workdate', 'worktime', 'employee_nr'] as const).filter((name) => (context.params.get(name) ?? '') === '');
	if (missing.length > 0) throw new EnvelopeError(ResultCode.updateWorkorderNoData, missing.map((name) => `Required field missing: ${name}`));
	const problems: string[] = [];
	if (workdate !== null && !isValidWorkDate(workdate)) problems.push('Date invalid. Format: 20-02-2016');
	if (worktime !== null && !isValidWorkTime(worktime)) problems.push('Time invalid. Format: 07:08');
	if (employeeNr !== null && !context.store.master('employees').get(employeeNr)) problems.push('Employee not updated');
	const workstatusCode = workstatus === null ? undefined : context.store.resolveWorkstatus(workstatus);
	if (workstatus !== null && workstatusCode !== workstatus) problems.push('Workstatus not updated');
	if (problems.length > 0) throw new EnvelopeError(ResultCode.updateWorkorderParse, problems);
	let changed = false;
	if (workdate !== null && workorder.fields.WorkDate !== workdate) {
		workorder.fields.WorkDate = workdate;
		changed = true;
	}
	if (worktime !== null && workorder.fields.WorkTime !== worktime) {
		workorder.fields.WorkTime = worktime;
		changed = true;
	}
	if (employeeNr !== null && workorder.fields.EmployeeNr !== employeeNr) {
		workorder.fields.EmployeeNr = employeeNr;
		changed = true;
	}
	if (workstatus !== null && workorder.WorkStatus !== workstatus) {
		context.store.setWorkstatus(workorder, workstatus, API_USER);
		changed = true;
	}
	if (!changed) throw new EnvelopeError(ResultCode.updateWorkorderNoChange, ['No data changed']);
	return null;
}

/** POST UpdateWorkorder: material lines. ClearMaterials=true replaces them, otherwise they are appended. */
export function updateWorkorderMaterials(context: ApiContext): unknown {
	const workorder = identifiedWorkorder(context);
	const body = jsonBody(context);
	if (!Array.isArray(body)) throw new EnvelopeError(ResultCode.invalidBody, ['Unable to parse body']);
	const rows = validateMaterials(body, '').map(normaliseMaterial);
	workorder.Materials = booleanParam(context.params, 'ClearMaterials', false) ? rows : [...workorder.Materials, ...rows];
	return null;
}
