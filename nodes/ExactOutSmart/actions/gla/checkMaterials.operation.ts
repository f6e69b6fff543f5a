import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { getDivision } from '../../../ExactOnline/transport';
import { perItemAfter, type OperationNeeds } from '../../../shared/router';
import { checkMaterialGla } from '../../logic/materialGla';
import { trimCode } from '../../logic/values';
import { loadGlAccounts } from '../shared/loadCatalog';

export const description: INodeProperties[] = [
	{
		displayName: 'GLA Free Field',
		name: 'glaFreeField',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 1,
		description: 'Which material free field (1-5) holds the GL account code',
		displayOptions: { show: { resource: ['gla'], operation: ['checkMaterials'] } },
	},
	{
		displayName: 'Only Problems',
		name: 'onlyProblems',
		type: 'boolean',
		default: true,
		description: 'Whether to leave materials whose GLA is fine out of the report',
		displayOptions: { show: { resource: ['gla'], operation: ['checkMaterials'] } },
	},
];

export const needs: OperationNeeds = { exact: true };

/**
 * OutSmart materials in, one report line per material whose GLA is missing or unknown in Exact. The GL
 * accounts of all materials are read from Exact once.
 */
export const executeBatch = perItemAfter(
	async function () {
		const freeField = Number(this.getNodeParameter('glaFreeField', 0, 1));
		const onlyProblems = this.getNodeParameter('onlyProblems', 0, true) as boolean;
		const materials = this.getInputData().map((item) => item.json);
		const codes = [...new Set(materials.map((material) => trimCode(material[`freefield${freeField}`])).filter(Boolean))];
		const accounts = await loadGlAccounts(this, await getDivision.call(this, 0), codes);
		return { freeField, onlyProblems, accounts };
	},
	function ({ freeField, onlyProblems, accounts }, itemIndex, item) {
		const report = checkMaterialGla(item.json, freeField, accounts);
		return onlyProblems && report.status === 'ok' ? undefined : ({ ...report } as IDataObject);
	},
);
