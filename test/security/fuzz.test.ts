/**
 * Generated input against the pure functions: the OData filter builder and the work-order/import mappings.
 * No generated value changes the structure of a `$filter` (checked on the Exact simulator's own parser's
 * AST), and the mappings either map, skip or report a problem in words — no stray exception escapes.
 */
import fc from 'fast-check';
import { and, anyOf, contains, eq, odataDateTime, odataGuid, odataInt64, odataString, padAccountCode } from '../../nodes/ExactOnline/transport/odata';
import { parseFilter, type FilterNode } from '../simulators/exact/odataFilter';
import { accountToRelation } from '../../nodes/ExactOutSmart/logic/accountToRelation';
import { itemToMaterial } from '../../nodes/ExactOutSmart/logic/itemToMaterial';
import { labourItemToHourType } from '../../nodes/ExactOutSmart/logic/labourItemToHourType';
import { employeeToOutSmart } from '../../nodes/ExactOutSmart/logic/employeeToOutSmart';
import { paymentConditionToOutSmart } from '../../nodes/ExactOutSmart/logic/paymentConditionToOutSmart';
import { buildExport } from '../../nodes/ExactOutSmart/logic/buildExport';
import { parseDecimalText, durationToMinutes, toIsoDate } from '../../nodes/ExactOutSmart/logic/values';
import { renderTemplate, unknownTagsIn } from '../../nodes/ExactOutSmart/logic/tags';
import type { Workorder } from '../../nodes/ExactOutSmart/logic/workorder';
import { catalog, settings, workorder } from '../exact-outsmart/fixtures';

const RUNS = { numRuns: 300, seed: 20261102 };

/** Strings that try to break out of a literal, plus arbitrary unicode. */
const hostile = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom("'", "''", "' or 1 eq 1 or '", "x') or (YourRef ne '", ')', '(', ',', ' eq ', 'guid\'', "O'Brien", 'substringof(', '\\', '%27', 'true', 'null', '$filter=', '&$top=1'),
	fc.array(fc.constantFrom("'", ' ', 'or', 'and', 'eq', '(', ')', 'a', '1', ','), { maxLength: 12 }).map((parts) => parts.join('')),
);

function expectStringEq(node: FilterNode, field: string, value: string): void {
	expect(node).toEqual({ kind: 'binary', op: 'eq', left: { kind: 'field', name: field, position: 0 }, right: { kind: 'literal', type: 'String', value } });
}

function fieldName(node: FilterNode): string | undefined {
	return node.kind === 'field' ? node.name : undefined;
}

