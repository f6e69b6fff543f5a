import {
	explainOutSmartCode,
	filtersToQuery,
	formatOutSmartDecimal,
	formatWorkorderDate,
	formatWorkorderTime,
	normaliseOutSmartRecord,
	parseOutSmartDate,
	parseOutSmartDecimal,
	toOutSmartRecord,
	toOutSmartWorkorder,
} from '../../nodes/OutSmart/transport';

describe('OutSmart decimals', () => {
	it.each([
		['4,55', 4.55],
		['4.55', 4.55],
		['1.234,50', 1234.5],
		['0,00', 0],
		['-12,5', -12.5],
		['50.00', 50],
		[' 7 ', 7],
		[3.2, 3.2],
	])('reads %p as %p', (input, expected) => {
		expect(parseOutSmartDecimal(input)).toBe(expected);
	});

	it.each([[''], ['abc'], ['4,5,5'], [undefined], [Number.NaN]])('gives undefined for %p', (input) => {
		expect(parseOutSmartDecimal(input as string | number | undefined)).toBeUndefined();
	});

	it('writes comma and dot styles', () => {
		expect(formatOutSmartDecimal(4.5, 'comma')).toBe('4,50');
		expect(formatOutSmartDecimal(1234.567, 'dot')).toBe('1234.57');
		expect(formatOutSmartDecimal(2, 'comma', 0)).toBe('2');
	});
});

describe('OutSmart dates', () => {
	it('reads the API formats as ISO', () => {
		expect(parseOutSmartDate('05-03-2026')).toBe('2026-03-05');
		expect(parseOutSmartDate('2026-03-05')).toBe('2026-03-05');
		// Dutch winter time is UTC+1, summer time UTC+2.
		expect(parseOutSmartDate('2013-06-11 02:51')).toBe('2013-06-11T02:51:00+02:00');
		expect(parseOutSmartDate('2026-01-15 14:30:15')).toBe('2026-01-15T14:30:15+01:00');
		expect(parseOutSmartDate('5-3-2026 7:08')).toBe('2026-03-05T07:08:00+01:00');
	});

	it('gives undefined for empty, zero and impossible dates', () => {
		expect(parseOutSmartDate('')).toBeUndefined();
		expect(parseOutSmartDate('0000-00-00')).toBeUndefined();
		expect(parseOutSmartDate('31-02-2026')).toBeUndefined();
		expect(parseOutSmartDate('gisteren')).toBeUndefined();
	});

	it('writes work-order dates and times', () => {
		expect(formatWorkorderDate('2026-03-05')).toBe('05-03-2026');
		expect(formatWorkorderDate('5-3-2026')).toBe('05-03-2026');
		// 23:30 UTC on 4 March is already 5 March in the Netherlands.
		expect(formatWorkorderDate('2026-03-04T23:30:00Z')).toBe('05-03-2026');
		expect(formatWorkorderTime('7:08')).toBe('07:08');
		expect(formatWorkorderTime('07:08:00')).toBe('07:08');
		expect(formatWorkorderTime('2026-07-01T06:15:00Z')).toBe('08:15');
		expect(() => formatWorkorderDate('morgen')).toThrow(/Not a date/);
		expect(() => formatWorkorderTime('25:00')).toThrow(/Not a time/);
	});
});

describe('advanced filters', () => {
	it('builds the key[]/value[]/operator[] arrays in order', () => {
		expect(
			filtersToQuery([
				{ key: 'zip', operator: 'li', value: '3511' },
				{ key: 'city', operator: 'eq', value: 'Utrecht' },
			]),
		).toEqual({ key: ['zip', 'city'], value: ['3511', 'Utrecht'], operator: ['li', 'eq'] });
		expect(filtersToQuery([])).toEqual({});
	});

	it('refuses an unknown operator or an empty key', () => {
		expect(() => filtersToQuery([{ key: 'zip', operator: 'like' as never, value: '1' }])).toThrow(/operator/);
		expect(() => filtersToQuery([{ key: ' ', operator: 'eq', value: '1' }])).toThrow(/field name/);
	});
});

describe('record conversion', () => {
	it('writes materials with comma prices and hour types with dot prices', () => {
		expect(toOutSmartRecord('materials', { code: 'M1', price: 4.5, active: true })).toEqual({ code: 'M1', price: '4,50', active: '1' });
		expect(toOutSmartRecord('materials', { code: 'M1', price: '1.234,5' })).toEqual({ code: 'M1', price: '1234,50' });
		expect(toOutSmartRecord('hourtypes', { code: 'U1', sale_price: '65,5', cost_price: 40 })).toEqual({ code: 'U1', sale_price: '65.50', cost_price: '40.00' });
		expect(toOutSmartRecord('projects', { code: 'P1', date_start: '05-03-2026' })).toEqual({ code: 'P1', date_start: '2026-03-05' });
	});

	it('writes a work order in d-m-Y / H:i with comma material prices', () => {
		const converted = toOutSmartWorkorder({
			WorkorderNo: 'N8N-1',
			WorkDate: '2026-03-05',
			WorkTime: '8:00',
			WorkDuration: 90,
			Materials: [{ MaterialCode: 'M1', MaterialNr: 2, MaterialPrice: 4.55 }],
			Workperiods: [{ WorkDate: '2026-03-05', BeginTime: '8:00', EndTime: '10:30', TotalTime: '2:30' }],
		});
		expect(converted).toEqual({
			WorkorderNo: 'N8N-1',
			WorkDate: '05-03-2026',
			WorkTime: '08:00',
			WorkDuration: '90',
			Materials: [{ MaterialCode: 'M1', MaterialNr: '2', MaterialPrice: '4,55' }],
			Workperiods: [{ WorkDate: '05-03-2026', BeginTime: '08:00', EndTime: '10:30', TotalTime: '02:30' }],
		});
	});

	it('normalises a read record, nested lines included', () => {
		expect(
			normaliseOutSmartRecord({ WorkDate: '05-03-2026', WorkorderNo: '0012', Materials: [{ MaterialPrice: '4,55', MaterialCode: '0100' }] }),
		).toEqual({ WorkDate: '2026-03-05', WorkorderNo: '0012', Materials: [{ MaterialPrice: 4.55, MaterialCode: '0100' }] });
	});
});

describe('error explanations', () => {
	it('says what to do for token and field errors', () => {
		expect(explainOutSmartCode(1004, [])).toMatch(/customer token/);
		expect(explainOutSmartCode(1005, [])).toMatch(/software token/);
		expect(explainOutSmartCode(1501, ['Required field missing: CustomerName'])).toMatch(/required fields/);
		expect(explainOutSmartCode(1301, ['Required field missing: city'])).toMatch(/relation record .*city/);
		expect(explainOutSmartCode(9999, [])).toMatch(/refused/);
	});
});
