import { durationToMinutes, parseDecimalText, toIsoDate, trimCode } from '../../../nodes/ExactOutSmart/logic/values';

describe('OutSmart values', () => {
	test.each([
		['4,55', 4.55],
		['50.00', 50],
		['1.234,50', 1234.5],
		['-2,5', -2.5],
		[' 7 ', 7],
		[3, 3],
		['', undefined],
		['abc', undefined],
		[undefined, undefined],
	])('parseDecimalText(%p) = %p', (input, expected) => {
		expect(parseDecimalText(input)).toBe(expected);
	});

	test.each([
		['02-11-2026', '2026-11-02'],
		['2-1-2026', '2026-01-02'],
		['2026-11-02', '2026-11-02'],
		['2026-11-02 10:15:00', '2026-11-02'],
		['31-02-2026', undefined],
		['11/02/2026', undefined],
		[undefined, undefined],
	])('toIsoDate(%p) = %p', (input, expected) => {
		expect(toIsoDate(input)).toBe(expected);
	});

	test.each([
		['1:20', 80],
		['00:40', 40],
		['12:05:30', 725],
		['1:75', undefined],
		['1,5', undefined],
	])('durationToMinutes(%p) = %p', (input, expected) => {
		expect(durationToMinutes(input)).toBe(expected);
	});

	test('trimCode removes Exact padding', () => {
		expect(trimCode('             10001')).toBe('10001');
		expect(trimCode('2  ')).toBe('2');
		expect(trimCode(undefined)).toBe('');
	});
});
