/**
 * The simulator's work orders have the shape of the API Blueprint's GetWorkorder example
 * (CloudEcosystemDev/outsmart-component README.md; test/fixtures/outsmart-blueprint/getWorkorders.ts):
 * the same fields, strings for numbers, null for empty line fields, and the real variety of orders.
 */
import { BLUEPRINT_PAYMENT_METHODS, BLUEPRINT_TYPES_OF_WORK, BLUEPRINT_WORKORDER } from '../../fixtures/outsmart-blueprint/getWorkorders';
import { startOutSmartSimulator, type OutSmartSimulator } from './index';
import { okResponse } from './testClient';

type Row = Record<string, unknown>;

function kind(value: unknown): string {
	if (value === null) return 'null';
	return Array.isArray(value) ? 'array' : typeof value;
}

describe('OutSmart simulator: work orders shaped like the Blueprint', () => {
	let simulator: OutSmartSimulator;
	let orders: Row[];
	beforeAll(async () => {
		simulator = await startOutSmartSimulator({ port: 0, timeScale: 0, workorderCount: 40 });
		orders = await okResponse<Row[]>(simulator, 'GetWorkorders', { query: { status: 'Alle', update_status: 'false' } });
	});
	afterAll(() => simulator.close());

	it('every field of the example, with the same JSON type (WordUrl is not modelled)', () => {
		for (const order of orders) {
			const shape = Object.fromEntries(Object.keys(BLUEPRINT_WORKORDER).filter((key) => key !== 'WordUrl').map((key) => [key, kind(order[key])]));
			const expected = Object.fromEntries(
				Object.entries(BLUEPRINT_WORKORDER)
					.filter(([key]) => key !== 'WordUrl')
					.map(([key, value]) => [key, kind(value)]),
			);
			expect(shape).toEqual(expected);
		}
	});

	it('lines carry strings, and null where the example has null', () => {
		const lines = orders.flatMap((order) => order.Materials as Row[]);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			for (const field of ['MaterialCode', 'MaterialNr', 'MaterialPrice', 'MaterialName', 'MaterialTotalPrice']) expect(typeof line[field]).toBe('string');
			for (const field of ['MaterialType', 'MaterialFreeField1', 'MaterialFreeField2', 'MaterialFreeField3', 'MaterialFreeField4', 'MaterialFreeField5']) {
				expect(line[field] === null || (typeof line[field] === 'string' && line[field] !== '')).toBe(true);
			}
		}
		expect(lines.some((line) => line.MaterialFreeField1 === null)).toBe(true);
	});

	it('has the orders real accounts have: without WorkorderNo, unfinished, archived, warranty; documented values only', () => {
		expect(orders.filter((order) => order.WorkorderNo === '' && order.OrderNr !== '').length).toBeGreaterThanOrEqual(2);
		expect(orders.some((order) => order.status === 'Compleet' && order.WorkFinished === '0')).toBe(true);
		expect(orders.some((order) => order.Archived === '1')).toBe(true);
		expect(orders.some((order) => order.TypeOfWork === 'Garantie')).toBe(true);
		for (const order of orders) {
			expect(BLUEPRINT_TYPES_OF_WORK).toContain(order.TypeOfWork);
			expect(BLUEPRINT_PAYMENT_METHODS).toContain(order.PaymentMethod);
			expect(order.id).toMatch(/^\d+$/);
		}
	});
});
