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

	test.each([
		{ name: 'sums per hour type', order: workorder(), expected: [{ hourType: 'UUR-MONTEUR', hours: 2 }] },
		{ name: 'rounds each period up', order: workorder({ RoundingAmount: '30' }), expected: [{ hourType: 'UUR-MONTEUR', hours: 2.5 }] },
		{ name: 'tops up to the minimum', order: workorder({ MinimumHours: '3,5' }), expected: [{ hourType: 'UUR-MONTEUR', hours: 3.5 }] },
		{ name: 'minimum below the total changes nothing', order: workorder({ MinimumHours: '1' }), expected: [{ hourType: 'UUR-MONTEUR', hours: 2 }] },
		{
			name: 'two hour types, minimum on the first',
			order: workorder({
				MinimumHours: '2',
				Workperiods: [
					{ WorkDate: '02-11-2026', TotalTime: '0:30', HourType: 'UUR-LEERLING' },
					{ WorkDate: '02-11-2026', TotalTime: '0:45', HourType: 'UUR-MONTEUR' },
				],
			}),
			expected: [{ hourType: 'UUR-LEERLING', hours: 1.25 }, { hourType: 'UUR-MONTEUR', hours: 0.75 }],
		},
		{ name: 'zero time is left out', order: workorder({ Workperiods: [{ TotalTime: '0:00', HourType: 'X' }] }), expected: [] },
	])('$name', ({ order, expected }) => {
		const result = hoursPerHourType(order);
		expect(result.problems).toEqual([]);
		expect(result.lines.map(({ hourType, hours }) => ({ hourType, hours }))).toEqual(expected);
	});

	test('periods without hour type use the default, else they are a problem', () => {
		const order = workorder({ Workperiods: [{ WorkDate: '02-11-2026', TotalTime: '1:00' }] });
		expect(hoursPerHourType(order, 'UUR-MONTEUR').lines).toEqual([{ hourType: 'UUR-MONTEUR', hours: 1, dates: ['2026-11-02'], employeeNumbers: [] }]);
		expect(hoursPerHourType(order).problems).toEqual(['Work period 1 has no hour type and no default hour type is set']);
	});

	test('an unreadable TotalTime is a problem', () => {
		const result = hoursPerHourType(workorder({ Workperiods: [{ TotalTime: '1,5', HourType: 'X' }] }));
		expect(result.problems).toEqual(["Work period 1 has no readable TotalTime ('1,5', expected H:i)"]);
	});
});
