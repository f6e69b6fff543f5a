/**
 * Export triggers: which OutSmart status exports a work order to Exact, how, and where the order goes
 * afterwards. Two triggers on one status would export the same order twice (or in two modes), which the
 * seed warns causes conflicts and data loss, so such a configuration is refused as a whole.
 */
import type { Workorder } from './workorder';
import { linesOf } from './workorder';
import { toIsoDate, text } from './values';

export type ExportMode = 'materialsAndHours' | 'materialsOnly' | 'pdfOnly';
export const EXPORT_MODES: readonly ExportMode[] = ['materialsAndHours', 'materialsOnly', 'pdfOnly'];

/** Automatic: every order that reaches Compleet. Manual: only orders a user puts in a chosen work status. */
export type ExportStart = 'automatic' | 'manual';

export const COMPLETE_STATUS = 'Compleet';

export interface ExportTrigger {
	name: string;
	/** OutSmart main status (Klaargezet, Opgehaald, Compleet, Afgehandeld); empty = any. */
	status: string;
	/** OutSmart work-status code; empty = any. */
	workstatus: string;
	mode: ExportMode;
	successStatus: string;
	errorStatus: string;
	/** Work types (TypeOfWork) this trigger never invoices, e.g. Garantie; compared case-insensitively. */
	excludeWorkTypes?: string[];
	/** Payment methods (PaymentMethod) this trigger never invoices, e.g. conform offerte. */
	excludePaymentMethods?: string[];
}

/**
 * What each work status is used for by the export triggers ("starts 'Factuur'", "success status of 'Factuur'"),
 * with the uses that conflict: a status that starts two triggers, or that one trigger moves its orders to and
 * another starts from (the order would be exported twice). Shown in the status dropdowns, so a conflict is
 * visible while the statuses are chosen; the run-time check (findTriggerProblems) still refuses it.
 */
export function workStatusUses(triggers: ExportTrigger[]): Map<string, { uses: string[]; conflict?: string }> {
	const byStatus = new Map<string, { uses: string[]; starts: string[]; endsIn: string[] }>();
	const entry = (code: string) => {
		if (!byStatus.has(code)) byStatus.set(code, { uses: [], starts: [], endsIn: [] });
		return byStatus.get(code)!;
	};
	triggers.forEach((trigger, index) => {
		const label = `'${trigger.name || `#${index + 1}`}'`;
		if (trigger.workstatus) {
			entry(trigger.workstatus).uses.push(`starts ${label}`);
			entry(trigger.workstatus).starts.push(label);
		}
		if (trigger.successStatus) {
			entry(trigger.successStatus).uses.push(`success status of ${label}`);
			entry(trigger.successStatus).endsIn.push(label);
		}
		if (trigger.errorStatus) entry(trigger.errorStatus).uses.push(`error status of ${label}`);
	});
	const result = new Map<string, { uses: string[]; conflict?: string }>();
	for (const [code, { uses, starts, endsIn }] of byStatus) {
		let conflict: string | undefined;
		if (starts.length > 1) conflict = `starts ${starts.join(' and ')}: one order would be exported twice`;
		else if (starts.length === 1 && endsIn.length > 0) {
			conflict = `${starts[0]} starts from the status ${endsIn.join(' and ')} moves exported orders to: they would be exported again`;
		}
		result.set(code, conflict ? { uses, conflict } : { uses });
	}
	return result;
}

/** Why the trigger leaves the order out (its work type or payment method is excluded), or undefined. */
export function exclusionReason(order: Workorder, trigger: ExportTrigger): string | undefined {
	const matches = (list: string[] | undefined, value: unknown): boolean => {
		const wanted = text(value).trim().toLowerCase();
		return wanted !== '' && (list ?? []).some((entry) => entry.trim().toLowerCase() === wanted);
	};
	if (matches(trigger.excludeWorkTypes, order.TypeOfWork)) return `its work type ${text(order.TypeOfWork)} is excluded by export trigger '${trigger.name}'`;
	if (matches(trigger.excludePaymentMethods, order.PaymentMethod)) return `its payment method ${text(order.PaymentMethod)} is excluded by export trigger '${trigger.name}'`;
	return undefined;
}

function overlap(a: ExportTrigger, b: ExportTrigger): boolean {
	if (a.workstatus !== '' || b.workstatus !== '') {
		if (a.workstatus !== b.workstatus) return false;
		return a.status === '' || b.status === '' || a.status === b.status;
	}
	return a.status === b.status;
}

