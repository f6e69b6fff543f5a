import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Adds `displayOptions` to every property of an operation (a local copy of n8n-nodes-base's helper). */
export function updateDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			show: { ...(displayOptions.show ?? {}), ...(property.displayOptions?.show ?? {}) },
			...(property.displayOptions?.hide || displayOptions.hide
				? { hide: { ...(displayOptions.hide ?? {}), ...(property.displayOptions?.hide ?? {}) } }
				: {}),
		},
	}));
}

/** Return All + Limit, as every n8n Get Many offers. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];
