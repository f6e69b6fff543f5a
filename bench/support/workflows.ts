import type { IConnections, INode, IWorkflowBase } from 'n8n-workflow';
import { PACKAGE_PREFIX, workflowDefinition } from '../../test/harness';
import { PEER_NODE_TYPE } from './peerNode';
import { DIVISION, DIVISION_PARAMETER } from './stack';

/** The Exact item fields the material mapping reads. */
export const ITEM_FIELDS = ['ID', 'Code', 'Description', 'ItemGroupCode', 'GLRevenueCode', 'StandardSalesPrice', 'SalesVatCode', 'Unit', 'IsTime'];

/** OutSmart accepts up to 1000 records in one upsert. */
export const OUTSMART_BATCH = 1000;

export const NODE = { start: 'Start', read: 'Read Items', split: 'Split Pages', map: 'Map to Materials', write: 'Upsert Materials' } as const;

export function node(name: string, type: string, parameters: INode['parameters'], typeVersion = 1, extra: Partial<INode> = {}): INode {
	return {
		id: name.toLowerCase().replace(/\s+/g, '-'),
		name,
		type: type.includes('.') ? type : `${PACKAGE_PREFIX}.${type}`,
		typeVersion,
		position: [0, 0],
		parameters,
		...extra,
	};
}

export function chain(names: string[]): IConnections {
	const connections: IConnections = {};
	for (let index = 0; index + 1 < names.length; index++) {
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** A workflow object around these nodes (the harness's own builder). */
export const workflow = workflowDefinition;

const mapNode = node(NODE.map, 'exactOutSmart', { resource: 'import', operation: 'mapItems', itemOutput: 'materials', glaFreeField: 1, itemGroups: '', skipLabourItems: true });
const writeNode = node(NODE.write, 'outSmart', { resource: 'material', operation: 'upsert', record: '={{ $json }}', batchSize: OUTSMART_BATCH });

/** Ours: Exact's sync feed (1000 rows a call) → mapping → OutSmart batch upsert. Empty cursor = full import. */
export function oursImportWorkflow(sinceTimestamp = '', includeDeletions = true): IWorkflowBase {
	const read = node(NODE.read, 'exactOnline', {
		resource: 'sync',
		operation: 'getChanges',
		division: DIVISION_PARAMETER,
		entity: 'Items',
		sinceTimestamp,
		output: 'perRecord',
		fields: ITEM_FIELDS.join(','),
		includeDeletions,
	});
	const nodes = [node(NODE.start, 'n8n-nodes-base.manualTrigger', {}), read, mapNode, writeNode];
	return workflow('Ours: import items', nodes, chain([NODE.start, NODE.read, NODE.map, NODE.write]));
}

/**
 * Peer (a): the community node's Get All on logistics/Items (60 rows a page). Its Limit has a minimum of 1,
 * so a user sets it above the item count. logistics/Items refuses a request without $filter, so the
 * filter is one any item passes.
 */
export function peerImportWorkflow(itemCount: number): IWorkflowBase {
	const read = node(PEER_NODE_TYPE, PEER_NODE_TYPE, {}, 1);
	read.name = NODE.read;
	read.parameters = {
		authentication: 'oAuth2',
		division: String(DIVISION),
		service: 'logistics',
		resource: 'Items',
		operation: 'getAll',
		limit: itemCount + 1000,
		selectedFields: ITEM_FIELDS,
		conjunction: 'and',
		filter: { filter: [{ field: 'IsSalesItem', operator: 'eq', value: 'true' }] },
	};
	const nodes = [node(NODE.start, 'n8n-nodes-base.manualTrigger', {}), read, mapNode, writeNode];
	return workflow('Peer: community node import', nodes, chain([NODE.start, NODE.read, NODE.map, NODE.write]));
}

/**
 * Peer (b): n8n's HTTP Request node with the Exact credential, following `d.__next`, one request a second
 * (the interval a careful user sets for 60 calls a minute), then Split Out on the page's rows.
 */
export function httpImportWorkflow(exactOrigin: string): IWorkflowBase {
	const read = node(
		NODE.read,
		'n8n-nodes-base.httpRequest',
		{
			method: 'GET',
			url: `${exactOrigin}/api/v1/${DIVISION}/logistics/Items`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'exactOnlineOAuth2Api',
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: {
				parameters: [
					{ name: '$select', value: ITEM_FIELDS.join(',') },
					{ name: '$filter', value: 'IsSalesItem eq true' },
				],
			},
			sendHeaders: true,
			specifyHeaders: 'keypair',
			headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'responseContainsNextURL',
						nextURL: '={{ $response.body.d.__next }}',
						paginationCompleteWhen: 'other',
						completeExpression: '={{ !$response.body.d.__next }}',
						limitPagesFetched: false,
						requestInterval: 1000,
					},
				},
			},
		},
		4.2,
		// The predefined credential is not in the node's own credential list, so it is linked by hand.
		{ credentials: { exactOnlineOAuth2Api: { id: 'cred-exactOnlineOAuth2Api', name: 'Exact Online' } } },
	);
	const split = node(NODE.split, 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'd.results', include: 'noOtherFields', options: {} });
	const nodes = [node(NODE.start, 'n8n-nodes-base.manualTrigger', {}), read, split, mapNode, writeNode];
	return workflow('Peer: HTTP Request import', nodes, chain([NODE.start, NODE.read, NODE.split, NODE.map, NODE.write]));
}
