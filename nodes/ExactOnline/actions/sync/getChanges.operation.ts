import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ExactSyncEntity } from '../../transport';
import { exactAddMainContactNames, exactSyncChanges, getDivision } from '../../transport';
import { forOperations } from '../common/displayOptions';
import { readCursor, writeCursor } from './cursorStore';
import { entityProperty } from './entities';

const DEFAULT_FIELDS: Record<ExactSyncEntity, string> = {
	Accounts: 'ID,Code,Name,Status,IsSupplier,Email,Phone,AddressLine1,Postcode,City,Country,VATNumber,PaymentConditionSales,Blocked,Modified',
	Items: 'ID,Code,Description,ItemGroup,GLRevenue,GLCosts,SalesVatCode,StandardSalesPrice,CostPriceStandard,Unit,IsSalesItem,IsTime,EndDate,Modified',
	GLAccounts: 'ID,Code,Description,Type,BalanceSide,BalanceType,VATCode,IsBlocked,Modified',
	PaymentConditions: 'ID,Code,Description,PaymentDays,PaymentMethod,Modified',
	Contacts: 'ID,Account,FirstName,LastName,FullName,Email,Phone,Mobile,Modified',
	SalesInvoices: 'InvoiceID,InvoiceNumber,YourRef,OrderedBy,Status,AmountFC,Modified',
};

export const description: INodeProperties[] = forOperations('sync', ['getChanges'], [
	entityProperty,
	{
		displayName: 'Since Timestamp',
		name: 'sinceTimestamp',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.nextTimestamp }}',
		description: 'The cursor returned by the previous run (nextTimestamp, passed on unchanged); empty for a full first import, or for the remembered cursor',
	},
	{
		displayName: 'Remember Cursor',
		name: 'rememberCursor',
		type: 'boolean',
		default: false,
		description:
			'Whether to start, when Since Timestamp is empty, where the previous production run of this workflow ended (per entity and division, in the workflow\'s static data), and to remember the new cursor. The first run imports everything. Manual runs start from the remembered cursor but n8n does not keep what they remember.',
	},
	{
		displayName: 'Advance Cursor',
		name: 'advanceCursor',
		type: 'options',
		displayOptions: { show: { rememberCursor: [true] } },
		options: [
			{
				name: 'When a Confirm Cursor Node Runs',
				value: 'onConfirm',
				description: 'Safe: the next run starts here only after a Sync → Confirm Cursor node placed after the writes has run',
			},
			{
				name: 'Right Away',
				value: 'immediately',
				description:
					'The next run starts here even if a later node fails: n8n keeps static data after failed executions too, so changes that were not written are not read again',
			},
		],
		default: 'onConfirm',
	},
	{
		displayName: 'Include Deletions',
		name: 'includeDeletions',
		type: 'boolean',
		default: true,
		description:
			'Whether to also read records deleted since the cursor (sync/Deleted). It costs one more Exact call a run; switch it off when deletions are not passed on, so a run without changes costs one call per entity. Deletions keep their own cursor: switched on again within two months, the deletions made meanwhile are reported.',
	},
	{
		displayName: 'Add Main Contact Name',
		name: 'mainContactNames',
		type: 'boolean',
		default: false,
		displayOptions: { show: { entity: ['Accounts'] } },
		description:
			'Whether to add the name of each account\'s main contact as MainContactFullName (Exact accounts hold only its ID). The names are read in bulk from the contacts feed: one more call per 1,000 contacts in a run with changes, none in a run without.',
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
	const division = await getDivision.call(this, itemIndex);
	const entity = this.getNodeParameter('entity', itemIndex) as ExactSyncEntity;
	const fieldsText = (this.getNodeParameter('fields', itemIndex, '') as string) || DEFAULT_FIELDS[entity];
	const select = fieldsText
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	const givenTimestamp = String(this.getNodeParameter('sinceTimestamp', itemIndex, '') ?? '').trim();
	const remember = givenTimestamp === '' && this.getNodeParameter('rememberCursor', itemIndex, false) === true;
	const stored = remember ? readCursor(this, division, entity) : {};
	const sinceTimestamp = givenTimestamp || stored.confirmed || '';
	const includeDeletions = this.getNodeParameter('includeDeletions', itemIndex, true) !== false;
	const withContactNames = entity === 'Accounts' && this.getNodeParameter('mainContactNames', itemIndex, false) === true;
	if (withContactNames && !select.includes('MainContact')) select.push('MainContact');
	const changes = await exactSyncChanges.call(this, { division, entity, select, sinceTimestamp: sinceTimestamp || undefined, includeDeletions, itemIndex });
	if (withContactNames) changes.records = await exactAddMainContactNames.call(this, division, changes.records, itemIndex);
	if (remember) {
		const immediately = this.getNodeParameter('advanceCursor', itemIndex, 'onConfirm') === 'immediately';
		writeCursor(this, division, entity, immediately ? { confirmed: changes.nextTimestamp } : { confirmed: stored.confirmed, pending: changes.nextTimestamp });
	}
	if (this.getNodeParameter('output', itemIndex, 'summary') === 'perRecord') {
		return [
			...changes.records.map((record) => ({ json: { ...record, _deleted: false, _nextTimestamp: changes.nextTimestamp, _fullResync: changes.fullResync } })),
			...changes.deleted.map((record) => ({ json: { ...record, _deleted: true, _nextTimestamp: changes.nextTimestamp, _fullResync: changes.fullResync } })),
		];
	}
	return {
		entity,
		sinceTimestamp: sinceTimestamp || null,
		nextTimestamp: changes.nextTimestamp,
		changed: changes.records.length,
		deletedCount: changes.deleted.length,
		fullResync: changes.fullResync,
		...(changes.notice ? { notice: changes.notice } : {}),
		records: changes.records,
		deleted: changes.deleted,
	};
}
