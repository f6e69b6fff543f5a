/**
 * Which fields count as a change is the mapping's rule, kept beside the mapper in nodes/ExactOutSmart/logic.
 * n8n's Merge node cannot read it from there, so each template's "New or Changed" Merge carries a copy:
 * this test holds every copy to the mapper's list, so a field added to a mapping cannot be forgotten in a
 * template (or a stale one kept).
 */
import { readdirSync } from 'node:fs';
import type { INode } from 'n8n-workflow';
import { RELATION_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/accountToRelation';
import { EMPLOYEE_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/employeeToOutSmart';
import { CATEGORY_CHANGE_FIELDS, materialChangeFields } from '../../nodes/ExactOutSmart/logic/itemToMaterial';
import { HOUR_TYPE_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/labourItemToHourType';
import { PAYMENT_METHOD_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/paymentConditionToOutSmart';
import { PRICE_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/priceAgreements';
import { loadTemplate, WORKFLOWS_DIR } from './setup';

/** The change fields of what a node produces: an import mapping, or the template's item-group mapping. */
function changeFieldsOf(source: INode): readonly string[] | undefined {
	if (source.type === 'n8n-nodes-base.set' && source.name === 'Item Groups to Categories') return CATEGORY_CHANGE_FIELDS;
	if (!source.type.endsWith('.exactOutSmart') || source.parameters.resource !== 'import') return undefined;
	switch (source.parameters.operation) {
		case 'mapAccounts':
			return RELATION_CHANGE_FIELDS;
		case 'mapItems':
			return source.parameters.itemOutput === 'materials' ? materialChangeFields(Number(source.parameters.glaFreeField ?? 1)) : undefined;
		case 'mapLabourItems':
			return HOUR_TYPE_CHANGE_FIELDS;
		case 'mapEmployees':
			return EMPLOYEE_CHANGE_FIELDS;
		case 'mapPaymentConditions':
			return PAYMENT_METHOD_CHANGE_FIELDS;
		case 'mapPriceAgreements':
			return PRICE_CHANGE_FIELDS;
		default:
			return undefined;
	}
}

const changeSteps = readdirSync(WORKFLOWS_DIR)
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) => {
		const workflow = loadTemplate(file);
		return workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-base.merge' && node.name.startsWith('New or Changed'))
			.map((merge) => {
				const sourceName = Object.entries(workflow.connections).find(([, outputs]) =>
					(outputs.main ?? []).some((targets) => (targets ?? []).some((target) => target.node === merge.name && target.index === 0)),
				)?.[0];
				const source = workflow.nodes.find((node) => node.name === sourceName)!;
				return { file, merge, source };
			});
	});

describe('the "New or Changed" steps of the import templates', () => {
	test('there is one per import', () => {
		expect(changeSteps.length).toBeGreaterThanOrEqual(6);
	});

	test.each(changeSteps.map((step) => [`${step.file}: ${step.merge.name}`, step]))('%s matches on the mapping\'s change fields', (_name, step) => {
		const { merge, source } = step as (typeof changeSteps)[number];
		const fields = changeFieldsOf(source);
		expect({ source: source.name, known: fields !== undefined }).toEqual({ source: source.name, known: true });
		const matched = String(merge.parameters.fieldsToMatchString)
			.split(',')
			.map((field) => field.trim());
		expect(matched).toEqual([...fields!]);
		expect(merge.parameters).toMatchObject({ mode: 'combine', combineBy: 'combineByFields', joinMode: 'keepNonMatches', outputDataFrom: 'input1' });
	});
});
