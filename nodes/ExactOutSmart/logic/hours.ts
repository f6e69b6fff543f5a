/**
 * Hours of a work order per hour type, as they go on the invoice.
 *
 * - Minutes are kept exact (no early cut to two decimals): 1:20 is 80 minutes, priced as 80/60 hours.
 * - The order's RoundingAmount applies to the total time (OutSmart API Blueprint,
 *   CloudEcosystemDev/outsmart-component: "amount of minutes that the total time should be rounded to"),
 *   here the total of each hour type, rounded up: three periods of 40 minutes with 30-minute rounding are
 *   2.0 hours.
 * - Hour types named non-billable (e.g. "ZK" Ziekte) are left off the invoice and reported. OutSmart's
 *   `sale_booking` flag is not read as billability: the Blueprint's example has billable normal hours at 0.
 * - MinimumHours tops the billable total up at one configured hour type. An order without billable work
 *   periods gets no minimum (it is a materials-only visit); ours: the Blueprint does not say.
 * - The travel distance (`Travel`) of the billable periods is summed, and their work dates are listed, for
 *   the optional travel lines.
 */
import type { Workorder } from './workorder';
import { linesOf, unreadableLinesProblem } from './workorder';
import { durationToMinutes, parseDecimalText, text, toIsoDate } from './values';

export interface HoursPerType {
	hourType: string;
	/** Exact minutes after rounding and top-up. */
	minutes: number;
	dates: string[];
	employeeNumbers: string[];
	/** Minutes added to reach the order's minimum hours. */
	topUpMinutes: number;
}

export interface HoursSettings {
	/** Hour type for work periods without one ('' = such periods fail the order). */
	defaultHourType: string;
	/** Hour type the minimum-hours top-up is billed at ('' = the default hour type). */
	minimumHourType: string;
	/** Hour types that never reach a customer invoice. */
	nonBillableHourTypes: Set<string>;
}

export interface HoursResult {
	lines: HoursPerType[];
	problems: string[];
	/** What was left off, for the dry run. */
	leftOff: string[];
	/** Sum of the billable periods' Travel (kilometres). */
	travelDistance: number;
	/** The billable periods' work dates (Y-m-d), sorted. */
	billableDates: string[];
}

export function roundUpMinutes(minutes: number, step: number): number {
	if (!(step > 0)) return minutes;
	return Math.ceil(minutes / step) * step;
}

const NO_SETTINGS: HoursSettings = { defaultHourType: '', minimumHourType: '', nonBillableHourTypes: new Set() };

export function hoursPerHourType(order: Workorder, settings: HoursSettings = NO_SETTINGS): HoursResult {
	const problems: string[] = [];
	const leftOff: string[] = [];
	const step = parseDecimalText(order.RoundingAmount) ?? 0;
	const minimumMinutes = Math.round((parseDecimalText(order.MinimumHours) ?? 0) * 60);
	const byType = new Map<string, { minutes: number; dates: Set<string>; employees: Set<string> }>();
	const billableDates = new Set<string>();
	let travelDistance = 0;
	const periods = linesOf(order, 'Workperiods');
	if (!periods) return { lines: [], problems: [unreadableLinesProblem('Workperiods')], leftOff, travelDistance: 0, billableDates: [] };
	periods.forEach((period, index) => {
		const minutes = durationToMinutes(period.TotalTime);
		if (minutes === undefined) {
			problems.push(`Work period ${index + 1} has no readable TotalTime ('${text(period.TotalTime)}', expected H:i)`);
			return;
		}
		const hourType = text(period.HourType).trim() || settings.defaultHourType;
		if (hourType === '') {
			problems.push(`Work period ${index + 1} has no hour type and no default hour type is set`);
			return;
		}
		if (settings.nonBillableHourTypes.has(hourType)) {
			if (minutes > 0) leftOff.push(`Work period ${index + 1} (${text(period.TotalTime)} ${hourType}): hour type ${hourType} is not billed to customers in OutSmart`);
			return;
		}
		const distanceText = text(period.Travel).trim();
		const distance = distanceText === '' ? 0 : parseDecimalText(distanceText);
		if (distance === undefined || distance < 0) problems.push(`Work period ${index + 1} has an unreadable Travel distance ('${distanceText}')`);
		else travelDistance += distance;
		if (minutes === 0) return;
		const entry = byType.get(hourType) ?? { minutes: 0, dates: new Set<string>(), employees: new Set<string>() };
		entry.minutes += minutes;
		const date = toIsoDate(period.WorkDate);
		if (date) {
			entry.dates.add(date);
			billableDates.add(date);
		}
		const employee = text(period.EmployeeNr).trim();
		if (employee) entry.employees.add(employee);
		byType.set(hourType, entry);
	});
	const lines: HoursPerType[] = [...byType.entries()].map(([hourType, entry]) => ({
		hourType,
		minutes: roundUpMinutes(entry.minutes, step),
		dates: [...entry.dates].sort(),
		employeeNumbers: [...entry.employees],
		topUpMinutes: 0,
	}));
	const total = lines.reduce((sum, line) => sum + line.minutes, 0);
	if (lines.length > 0 && total < minimumMinutes) {
		const topUpType = settings.minimumHourType || settings.defaultHourType;
		if (topUpType === '') {
			problems.push(`The order's minimum of ${text(order.MinimumHours)} hours needs a top-up, but no hour type for the minimum-hours top-up is set`);
		} else {
			let line = lines.find((candidate) => candidate.hourType === topUpType);
			if (!line) {
				line = { hourType: topUpType, minutes: 0, dates: [], employeeNumbers: [], topUpMinutes: 0 };
				lines.push(line);
			}
			line.topUpMinutes = minimumMinutes - total;
			line.minutes += line.topUpMinutes;
		}
	}
	return { lines, problems, leftOff, travelDistance, billableDates: [...billableDates].sort() };
}