/** Problems that make a trigger list unusable; an empty list means it is valid. */
export function findTriggerProblems(triggers: ExportTrigger[], start: ExportStart): string[] {
	const problems: string[] = [];
	if (triggers.length === 0) problems.push('No export trigger is configured: add at least one');
	const names = new Map<string, number>();
	triggers.forEach((trigger, index) => {
		const label = trigger.name || `#${index + 1}`;
		if (trigger.status === '' && trigger.workstatus === '') {
			problems.push(`Export trigger '${label}' has neither a main status nor a work status`);
		}
		if (start === 'manual' && trigger.workstatus === '') {
			problems.push(
				`Export trigger '${label}' has no work status: with manual export only orders a user puts in a chosen work status are exported`,
			);
		}
		if (start === 'automatic' && trigger.status !== '' && trigger.status !== COMPLETE_STATUS) {
			problems.push(
				`Export trigger '${label}' uses main status '${trigger.status}': automatic export only exports orders that reached ${COMPLETE_STATUS} (choose manual export to use another status)`,
			);
		}
		if (trigger.successStatus === '') problems.push(`Export trigger '${label}' has no success status`);
		// Statuses are per-account codes: there is no error status every account has ("99 Error" is a name).
		if (trigger.errorStatus === '') problems.push(`Export trigger '${label}' has no error status: choose the work status failed orders go to`);
		if (trigger.workstatus !== '' && trigger.successStatus === trigger.workstatus) {
			problems.push(
				`Export trigger '${label}' moves orders to its own status '${trigger.workstatus}' on success: they would be exported again`,
			);
		}
		const seen = names.get(label);
		if (seen !== undefined) problems.push(`Two export triggers are named '${label}' (#${seen + 1} and #${index + 1})`);
		names.set(label, index);
	});
	for (let first = 0; first < triggers.length; first++) {
		for (let second = first + 1; second < triggers.length; second++) {
			const a = triggers[first];
			const b = triggers[second];
			if (overlap(a, b)) {
				problems.push(
					`Status '${a.workstatus || a.status}' is used by two export triggers: '${a.name || `#${first + 1}`}' and '${b.name || `#${second + 1}`}'. Give each trigger its own status: one order would otherwise be exported twice`,
				);
			}
			if (a.workstatus !== '' && a.workstatus === b.successStatus) {
				problems.push(
					`The success status '${b.successStatus}' of export trigger '${b.name}' is the status of export trigger '${a.name}': exported orders would be exported again`,
				);
			}
			if (b.workstatus !== '' && b.workstatus === a.successStatus) {
				problems.push(
					`The success status '${a.successStatus}' of export trigger '${a.name}' is the status of export trigger '${b.name}': exported orders would be exported again`,
				);
			}
		}
	}
	return problems;
}

/**
 * The trigger an order belongs to: by the `triggerStatus` the OutSmart Trigger put on it when present,
 * else by the order's own main status and work status. Undefined when no trigger matches.
 */
export function selectTrigger(order: Workorder, triggers: ExportTrigger[]): ExportTrigger | undefined {
	const reached = text(order.triggerStatus).trim();
	const mainStatus = text(order.status).trim();
	const workstatus = text(order.WorkStatus).trim();
	const matches = triggers.filter((trigger) => {
		if (reached !== '') {
			if (trigger.workstatus !== '') return trigger.workstatus === reached && (trigger.status === '' || mainStatus === '' || trigger.status === mainStatus);
			return trigger.status === reached;
		}
		if (trigger.status !== '' && trigger.status !== mainStatus) return false;
		return trigger.workstatus === '' || trigger.workstatus === workstatus;
	});
	// A trigger on a work status is more specific than one on the main status alone.
	return matches.find((trigger) => trigger.workstatus !== '') ?? matches[0];
}

/**
 * The date the order was finished: its last work period, else its end date, else its work date. Used for
 * the cut-over: orders finished before the integration went live are never exported.
 */
export function finishedDate(order: Workorder): string | undefined {
	const periodDates = (linesOf(order, 'Workperiods') ?? [])
		.map((period) => toIsoDate(period.WorkDate))
		.filter((date): date is string => date !== undefined)
		.sort();
	return periodDates[periodDates.length - 1] ?? toIsoDate(order.WorkEndDate) ?? toIsoDate(order.WorkDate);
}

/** Whether the order falls before the cut-over date (Y-m-d or an ISO date-time); no cut-over = never. */
export function isBeforeCutOver(order: Workorder, cutOverDate: string): boolean {
	const cutOver = toIsoDate(cutOverDate.slice(0, 10));
	if (cutOver === undefined) return false;
	const finished = finishedDate(order);
	return finished !== undefined && finished < cutOver;
}
