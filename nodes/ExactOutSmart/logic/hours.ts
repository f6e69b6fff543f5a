/**
 * Hours of a work order per hour type, as they go on the invoice: each work period's TotalTime rounded up
 * to the order's rounding step (OutSmart's integrations always round up), summed per hour type, and the
 * order's minimum hours honoured by topping up the first hour type worked.
 */
import type { Workorder } from './workorder';
import { linesOf, unreadableLinesProblem } from './workorder';
import { durationToMinutes, parseDecimalText, roundTo, text, toIsoDate } from './values';

export interface HoursPerType {
	hourType: string;
	hours: number;
	/** The work periods' dates (Y-m-d), for time transactions. */
	dates: string[];
	employeeNumbers: string[];
}

export interface HoursResult {
	lines: HoursPerType[];
	problems: string[];
}

export function roundUpMinutes(minutes: number, step: number): number {
	if (!(step > 0)) return minutes;
	return Math.ceil(minutes / step) * step;
}

export function hoursPerHourType(order: Workorder, defaultHourType = ''): HoursResult {
	const problems: string[] = [];
	const step = parseDecimalText(order.RoundingAmount) ?? 0;
	const minimumHours = parseDecimalText(order.MinimumHours) ?? 0;
	const byType = new Map<string, { minutes: number; dates: Set<string>; employees: Set<string> }>();
	const periods = linesOf(order, 'Workperiods');
	if (!periods) return { lines: [], problems: [unreadableLinesProblem('Workperiods')] };
	periods.forEach((period, index) => {
		const minutes = durationToMinutes(period.TotalTime);
		if (minutes === undefined) {
			problems.push(`Work period ${index + 1} has no readable TotalTime ('${text(period.TotalTime)}', expected H:i)`);
			return;
		}
		const hourType = text(period.HourType).trim() || defaultHourType;
		if (hourType === '') {
			problems.push(`Work period ${index + 1} has no hour type and no default hour type is set`);
			return;
		}
		if (minutes === 0) return;
		const entry = byType.get(hourType) ?? { minutes: 0, dates: new Set<string>(), employees: new Set<string>() };
		entry.minutes += roundUpMinutes(minutes, step);
		const date = toIsoDate(period.WorkDate);
		if (date) entry.dates.add(date);
		const employee = text(period.EmployeeNr).trim();
		if (employee) entry.employees.add(employee);
		byType.set(hourType, entry);
	});
	const lines: HoursPerType[] = [...byType.entries()].map(([hourType, entry]) => ({
		hourType,
		hours: roundTo(entry.minutes / 60, 2),
		dates: [...entry.dates].sort(),
		employeeNumbers: [...entry.employees],
	}));
	const total = lines.reduce((sum, line) => sum + line.hours, 0);
	if (lines.length > 0 && total < minimumHours) lines[0].hours = roundTo(lines[0].hours + (minimumHours - total), 2);
	return { lines, problems };
}
