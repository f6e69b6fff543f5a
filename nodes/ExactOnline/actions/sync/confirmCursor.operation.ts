import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getDivision } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { readCursor, writeCursor } from './cursorStore';
import { entityProperty } from './entities';

export const description: INodeProperties[] = forOperations('sync', ['confirmCursor'], [
	{
		...entityProperty,
		description: 'The entity whose cursor a Get Changes node with "Remember Cursor" read earlier in this execution',
	},
	{
		displayName:
			'Place this node after the nodes that write the changes, on the path that runs only when they all succeeded: the next run of Get Changes then starts where this one ended. Makes no call to Exact Online.',
		name: 'confirmNotice',
		type: 'notice',
		default: '',
	},
]);

/** Makes the cursor Get Changes reached the start of the next run. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const entity = this.getNodeParameter('entity', itemIndex) as string;
	const stored = readCursor(this, division, entity);
	const confirmed = stored.pending ?? stored.confirmed;
	if (stored.pending !== undefined) writeCursor(this, division, entity, { confirmed: stored.pending });
	return { entity, division, cursor: confirmed ?? null, advanced: stored.pending !== undefined && stored.pending !== stored.confirmed };
}