describe('OData $filter builder under generated values', () => {
	it('a string value stays one String literal of one comparison', () => {
		fc.assert(
			fc.property(hostile, (value) => {
				expectStringEq(parseFilter(eq('YourRef', odataString(value))), 'YourRef', value);
			}),
			RUNS,
		);
	});

	it('a list of references stays an or-chain of exactly that many comparisons on YourRef', () => {
		fc.assert(
			fc.property(fc.array(hostile, { minLength: 1, maxLength: 8 }), (values) => {
				const ast = parseFilter(anyOf('YourRef', values.map(odataString)));
				const leaves: FilterNode[] = [];
				const walk = (node: FilterNode): void => {
					if (node.kind === 'binary' && node.op === 'or') {
						walk(node.left);
						walk(node.right);
					} else leaves.push(node);
				};
				walk(ast);
				expect(leaves).toHaveLength(values.length);
				leaves.forEach((leaf, index) => {
					expect(leaf.kind === 'binary' && leaf.op === 'eq' && fieldName(leaf.left)).toBe('YourRef');
					expect(leaf.kind === 'binary' && leaf.right).toEqual({ kind: 'literal', type: 'String', value: values[index] });
				});
			}),
			RUNS,
		);
	});

	it('contains() and and() keep their shape whatever the search text', () => {
		fc.assert(
			fc.property(hostile, hostile, (search, code) => {
				let padded: string;
				try {
					padded = padAccountCode(code);
				} catch (error) {
					expect((error as Error).message).toMatch(/longer than 18 characters/);
					return;
				}
				const ast = parseFilter(and(contains('Name', search), eq('Code', odataString(padded))));
				expect(ast.kind === 'binary' && ast.op).toBe('and');
				if (ast.kind !== 'binary') return;
				expect(ast.left).toEqual({
					kind: 'binary',
					op: 'eq',
					left: { kind: 'call', name: 'substringof', args: [{ kind: 'literal', type: 'String', value: search }, expect.objectContaining({ kind: 'field', name: 'Name' })] },
					right: { kind: 'literal', type: 'Boolean', value: true },
				});
				expect(ast.right).toMatchObject({ kind: 'binary', op: 'eq', left: { kind: 'field', name: 'Code' }, right: { kind: 'literal', type: 'String', value: padded } });
			}),
			RUNS,
		);
	});

	it('typed literals are either refused with a clear error or parse as exactly that type', () => {
		const cases: Array<[(value: string) => string, string, RegExp]> = [
			[odataGuid, 'Guid', /is not a valid GUID/],
			[odataDateTime, 'DateTime', /is not a valid date/],
			[odataInt64, 'Int64', /is not a whole number/],
		];
		fc.assert(
			fc.property(fc.oneof(hostile, fc.uuid(), fc.date({ noInvalidDate: true, min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }).map((date) => date.toISOString()), fc.bigInt().map(String)), (value) => {
				for (const [literal, type, refusal] of cases) {
					let text: string;
					try {
						text = literal(value);
					} catch (error) {
						expect(error).toBeInstanceOf(Error);
						expect((error as Error).message).toMatch(refusal);
						continue;
					}
					const ast = parseFilter(eq('ID', text));
					expect(ast).toMatchObject({ kind: 'binary', op: 'eq', left: { kind: 'field', name: 'ID' }, right: { kind: 'literal', type } });
				}
			}),
			RUNS,
		);
	});

	it('a field name that is not a plain identifier is refused, never spliced in', () => {
		fc.assert(
			fc.property(hostile, (field) => {
				let text: string;
				try {
					text = eq(field, "'x'");
				} catch (error) {
					expect((error as Error).message).toMatch(/is not a valid field name/);
					return;
				}
				expect(parseFilter(text)).toMatchObject({ kind: 'binary', op: 'eq', right: { kind: 'literal', value: 'x' } });
			}),
			RUNS,
		);
	});
});

