import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ExactSyncEntity } from '../../transport';
import { exactSyncChanges, getDivision } from '../../transport';
import { forOperations } from '../common/displayOptions';

const DEFAULT_FIELDS: Record<ExactSyncEntity, string> = {
	Accounts: 'ID,Code,Name,Status,IsSupplier,Email,Phone,AddressLine1,Postcode,City,Country,VATNumber,PaymentConditionSales,Blocked,Modified',
	Items: 'ID,Code,Description,ItemGroup,GLRevenue,GLCosts,SalesVatCode,StandardSalesPrice,CostPriceStandard,Unit,IsSalesItem,IsTime,EndDate,Modified',
	GLAccounts: 'ID,Code,Description,Type,BalanceSide,BalanceType,VATCode,IsBlocked,Modified',
	PaymentConditions: 'ID,Code,Description,PaymentDays,PaymentMethod,Modified',
	Contacts: 'ID,Account,FirstName,LastName,FullName,Email,Phone,Mobile,Modified',
	SalesInvoices: 'InvoiceID,InvoiceNumber,YourRef,OrderedBy,Status,AmountFC,Modified',
};

export const description: INodeProperties[] = forOperations('sync', ['getChanges'], [
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'options',
		options: [
			{ name: 'Accounts', value: 'Accounts' },
			{ name: 'GL Accounts', value: 'GLAccounts' },
			{ name: 'Items', value: 'Items' },
			{ name: 'Payment Conditions', value: 'PaymentConditions', description: 'No sync feed in Exact: read by modification date, no deletions' },
		],
		default: 'Accounts',
	},
	{
		displayName: 'Since Timestamp',
		name: 'sinceTimestamp',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.nextTimestamp }}',
		description: 'The cursor returned by the previous run (nextTimestamp); empty for a full first import',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Summary Item', value: 'summary', description: 'Records, deletions and the next cursor in one item' },
			{ name: 'One Item per Change', value: 'perRecord', description: 'Each changed or deleted record as its own item, with the next cursor on each' },
		],
		default: 'summary',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: '',
		description: 'Comma-separated fields to return; empty for a sensible default per entity',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | INodeExecutionData[]> {
	const division = getDivision.call(this, itemIndex);
	const entity = this.getNodeParameter('entity', itemIndex) as ExactSyncEntity;
	const fieldsText = (this.getNodeParameter('fields', itemIndex, '') as string) || DEFAULT_FIELDS[entity];
	const select = fieldsText
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	const sinceTimestamp = String(this.getNodeParameter('sinceTimestamp', itemIndex, '') ?? '').trim();
	const changes = await exactSyncChanges.call(this, { division, entity, select, sinceTimestamp: sinceTimestamp || undefined, itemIndex });
	if (this.getNodeParameter('output', itemIndex, 'summary') === 'perRecord') {
		return [
			...changes.records.map((record) => ({ json: { ...record, _deleted: false, _nextTimestamp: changes.nextTimestamp } })),
			...changes.deleted.map((record) => ({ json: { ...record, _deleted: true, _nextTimestamp: changes.nextTimestamp } })),
		];
	}
	return {
		entity,
		sinceTimestamp: sinceTimestamp || null,
		nextTimestamp: changes.nextTimestamp,
		changed: changes.records.length,
		deletedCount: changes.deleted.length,
		records: changes.records,
		deleted: changes.deleted,
	};
}
