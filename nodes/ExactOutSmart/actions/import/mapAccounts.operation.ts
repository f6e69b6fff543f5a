import type { INodeProperties } from 'n8n-workflow';
import { accountToRelation, RELATION_CHANGE_FIELDS } from '../../logic/accountToRelation';
import { changeFieldsProperty, mapEach } from '../shared/mapRecords';

export const description: INodeProperties[] = [
	{
		displayName: 'Relation Types',
		name: 'relationTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Customer', value: 'C' },
			{ name: 'None', value: 'A' },
			{ name: 'Prospect', value: 'P' },
			{ name: 'Suspect', value: 'S' },
		],
		default: ['C'],
		description: 'Exact account statuses to import as OutSmart relations',
		displayOptions: { show: { resource: ['import'], operation: ['mapAccounts'] } },
	},
	{
		displayName: 'Include Blocked Accounts',
		name: 'includeBlocked',
		type: 'boolean',
		default: false,
		description: 'Whether blocked Exact accounts come along as inactive relations (otherwise they are left out)',
		displayOptions: { show: { resource: ['import'], operation: ['mapAccounts'] } },
	},
	changeFieldsProperty({ operation: ['mapAccounts'] }, RELATION_CHANGE_FIELDS),
];

export const execute = mapEach(function (record, itemIndex) {
	return accountToRelation(record, {
		relationTypes: this.getNodeParameter('relationTypes', itemIndex, ['C']) as string[],
		includeBlocked: this.getNodeParameter('includeBlocked', itemIndex, false) as boolean,
	});
});
