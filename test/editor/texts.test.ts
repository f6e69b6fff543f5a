/**
 * What the editor shows reads as words: operation actions with the right article and acronyms kept
 * ("Get a GL account", "Delete an employee"), and the canvas subtitle is that action, not the internal
 * names ("getAll: salesInvoice"). The subtitle is evaluated by n8n's own expression engine.
 */
import type { INode, INodeProperties, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PACKAGE_PREFIX, TestNodeTypes } from '../harness/node-types';
import { inSentence, withArticle } from '../../nodes/shared/words';

const nodeTypes = new TestNodeTypes();
const NODES = ['exactOnline', 'outSmart', 'exactOutSmart'];

function operations(type: INodeType): Array<{ resource: string; operation: string; name: string; action: string }> {
	const found = [];
	for (const property of type.description.properties as INodeProperties[]) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource as string[]) ?? []) {
			for (const option of property.options ?? []) {
				if ('value' in option) found.push({ resource, operation: String(option.value), name: option.name, action: String((option as { action?: string }).action) });
			}
		}
	}
	return found;
}

function subtitleOf(typeName: string, parameters: Record<string, string>): unknown {
	const type = nodeTypes.getByName(`${PACKAGE_PREFIX}.${typeName}`) as INodeType;
	const node: INode = { id: '1', name: 'Node', type: `${PACKAGE_PREFIX}.${typeName}`, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle, 'internal', {});
}

describe('Editor texts', () => {
	test('articles and acronyms', () => {
		expect(withArticle(inSentence('GL Account'))).toBe('a GL account');
		expect(withArticle(inSentence('VAT Code'))).toBe('a VAT code');
		expect(withArticle('employee')).toBe('an employee');
		expect(withArticle('hour type')).toBe('an hour type');
		expect(withArticle('item group')).toBe('an item group');
		expect(withArticle('user')).toBe('a user');
	});

	test.each(NODES)('%s: every action is a sentence with the right article, acronyms kept', (typeName) => {
		const type = nodeTypes.getByName(`${PACKAGE_PREFIX}.${typeName}`) as INodeType;
		const found = operations(type);
		expect(found.length).toBeGreaterThan(0);
		for (const { resource, operation, action } of found) {
			const where = `${resource}:${operation}`;
			expect({ where, action }).toEqual({ where, action: expect.stringMatching(/^[A-Z][a-z]/) });
			expect({ where, action }).not.toEqual({ where, action: expect.stringMatching(/\ba (?:[aeio]|hour|employee)/i) });
			expect({ where, action }).not.toEqual({ where, action: expect.stringMatching(/\ban [^aeiouh]/i) });
			expect({ where, action }).not.toEqual({ where, action: expect.stringMatching(/\b(?:gl|vat|pdf)\b/) });
		}
		if (typeName === 'exactOnline') {
			expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ resource: 'glAccount', operation: 'get', action: 'Get a GL account' })]));
		}
		if (typeName === 'outSmart') {
			expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ resource: 'employee', operation: 'delete', action: 'Delete an employee' })]));
		}
	});

	test.each(NODES)('%s: the canvas subtitle is the chosen operation in words', (typeName) => {
		const type = nodeTypes.getByName(`${PACKAGE_PREFIX}.${typeName}`) as INodeType;
		for (const { resource, operation, action } of operations(type)) {
			expect({ resource, operation, subtitle: subtitleOf(typeName, { resource, operation }) }).toEqual({ resource, operation, subtitle: action });
		}
	});

	test('the subtitle of a sales-invoice list is not the internal names', () => {
		expect(subtitleOf('exactOnline', { resource: 'salesInvoice', operation: 'getAll' })).toBe('Get many sales invoices');
	});
});
