import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { isGuid } from '../../transport';


export function listOptions(defaultFields: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: defaultFields.join(','),
				description: 'Comma-separated fields to return ($select). Exact requires a field list for lists.',
			},
			{
				displayName: 'Keep OData Metadata',
				name: 'keepMetadata',
				type: 'boolean',
				default: false,
				description: 'Whether to keep Exact\'s __metadata and __deferred entries in the output',
			},
		],
	};
}

export function idField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2f3a6b3e-0c2e-4f8f-9f39-2b6a0c3d9b11',
		description,
	};
}

/** The fields the user asked for, or the defaults. */
export function selectedFields(this: IExecuteFunctions, itemIndex: number, defaults: string[]): string[] {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const text = typeof options.fields === 'string' ? options.fields : '';
	const fields = text
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	return fields.length ? fields : defaults;
}

export function keepMetadata(this: IExecuteFunctions, itemIndex: number): boolean {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.keepMetadata === true;
}

export function limitOf(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/** A GUID parameter (plain or a resource locator), checked before it reaches a URL or filter. */
export function guidParameter(this: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!isGuid(value)) {
		throw new NodeOperationError(this.getNode(), `${label} "${value}" is not a valid Exact Online ID (a GUID)`, { itemIndex });
	}
	return value.toLowerCase();
}

/** Drops empty strings so an untouched field does not overwrite data in Exact. */
export function compact(values: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === '' || value === undefined || value === null) continue;
		if (typeof value === 'object' && !Array.isArray(value) && 'value' in value && '__rl' in value) {
			const inner = (value as IDataObject).value;
			if (inner !== '' && inner !== undefined) result[key] = inner;
			continue;
		}
		result[key] = value;
	}
	return result;
}
