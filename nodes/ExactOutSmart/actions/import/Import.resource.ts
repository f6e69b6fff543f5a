import type { INodeProperties } from 'n8n-workflow';
import type { OperationMap } from '../../../shared/router';
import * as mapAccounts from './mapAccounts.operation';
import * as mapEmployees from './mapEmployees.operation';
import * as mapItemGroups from './mapItemGroups.operation';
import * as mapItems from './mapItems.operation';
import * as mapLabourItems from './mapLabourItems.operation';
import * as mapPaymentConditions from './mapPaymentConditions.operation';
import * as mapPriceAgreements from './mapPriceAgreements.operation';
import * as summarise from './summarise.operation';

export const operations: OperationMap = { mapAccounts, mapEmployees, mapItemGroups, mapItems, mapLabourItems, mapPaymentConditions, mapPriceAgreements, summarise };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['import'] } },
		options: [
			{ name: 'Map Accounts to Relations', value: 'mapAccounts', description: 'Exact accounts in, OutSmart relations out', action: 'Map accounts to relations' },
			{ name: 'Map Employees', value: 'mapEmployees', description: 'Exact employees in, OutSmart employees out', action: 'Map employees' },
			{ name: 'Map Item Groups to Categories', value: 'mapItemGroups', description: 'Exact item groups in, OutSmart material categories out', action: 'Map item groups to categories' },
			{ name: 'Map Items to Materials', value: 'mapItems', description: 'Exact items in, OutSmart materials (with their GLA) out', action: 'Map items to materials' },
			{ name: 'Map Labour Items to Hour Types', value: 'mapLabourItems', description: 'Exact labour items in, OutSmart hour types out', action: 'Map labour items to hour types' },
			{ name: 'Map Payment Conditions', value: 'mapPaymentConditions', description: 'Exact payment conditions in, OutSmart payment methods out', action: 'Map payment conditions' },
			{
				name: 'Map Price Agreements',
				value: 'mapPriceAgreements',
				description: "Read the customers' price agreements from Exact, OutSmart prices (per material or hour type) out",
				action: 'Map price agreements',
			},
			{ name: 'Summarise', value: 'summarise', description: 'Count what one import run created, updated, left unchanged, skipped and failed', action: 'Summarise an import run' },
		],
		default: 'mapAccounts',
	},
	...mapAccounts.description,
	...mapEmployees.description,
	...mapItemGroups.description,
	...mapItems.description,
	...mapLabourItems.description,
	...mapPaymentConditions.description,
	...mapPriceAgreements.description,
	...summarise.description,
];
