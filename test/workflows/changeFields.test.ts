/**
 * Which fields count as a change is the mapping's rule, kept beside the mapper in nodes/ExactOutSmart/logic.
 * Each template's "New or Changed" Merge matches on the Map node's own list (its hidden Change Fields
 * parameter, `{{ $('Map …').params.changeFields }}`), so no template carries a copy.
 */
import { readdirSync } from 'node:fs';
import type { INode, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { TestNodeTypes } from '../harness/node-types';
import { RELATION_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/accountToRelation';
import { EMPLOYEE_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/employeeToOutSmart';
import { CATEGORY_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/itemGroupToCategory';
import { materialChangeFields } from '../../nodes/ExactOutSmart/logic/itemToMaterial';
import { HOUR_TYPE_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/labourItemToHourType';
import { PAYMENT_METHOD_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/paymentConditionToOutSmart';
import { PRICE_CHANGE_FIELDS } from '../../nodes/ExactOutSmart/logic/priceAgreements';
import { loadTemplate, WORKFLOWS_DIR } from './setup';

/** The change fields of what a node produces: an import mapping, or the template's item-group mapping. */
function changeFieldsOf(source: INode): readonly string[] | undefined {
	if (!source.type.endsWith('.exactOutSmart') || source.parameters.resource !== 'import') return undefined;
	switch (source.parameters.operation) {
		case 'mapAccounts':
			return RELATION_CHANGE_FIELDS;
		case 'mapItemGroups':
			return CATEGORY_CHANGE_FIELDS;
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

const nodeTypes = new TestNodeTypes();

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
		// The Merge names no field: it reads the Map node's list, which n8n fills from the operation's default.
		expect(merge.parameters.fieldsToMatchString).toBe(`={{ $('${source.name}').params.changeFields }}`);
		const description = (nodeTypes.getByName(source.type) as INodeType).description;
		const parameters = NodeHelpers.getNodeParameters(description.properties, source.parameters, true, false, source, description) as INodeParameters;
		expect(String(parameters.changeFields).split(',').map((field) => field.trim())).toEqual([...fields!]);
		expect(merge.parameters).toMatchObject({ mode: 'combine', combineBy: 'combineByFields', joinMode: 'keepNonMatches', outputDataFrom: 'input1' });
	});
});
