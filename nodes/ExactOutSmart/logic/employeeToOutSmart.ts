/** Exact employee → OutSmart employee. An active OutSmart employee takes a licence, so inactive stay inactive. */
import type { ImportResult } from './importResult';
import { flag } from './importResult';
import { text, trimCode } from './values';

export interface OutSmartEmployee {
	number: string;
	firstname: string;
	lastname: string;
	email: string;
	active: '0' | '1';
}

/** Which fields of a mapped employee count as a change (see RELATION_CHANGE_FIELDS). */
export const EMPLOYEE_CHANGE_FIELDS: ReadonlyArray<keyof OutSmartEmployee> = ['number', 'firstname', 'lastname', 'email', 'active'];

export function employeeToOutSmart(employee: Record<string, unknown>, includeInactive: boolean): ImportResult<OutSmartEmployee> {
	const number = trimCode(employee.Code ?? employee.HID ?? employee.EmployeeHID);
	const active = employee.IsActive === undefined ? true : employee.IsActive === true || employee.IsActive === 1 || employee.IsActive === '1';
	if (!active && !includeInactive) return { skip: `Employee ${number} is not active in Exact` };
	const record: OutSmartEmployee = {
		number,
		firstname: text(employee.FirstName).trim(),
		lastname: text(employee.LastName).trim(),
		email: text(employee.Email ?? employee.BusinessEmail).trim(),
		active: flag(active),
	};
	const missing = (['number', 'firstname', 'lastname'] as const).filter((field) => record[field] === '');
	if (missing.length > 0) return { problem: `Employee ${number || text(employee.FullName)} lacks what OutSmart requires: ${missing.join(', ')}` };
	return { record };
}
