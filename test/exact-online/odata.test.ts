import { and, anyOf, eq, odataDateTime, odataGuid, odataInt64, odataString, padAccountCode } from '../../nodes/ExactOnline/transport/odata';
import { normaliseRecord, unwrapEnvelope } from '../../nodes/ExactOnline/transport/normalise';

describe('OData filter building', () => {
	it('doubles quotes so a value stays one literal', () => {
		expect(odataString("O'Brien' or 1 eq 1")).toBe("'O''Brien'' or 1 eq 1'");
		expect(eq('Name', odataString("O'Brien' or 1 eq 1"))).toBe("Name eq 'O''Brien'' or 1 eq 1'");
	});

	it('refuses a guid that is not a guid instead of quoting it', () => {
		expect(odataGuid('3734121E-1544-4B77-9AE2-7203E9BD6046')).toBe("guid'3734121e-1544-4b77-9ae2-7203e9bd6046'");
		expect(() => odataGuid("x' or 1 eq 1 or ID eq guid'")).toThrow('not a valid GUID');
	});

	it('types datetimes and Int64 values', () => {
		expect(odataDateTime('2026-01-31T13:45:00.000Z')).toBe("datetime'2026-01-31T14:45:00'");
		expect(() => odataDateTime('yesterday')).toThrow('not a valid date');
		expect(odataInt64('12345')).toBe('12345L');
		expect(() => odataInt64('1 or 1 eq 1')).toThrow('not a whole number');
	});

	it('refuses field names that carry operators', () => {
		expect(() => eq('Name eq Name or Code', "'x'")).toThrow('not a valid field name');
	});

	it('composes and/or groups with parentheses', () => {
		expect(anyOf('YourRef', ["'A'", "'B'"])).toBe("(YourRef eq 'A' or YourRef eq 'B')");
		expect(and("Status eq 'C'", '', "IsSupplier eq true")).toBe("(Status eq 'C') and (IsSupplier eq true)");
		expect(and("Status eq 'C'")).toBe("Status eq 'C'");
	});

	it('pads account codes to 18 characters, right-aligned', () => {
		expect(padAccountCode(' 10001 ')).toBe('             10001');
		expect(padAccountCode('10001')).toHaveLength(18);
		expect(() => padAccountCode('1234567890123456789')).toThrow('longer than 18');
	});
});

describe('output normalisation', () => {
	it('turns /Date(ms)/ (Amsterdam wall clock) into ISO with offset, offers trimmed codes and drops OData bookkeeping', () => {
		const record = normaliseRecord({
			__metadata: { uri: 'x', type: 'Exact.Web.Api.Models.Account' },
			Code: '             10001',
			Modified: '/Date(1730530800000)/',
			BankAccounts: { __deferred: { uri: 'x' } },
			Name: 'Groot ',
		});
		expect(record).toEqual({ Code: '             10001', CodeTrimmed: '10001', Modified: '2024-11-02T07:00:00+01:00', Name: 'Groot ' });
		expect(normaliseRecord({ __metadata: { uri: 'x' } }, { keepMetadata: true })).toHaveProperty('__metadata');
	});

	it('unwraps single entities, pages and expanded collections', () => {
		expect(unwrapEnvelope({ d: { results: [{ ID: 1 }], __next: 'http://x/next' } })).toEqual({ records: [{ ID: 1 }], next: 'http://x/next' });
		expect(unwrapEnvelope({ d: { ID: 2, Lines: { results: [{ LineNumber: 1 }] } } })).toEqual({ records: { ID: 2, Lines: [{ LineNumber: 1 }] } });
		expect(unwrapEnvelope('')).toEqual({ records: undefined });
	});
});
