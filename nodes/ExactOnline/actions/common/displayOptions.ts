import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from '../../../shared/descriptions';

/** Shows properties only for one resource and some of its operations. */
export function forOperations(resource: string, operations: string[], properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: operations } }, properties);
}
