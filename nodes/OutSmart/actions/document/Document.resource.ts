import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';

import * as upload from './upload.operation';

export const operations: OperationMap = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [{ name: 'Upload', value: 'upload', description: 'Upload a file to OutSmart', action: 'Upload a document' }],
		default: 'upload',
	},
	...upload.description,
];