/** Values OutSmart and Exact send, and values they should not. */
const anyValue = fc.oneof(
	hostile,
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.constant(undefined),
	fc.constantFrom('0', '-1', '1,5', '1.234,50', '1,234.50', 'NaN', 'Infinity', '1e308', '', ' ', '12:75', '31-02-2026', '2026-11-02T08:00:00', '/Date(1793602800000)/'),
	fc.array(fc.string(), { maxLength: 2 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

function recordOf(fields: string[]) {
	return fc.record(Object.fromEntries(fields.map((field) => [field, anyValue])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

function expectImportResult(result: unknown): void {
	expect(typeof result).toBe('object');
	const keys = Object.keys(result as object);
	expect(keys.length).toBe(1);
	expect(['record', 'skip', 'problem']).toContain(keys[0]);
	if (keys[0] !== 'record') expect(String((result as Record<string, unknown>)[keys[0]]).length).toBeGreaterThan(5);
}

describe('mappings under generated records', () => {
	it('accounts, items, labour items, employees and payment conditions map, skip or report a problem', () => {
		const account = recordOf(['ID', 'Code', 'Name', 'Status', 'Blocked', 'AddressLine1', 'Postcode', 'City', 'Country', 'Email', 'Phone', 'VATNumber', 'PaymentConditionSales', 'MainContact']);
		const item = recordOf(['ID', 'Code', 'Description', 'IsSalesItem', 'IsStockItem', 'IsLabor', 'SalesPrice', 'Unit', 'UnitDescription', 'GLRevenue', 'GLRevenueCode', 'ItemGroupCode', 'SalesVatCode', 'EndDate']);
		const employee = recordOf(['ID', 'Code', 'FullName', 'FirstName', 'LastName', 'Email', 'Active', 'EndDate', 'Phone', 'Mobile']);
		const condition = recordOf(['ID', 'Code', 'Description', 'PaymentDays']);
		fc.assert(
			fc.property(account, item, employee, condition, (a, i, e, c) => {
				expectImportResult(accountToRelation(a, { relationTypes: ['C', 'P'], includeBlocked: true }));
				expectImportResult(itemToMaterial(i, { glaFreeFieldNumber: 1, itemGroups: [], skipLabourItems: true, requireGla: false } as never));
				expectImportResult(labourItemToHourType(i, { labourItemGroups: [] }));
				expectImportResult(employeeToOutSmart(e, false));
				expectImportResult(paymentConditionToOutSmart(c));
			}),
			RUNS,
		);
	});

	it('value readers give a finite number, a date, or undefined', () => {
		fc.assert(
			fc.property(anyValue, (value) => {
				const decimal = parseDecimalText(value);
				if (decimal !== undefined) expect(Number.isFinite(decimal)).toBe(true);
				const minutes = durationToMinutes(value);
				if (minutes !== undefined) expect(Number.isInteger(minutes) && minutes >= 0).toBe(true);
				const date = toIsoDate(value);
				if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}),
			RUNS,
		);
	});

	it('a generated work order exports with finite amounts, or is skipped or refused in words', () => {
		const material = fc.record({
			MaterialCode: fc.oneof(fc.constantFrom('RAD-01000', 'LEID-01003'), hostile),
			MaterialName: hostile,
			MaterialNr: anyValue,
			MaterialPrice: anyValue,
			MaterialFreeField1: fc.oneof(fc.constantFrom('8000', '8010', '', '8999'), hostile),
		});
		const period = fc.record({ WorkDate: anyValue, TotalTime: anyValue, HourType: fc.oneof(fc.constant('UUR-MONTEUR'), hostile), EmployeeNr: anyValue });
		const order = fc.record({
			WorkorderNo: hostile,
			CustomerName: hostile,
			CustomerDebtorNr: fc.oneof(fc.constant('10001'), hostile),
			WorkDescription: fc.oneof(hostile, fc.string({ minLength: 2000, maxLength: 5000 })),
			WorkDate: anyValue,
			Materials: fc.oneof(fc.array(material, { maxLength: 4 }), fc.constant(null), fc.constant(undefined)),
			Workperiods: fc.oneof(fc.array(period, { maxLength: 3 }), fc.constant(null), fc.constant(undefined)),
		});
		fc.assert(
			fc.property(order, (overrides) => {
				const outcome = buildExport(workorder(overrides as Partial<Workorder>), settings(), catalog());
				if (outcome.kind === 'export') {
					for (const line of outcome.item.invoice?.SalesInvoiceLines ?? []) {
						expect(Number.isFinite(line.Quantity) && Number.isFinite(line.UnitPrice)).toBe(true);
						expect(line.Quantity).not.toBe(0);
					}
					expect(outcome.item.yourRef.length).toBeLessThanOrEqual(30);
				} else if (outcome.kind === 'fail') {
					expect(outcome.problems.length).toBeGreaterThan(0);
					for (const problem of outcome.problems) expect(problem.length).toBeGreaterThan(10);
				} else {
					expect(outcome.reason.length).toBeGreaterThan(10);
				}
			}),
			{ ...RUNS, numRuns: 200 },
		);
	});

	// OutSmart documents these as arrays, but a client should not crash with a TypeError when one arrives as
	// something else (an empty string or an object): the order must fail with a sentence instead.
	it.each([
		['Materials', ''],
		['Materials', { 0: {} }],
		['Workperiods', ''],
		['Workperiods', { 0: {} }],
	])('a work order whose %s is not a list (%p) gives an outcome, not a TypeError', (field, value) => {
		let outcome: ReturnType<typeof buildExport> | undefined;
		expect(() => {
			outcome = buildExport(workorder({ [field]: value } as unknown as Partial<Workorder>), settings(), catalog());
		}).not.toThrow();
		// An object where a list belongs is not readable: refusing beats exporting part of the order.
		if (typeof value === 'object') expect(outcome?.kind).toBe('fail');
	});

	it('templates render any work order without throwing, and report unknown tags', () => {
		fc.assert(
			fc.property(hostile, hostile, (template, name) => {
				const rendered = renderTemplate(template, workorder({ CustomerName: name }));
				expect(typeof rendered).toBe('string');
				expect(Array.isArray(unknownTagsIn(template))).toBe(true);
			}),
			RUNS,
		);
	});
});
