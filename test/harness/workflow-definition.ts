import type { IConnections, INode, IWorkflowBase } from 'n8n-workflow';

/** A workflow as n8n stores it, built in code: an inactive workflow with n8n's current execution order. */
export function workflowDefinition(name: string, nodes: INode[], connections: IConnections): IWorkflowBase {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
	} as IWorkflowBase;
}
