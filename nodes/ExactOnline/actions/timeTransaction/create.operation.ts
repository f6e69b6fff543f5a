import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { exactCreate, getDivision, isGuid } from '../../transport';
import { compact, guidParameter } from '../common/descriptions';
import { forOperations } from '../common/displayOptions';
import { itemLocator } from '../common/locators';

export const description: INodeProperties[] = forOperations('timeTransaction', ['create'], [
	itemLocator('item', 'Hour Type', 'The labour item (hour type) the hours are booked on'),
	{ displayName: 'Hours', name: 'quantity', type: 'number', required: true, default: 1, typeOptions: { numberPrecision: 2, minValue: 0 } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Account ID', name: 'account', type: 'string', default: '', description: 'Customer (GUID)' },
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			{ displayName: 'Employee ID', name: 'employee', type: 'string', default: '', description: 'Employee (GUID); Exact uses the connected user\'s employee when empty' },
			{
				displayName: 'Hour Status',
				name: 'hourStatus',
				type: 'options',
				options: [
					{ name: 'Draft', value: 1 },
					{ name: 'Submitted', value: 10 },
				],
				default: 1,
			},
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
			{ displayName: 'Project ID', name: 'project', type: 'string', default: '', description: 'Project (GUID)' },
			{ displayName: 'Subscription ID', name: 'subscription', type: 'string', default: '', description: 'Subscription (GUID)' },
		],
	},
]);

const NAMES: Record<string, string> = {
	account: 'Account',
	date: 'Date',
	employee: 'Employee',
	hourStatus: 'HourStatus',
	notes: 'Notes',
	project: 'Project',
	subscription: 'Subscription',
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const division = await getDivision.call(this, itemIndex);
	const body: IDataObject = {
		Item: guidParameter.call(this, 'item', itemIndex, 'Hour Type'),
		Quantity: this.getNodeParameter('quantity', itemIndex) as number,
	};
	for (const [key, value] of Object.entries(compact(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject))) {
		if (['account', 'employee', 'project', 'subscription'].includes(key) && !isGuid(String(value))) {
			throw new NodeOperationError(this.getNode(), `${NAMES[key]} "${String(value)}" is not a valid Exact Online ID (a GUID)`, { itemIndex });
		}
		body[NAMES[key] ?? key] = value;
	}
	// "For creating a time transaction, it is mandatory to supply one of the following properties: Account, Project,
	// Subscription" (Pi-Systems/exact-online src/Entity/Project/TimeTransactions.php docblock).
	if (!body.Account && !body.Project && !body.Subscription) {
		throw new NodeOperationError(this.getNode(), 'A time transaction needs an Account, a Project or a Subscription', {
			itemIndex,
			description: 'Add Account ID, Project ID or Subscription ID under Additional Fields.',
		});
	}
	return await exactCreate.call(this, division, 'project/TimeTransactions', body, itemIndex);
}
