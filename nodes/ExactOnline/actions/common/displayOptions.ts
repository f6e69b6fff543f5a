import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows properties only for one resource and some of its operations (a local copy of n8n's helper). */
export function forOperations(resource: string, operations: string[], properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const show: IDisplayOptions['show'] = { ...(property.displayOptions?.show ?? {}), resource: [resource], operation: operations };
		return { ...property, displayOptions: { ...property.displayOptions, show } };
	});
}
