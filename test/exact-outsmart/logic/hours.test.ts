import { hoursPerHourType, roundUpMinutes } from '../../../nodes/ExactOutSmart/logic/hours';
import { workorder } from '../fixtures';

describe('hours per hour type', () => {
	test.each([
		[7, 15, 15],
		[15, 15, 15],
		[16, 15, 30],
		[7, 0, 7],
	])('roundUpMinutes(%p, %p) = %p', (minutes, step, expected) => {
		expect(roundUpMinutes(minutes, step)).toBe(expected);
	});

	const none = { defaultHourType: '', minimumHourType: '', nonBillableHourTypes: new Set<string>() };

	test.each([
		{ name: 'sums per hour type, in exact minutes', order: workorder(), config: none, expected: [{ hourType: 'UUR-MONTEUR', minutes: 120 }] },
		{ name: 'rounds the total time, not each period', order: workorder({ RoundingAmount: '30' }), config: none, expected: [{ hourType: 'UUR-MONTEUR', minutes: 120 }] },
		{ name: 'rounds the total up', order: workorder({ RoundingAmount: '45' }), config: none, expected: [{ hourType: 'UUR-MONTEUR', minutes: 135 }] },
		{
			name: 'tops up to the minimum at the configured hour type',
			order: workorder({ MinimumHours: '3,5' }),
			config: { ...none, minimumHourType: 'UUR-MONTEUR' },
			expected: [{ hourType: 'UUR-MONTEUR', minutes: 210 }],
		},
		{ name: 'minimum below the total changes nothing', order: workorder({ MinimumHours: '1' }), config: none, expected: [{ hourType: 'UUR-MONTEUR', minutes: 120 }] },
		{
			name: 'two hour types, the minimum on the configured one',
			order: workorder({
				MinimumHours: '2',
				Workperiods: [
					{ WorkDate: '02-11-2026', TotalTime: '0:30', HourType: 'UUR-OVERWERK' },
					{ WorkDate: '02-11-2026', TotalTime: '0:45', HourType: 'UUR-MONTEUR' },
				],
			}),
			config: { ...none, minimumHourType: 'UUR-MONTEUR' },
			expected: [{ hourType: 'UUR-OVERWERK', minutes: 30 }, { hourType: 'UUR-MONTEUR', minutes: 90 }],
		},
		{ name: 'zero time is left out', order: workorder({ Workperiods: [{ TotalTime: '0:00', HourType: 'X' }] }), config: none, expected: [] },
		{
			name: 'non-billable hour types are left out and do not count toward the minimum',
			order: workorder({ MinimumHours: '1', Workperiods: [{ TotalTime: '8:00', HourType: 'ZK' }] }),
			config: { ...none, minimumHourType: 'UUR-MONTEUR', nonBillableHourTypes: new Set(['ZK']) },
			expected: [],
		},
	])('$name', ({ order, config, expected }) => {
		const result = hoursPerHourType(order, config);
		expect(result.problems).toEqual([]);
		expect(result.lines.map(({ hourType, minutes }) => ({ hourType, minutes }))).toEqual(expected);
	});

	test('periods without hour type use the default, else they are a problem', () => {
		const order = workorder({ Workperiods: [{ WorkDate: '02-11-2026', TotalTime: '1:00' }] });
		expect(hoursPerHourType(order, { ...none, defaultHourType: 'UUR-MONTEUR' }).lines).toEqual([
			{ hourType: 'UUR-MONTEUR', minutes: 60, dates: ['2026-11-02'], employeeNumbers: [], topUpMinutes: 0 },
		]);
		expect(hoursPerHourType(order).problems).toEqual(['Work period 1 has no hour type and no default hour type is set']);
	});

	test('an unreadable TotalTime is a problem', () => {
		const result = hoursPerHourType(workorder({ Workperiods: [{ TotalTime: '1,5', HourType: 'X' }] }));
		expect(result.problems).toEqual(["Work period 1 has no readable TotalTime ('1,5', expected H:i)"]);
	});
});
