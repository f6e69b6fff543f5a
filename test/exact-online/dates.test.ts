/**
 * Exact's dates: `/Date(ms)/` is Amsterdam wall-clock time encoded as if it were UTC (date-only fields are
 * exact UTC midnights in the SDK's fixtures; Exact's API desk in exactonline-api-dotnet-client PR #24), and
 * `datetime'…'` filter literals are read as Amsterdam time. Nothing here may depend on the host's time zone:
 * `datesAcrossHostZones.test.ts` runs this file again under TZ=UTC and TZ=Europe/Amsterdam (it stays light: no
 * engine; `datesThroughNode.test.ts` runs the same rules through the node and the simulator).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { normaliseRecord, unwrapEnvelope } from '../../nodes/ExactOnline/transport/normalise';
import { odataDateTime } from '../../nodes/ExactOnline/transport/odata';
import { formatDate } from '../simulators/exact/serialize';
import { timeTransactionFilter } from '../../nodes/ExactOnline/actions/timeTransaction/getAll.operation';
import { matchesFilter, parseDateTimeLiteral, parseFilter } from '../simulators/exact/odataFilter';

const AMSTERDAM = 'Europe/Amsterdam';
const amsterdam = (iso: string): number => DateTime.fromISO(iso, { zone: AMSTERDAM }).toMillis();

describe('the host this file runs on', () => {
	it('really has the time zone TZ names (so the run under each zone tests something)', () => {
		const zone = process.env.TZ;
		if (!zone) return;
		const expected = 0 - DateTime.fromObject({ year: 2024, month: 3, day: 31, hour: 12 }, { zone }).offset || 0;
		expect(new Date(2024, 2, 31, 12).getTimezoneOffset()).toBe(expected);
	});
});

describe('reading Exact dates', () => {
	it('reads the SDK fixture: date-only fields are plain dates, Created/Modified real instants with offset', () => {
		// exactonline-api-dotnet-client test/ExactOnline.Client.Sdk.UnitTests/Json/Response_Json_Object_SalesInvoice.txt
		const body = readFileSync(join(__dirname, '../fixtures/exact/sdk/Response_Json_Object_SalesInvoice.json'), 'utf8');
		const invoice = unwrapEnvelope(body).records as IDataObject;
		expect(invoice.InvoiceDate).toBe('2012-10-26');
		expect(invoice.DueDate).toBe('2012-10-26');
		expect(invoice.OrderDate).toBe('2012-10-26');
		// /Date(1382667906263)/ is 02:25:06.263 on 25 October 2013 in Amsterdam (summer time).
		expect(invoice.Created).toBe('2013-10-25T02:25:06.263+02:00');
		expect(invoice.Modified).toBe('2013-10-25T02:25:06.263+02:00');
		expect(Date.parse(invoice.Modified as string)).toBe(Date.UTC(2013, 9, 25, 0, 25, 6, 263));
		expect((invoice.SalesInvoiceLines as IDataObject[]).length).toBeGreaterThan(0);
	});

	it('gives the right offset on both sides of the March DST change', () => {
		const before = normaliseRecord({ Modified: `/Date(${Date.UTC(2024, 2, 30, 14)})/` }).Modified;
		const after = normaliseRecord({ Modified: `/Date(${Date.UTC(2024, 2, 31, 14)})/` }).Modified;
		expect(before).toBe('2024-03-30T14:00:00+01:00');
		expect(after).toBe('2024-03-31T14:00:00+02:00');
		expect(Date.parse(after as string)).toBe(Date.UTC(2024, 2, 31, 12));
	});

	it('keeps a time-of-day field at midnight a time, and a date field a date', () => {
		const record = normaliseRecord({ Modified: `/Date(${Date.UTC(2024, 9, 27)})/`, StartTime: `/Date(${Date.UTC(2024, 9, 27)})/`, Date: `/Date(${Date.UTC(2024, 9, 27)})/` });
		expect(record).toEqual({ Modified: '2024-10-27T00:00:00+02:00', StartTime: '2024-10-27T00:00:00+02:00', Date: '2024-10-27' });
	});
});

describe('writing datetime literals', () => {
	it('writes an instant as Amsterdam wall-clock time', () => {
		expect(odataDateTime('2024-03-31T12:00:00Z')).toBe("datetime'2024-03-31T14:00:00'");
		expect(odataDateTime('2024-03-30T12:00:00.000Z')).toBe("datetime'2024-03-30T13:00:00'");
		expect(odataDateTime('2024-03-31T14:00:00+02:00')).toBe("datetime'2024-03-31T14:00:00'");
		expect(odataDateTime(new Date(Date.UTC(2024, 0, 15, 12)))).toBe("datetime'2024-01-15T13:00:00'");
		// A Modified read from Exact keeps its milliseconds, so `Modified gt` it does not return that record again.
		expect(odataDateTime('2013-10-25T02:25:06.263+02:00')).toBe("datetime'2013-10-25T02:25:06.263'");
	});

	it('takes a value without offset (as the n8n date picker gives) as Amsterdam time, whatever the host', () => {
		expect(odataDateTime('2024-03-31T00:00:00')).toBe("datetime'2024-03-31T00:00:00'");
		expect(odataDateTime('2024-03-31')).toBe("datetime'2024-03-31T00:00:00'");
		expect(() => odataDateTime('yesterday')).toThrow('not a valid date');
	});
});

describe('the simulator encodes as Exact does', () => {
	it('serialises a stored instant as Amsterdam wall clock as if UTC', () => {
		expect(formatDate(amsterdam('2024-03-31T14:00:00'))).toBe(`/Date(${Date.UTC(2024, 2, 31, 14)})/`);
		expect(formatDate(amsterdam('2024-03-30'))).toBe(`/Date(${Date.UTC(2024, 2, 30)})/`);
	});

	it('reads a datetime literal as Amsterdam time', () => {
		expect(parseDateTimeLiteral('2024-03-31T14:00:00')).toBe(Date.UTC(2024, 2, 31, 12));
		expect(parseDateTimeLiteral('2024-03-30')).toBe(Date.UTC(2024, 2, 29, 23));
	});
});

describe('Time Transaction Get Many date filters', () => {
	// Stored as Exact stores date-only values: Amsterdam midnight (the simulator's rows are real instants).
	const rows = ['2024-03-30', '2024-03-31', '2024-04-01'].map((day) => ({ Date: amsterdam(day), Notes: day }));
	const matching = (filters: IDataObject) => {
		const filter = timeTransactionFilter(filters);
		return rows.filter((row) => matchesFilter(parseFilter(filter as string), row)).map((row) => row.Notes);
	};

	it('a To Date of 31 March on a CET host keeps that day\'s hours', () => {
		expect(matching({ from: '2024-03-31T00:00:00', to: '2024-03-31T00:00:00' })).toEqual(['2024-03-31']);
		expect(matching({ to: '2024-03-31' })).toEqual(['2024-03-30', '2024-03-31']);
		expect(matching({ from: '2024-03-31T00:00:00.000+02:00' })).toEqual(['2024-03-31', '2024-04-01']);
	});

	it('writes the literals in Amsterdam time', () => {
		expect(timeTransactionFilter({ from: '2024-03-31T00:00:00', to: '2024-03-31T00:00:00' })).toBe(
			"(Date ge datetime'2024-03-31T00:00:00') and (Date lt datetime'2024-04-01T00:00:00')",
		);
	});
});
