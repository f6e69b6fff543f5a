import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { compact } from './descriptions';

/** A writable Exact field offered in an "Additional Fields" collection. */
export interface WritableField {
	/** Parameter name in n8n (camelCase). */
	name: string;
	/** Field name in Exact. */
	exact: string;
	property: Omit<INodeProperties, 'name' | 'default'> & { default?: INodeProperties['default'] };
}

export function fieldProperties(fields: WritableField[]): INodeProperties[] {
	return fields
		.map(({ name, property }) => ({ default: defaultFor(property.type), ...property, name }) as INodeProperties)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The collection the writable fields are offered in: Additional Fields, Update Fields, … */
export function fieldsCollection(displayName: string, name: string, fields: WritableField[], description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description === undefined ? {} : { description }),
		options: fieldProperties(fields),
	};
}

function defaultFor(type: INodeProperties['type']): INodeProperties['default'] {
	if (type === 'boolean') return false;
	if (type === 'number') return 0;
	return '';
}

/** The collection values renamed to Exact's field names, empty values left out. */
export function toExactBody(values: IDataObject, fields: WritableField[]): IDataObject {
	const byName = new Map(fields.map((field) => [field.name, field.exact]));
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(compact(values))) {
		body[byName.get(key) ?? key] = value;
	}
	return body;
}
