import type { INodeProperties } from 'n8n-workflow';

const GUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

function guidLocator(name: string, displayName: string, description: string, searchListMethod: string, required = true): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 2f3a6b3e-0c2e-4f8f-9f39-2b6a0c3d9b11',
				validation: [{ type: 'regex', properties: { regex: `^\\s*${GUID_REGEX}\\s*$`, errorMessage: 'Not a valid Exact Online ID (GUID)' } }],
			},
		],
	};
}

export function accountLocator(name: string, displayName: string, description: string, required = true): INodeProperties {
	return guidLocator(name, displayName, description, 'searchAccounts', required);
}

export function itemLocator(name: string, displayName: string, description: string, required = true): INodeProperties {
	return guidLocator(name, displayName, description, 'searchItems', required);
}

/** The Division picker every Exact node shows: from the list (listSearch `searchDivisions`) or by code. */
export function divisionPicker(purpose: string): INodeProperties {
	return {
		displayName: 'Division',
		name: 'division',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: `The Exact Online administration (division) ${purpose}. Leave empty to use the Default Division of the Exact Online credential.`,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchDivisions', searchable: true } },
			{
				displayName: 'By Code',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123456',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A division code is a number' } }],
			},
		],
	};
}

export const divisionLocator: INodeProperties = divisionPicker('to work in');

/**
 * A record Exact keys by GUID and people know by its code (an item, a GL account): From List, By Code
 * (looked up when the node runs) or By ID, the way n8n's accounting nodes offer items, accounts and taxes.
 */
export function codeOrGuidLocator(name: string, displayName: string, description: string, searchListMethod: string, codeExample: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{ displayName: 'By Code', name: 'code', type: 'string', placeholder: `e.g. ${codeExample}` },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 2f3a6b3e-0c2e-4f8f-9f39-2b6a0c3d9b11',
				validation: [{ type: 'regex', properties: { regex: `^\\s*${GUID_REGEX}\\s*$`, errorMessage: 'Not a valid Exact Online ID (GUID)' } }],
			},
		],
	};
}

/** A VAT code: Exact keys VAT codes by their code, so From List and By Code give the same value. */
export const vatCodeLocator: INodeProperties = {
	displayName: 'VAT Code',
	name: 'vatCode',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The VAT code of the line; defaults to the item\'s sales VAT code',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchVatCodes', searchable: true } },
		{ displayName: 'By Code', name: 'code', type: 'string', placeholder: 'e.g. 2' },
	],
};
