import type { IDataObject } from 'n8n-workflow';
import { getAccountsByCode, getByValues, orFilterChunks, VALUES_PER_FILTER } from '../../nodes/ExactOnline/transport/byValues';
import { odataGuid } from '../../nodes/ExactOnline/transport/odata';
import type { ExactContext } from '../../nodes/ExactOnline/transport/types';

interface Call {
	resource: string;
	filter?: string;
	limit?: number;
}

/** A getAll that records each call and answers one row per call (or `rowsPerCall`). */
function recorder(rowsPerCall = 1) {
	const calls: Call[] = [];
	async function getAll(this: ExactContext, options: { resource: string; filter?: string; limit?: number }): Promise<IDataObject[]> {
		calls.push({ resource: options.resource, filter: options.filter, limit: options.limit });
		return Array.from({ length: Math.min(rowsPerCall, options.limit ?? rowsPerCall) }, (_, index) => ({ call: calls.length, index }));
	}
	return { calls, getAll };
}

const context = {} as ExactContext;
const codes = (count: number) => Array.from({ length: count }, (_, index) => `C${index + 1}`);

describe("Exact's many-values OR filter (transport)", () => {
	it('cuts distinct values into groups of VALUES_PER_FILTER', () => {
		expect(VALUES_PER_FILTER).toBe(40);
		expect(orFilterChunks(codes(81)).map((chunk) => chunk.length)).toEqual([40, 40, 1]);
		expect(orFilterChunks(['A', 'B', 'A'])).toEqual([['A', 'B']]);
		expect(orFilterChunks([])).toEqual([]);
	});

	it('asks one call per 40 values, none for no values, with quotes doubled', async () => {
		const { calls, getAll } = recorder();
		await getByValues(context, getAll, { division: 1, resource: 'logistics/Items', select: ['ID'], field: 'Code', values: [] });
		expect(calls).toHaveLength(0);
		await getByValues(context, getAll, { division: 1, resource: 'logistics/Items', select: ['ID'], field: 'Code', values: [...codes(80), "O'X"] });
		expect(calls).toHaveLength(3);
		expect(calls[2].filter).toBe("Code eq 'O''X'");
		expect(calls[0].filter).toMatch(/^\(Code eq 'C1' or Code eq 'C2' or .* or Code eq 'C40'\)$/);
	});

	it('adds the conditions every call carries, typed literals, and the per-call size a caller sets', async () => {
		const { calls, getAll } = recorder();
		const guid = '3734121e-1544-4b77-9ae2-7203e9bd6046';
		await getByValues(context, getAll, { division: 1, resource: 'logistics/Items', select: ['ID'], field: 'ID', values: [guid], literal: odataGuid, filter: 'IsSalesItem eq true' });
		expect(calls[0].filter).toBe(`(IsSalesItem eq true) and (ID eq guid'${guid}')`);
		await getByValues(context, getAll, { division: 1, resource: 'logistics/Items', select: ['ID'], field: 'Code', values: codes(26), perCall: 25 });
		expect(calls).toHaveLength(3);
	});

	it('stops once the limit is reached and asks each later call only for what is left', async () => {
		const { calls, getAll } = recorder(30);
		const rows = await getByValues(context, getAll, { division: 1, resource: 'cashflow/Receivables', select: ['ID'], field: 'YourRef', values: codes(200), limit: 50 });
		expect(calls.map((call) => call.limit)).toEqual([50, 20]);
		expect(rows).toHaveLength(50);
	});

	it('looks accounts up by their padded code and skips codes no account can have', async () => {
		const { calls, getAll } = recorder();
		await getAccountsByCode(context, getAll, { division: 1, codes: ['', '1001', 'X'.repeat(19), '1001'], select: ['ID'] });
		expect(calls).toEqual([{ resource: 'crm/Accounts', filter: `Code eq '${'1001'.padStart(18, ' ')}'`, limit: undefined }]);
	});
});
