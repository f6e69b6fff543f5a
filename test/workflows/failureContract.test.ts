/**
 * The templates' side of the one failure contract, checked over every file in workflows/:
 * - no routing on message text: no condition or expression reads an error's message with a text match
 *   (startsWith, includes, match, regex, ...); routes use `details.kind`;
 * - no `$('Other Node')` look-up to recover which order an item belongs to: the order's identity travels
 *   with the item (`workorder`, `details.workorder`);
 * - no expression over 200 characters (what a person can still read in the editor's field);
 * - the export template routes every failure on `details.kind`, ends in error once the other orders are
 *   done, and its trigger watches the statuses of the export triggers in Build Sales Invoice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INode } from 'n8n-workflow';
import { WORKFLOWS_DIR } from './setup';

const FILES = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort();
const MAX_EXPRESSION = 200;

interface Workflow {
	nodes: INode[];
	connections: Record<string, { main?: Array<Array<{ node: string; index: number }> | null> }>;
}

function read(file: string): Workflow {
	return JSON.parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as Workflow;
}

function expressionsOf(value: unknown, where = ''): Array<{ where: string; expression: string }> {
	if (typeof value === 'string') return value.startsWith('=') ? [{ where, expression: value }] : [];
	if (Array.isArray(value)) return value.flatMap((entry, index) => expressionsOf(entry, `${where}[${index}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => expressionsOf(entry, `${where}.${key}`));
	return [];
}

/** Conditions of If, Filter and Switch nodes: left value, operation and right value. */
function conditionsOf(node: INode): Array<{ left: string; operation: string; right: string }> {
	const found: Array<{ left: string; operation: string; right: string }> = [];
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') {
			const record = value as IDataObject;
			if ('leftValue' in record && record.operator && typeof record.operator === 'object') {
				found.push({ left: String(record.leftValue), operation: String((record.operator as IDataObject).operation), right: String(record.rightValue ?? '') });
			}
			Object.values(record).forEach(visit);
		}
	};
	visit(node.parameters);
	return found;
}

const TEXT_MATCH_ON_ERROR = /(error|message)\b[^}]*\.(match|startsWith|endsWith|includes|indexOf|search|test)\(|\.(match|test|search)\([^)]*(error|message)/;
const IDENTITY_LOOKUP = /\$\(\s*['"][^'"]+['"]\s*\)[^}]*?\.(workorder|workorderNo|WorkorderNo|trigger|details)\b/;

describe.each(FILES)('template %s keeps the failure contract', (file) => {
	const workflow = read(file);
	const expressions = workflow.nodes.flatMap((node) => expressionsOf(node.parameters).map((entry) => ({ node: node.name, ...entry })));

	test('no routing on message text', () => {
		expect(expressions.filter(({ expression }) => TEXT_MATCH_ON_ERROR.test(expression))).toEqual([]);
		const textConditions = workflow.nodes.flatMap((node) =>
			conditionsOf(node)
				.filter((condition) => /\berror\b|\bmessage\b/.test(condition.left) && !['exists', 'notExists', 'empty', 'notEmpty', 'true', 'false'].includes(condition.operation))
				.map((condition) => ({ node: node.name, ...condition })),
		);
		expect(textConditions).toEqual([]);
	});

	test("no $('…') look-up to recover which order an item is", () => {
		const lookups = expressions
			.filter(({ expression }) => IDENTITY_LOOKUP.test(expression))
			// Reading another node's parameters (its configuration) is not recovering an order.
			.filter(({ expression }) => !/\$\(\s*'[^']+'\s*\)\.params\b/.test(expression));
		expect(lookups).toEqual([]);
	});

	test(`no expression over ${MAX_EXPRESSION} characters`, () => {
		const long = expressions
			.filter(({ expression }) => expression.length > MAX_EXPRESSION)
			.map(({ node, where, expression }) => ({ node, where, length: expression.length }));
		expect(long).toEqual([]);
	});
});

describe('the export template', () => {
	const workflow = read('export-work-orders.json');
	const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
	const targets = (name: string, output: number) => (workflow.connections[name]?.main?.[output] ?? []).map((link) => link.node);

	test("routes Build Sales Invoice's failures on details.kind", () => {
		const [router] = targets('Build Sales Invoice', 1);
		expect(conditionsOf(byName.get(router)!)).toEqual([{ left: '={{ $json.details.kind }}', operation: 'equals', right: 'order.invalid' }]);
		expect(targets(router, 0)).toEqual(['Failed Orders']);
		expect(targets(router, 1)).toEqual(['Stop: Nothing Exported']);
	});

	test('every failed step leads to Failed Orders, then the error status, then a stop naming the orders', () => {
		const feeding = Object.entries(workflow.connections).flatMap(([from, { main }]) =>
			(main ?? []).flatMap((links, output) => (links ?? []).filter((link) => link.node === 'Failed Orders').map((link) => ({ from, output, input: link.index }))),
		);
		expect(feeding.map(({ from }) => from).sort()).toEqual([
			'Document in Exact?',
			'Download PDF for Invoice',
			'Download Work-Order PDF',
			'Invoice in Exact?',
			'Move to Success Status',
			'Order Refused?',
			'PDF Attached?',
		]);
		// One input each, so the merge runs once, after every other branch is done.
		expect(new Set(feeding.map(({ input }) => input)).size).toBe(feeding.length);
		let node = 'Failed Orders';
		const chain = [node];
		while (targets(node, 0).length === 1) chain.push((node = targets(node, 0)[0]));
		expect(chain).toEqual(['Failed Orders', 'Failed Order', 'Move to Error Status', 'Export Failed', 'All Failed Orders', 'Failure Report', 'Stop: Orders Not Exported']);
		for (const name of ['Create Sales Invoice', 'Attach PDF to Invoice', 'Create Exact Document', 'Move to Error Status']) {
			expect({ name, onError: byName.get(name)!.onError }).toEqual({ name, onError: 'continueRegularOutput' });
		}
		// A failed download goes straight to Failed Orders with its own reason (not on to a document without a file).
		for (const name of ['Download PDF for Invoice', 'Download Work-Order PDF', 'Move to Success Status']) {
			expect({ name, onError: byName.get(name)!.onError }).toEqual({ name, onError: 'continueErrorOutput' });
		}
	});

	test('the trigger watches exactly the statuses of the export triggers, read from Build Sales Invoice', () => {
		expect(byName.get('Work Order Ready for Export')!.parameters).toMatchObject({
			watch: 'exportTriggers',
			exportTriggersToWatch: "={{ $('Build Sales Invoice').params.exportTriggers.trigger }}",
		});
		expect(byName.get('Work Order Ready for Export')!.parameters).not.toHaveProperty('workStatuses');
	});
});
