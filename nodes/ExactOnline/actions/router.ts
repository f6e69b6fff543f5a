import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route, type Resource } from '../../shared/router';
import * as access from './access/Access.resource';
import * as account from './account/Account.resource';
import * as contact from './contact/Contact.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import * as division from './division/Division.resource';
import * as document from './document/Document.resource';
import * as employee from './employee/Employee.resource';
import * as glAccount from './glAccount/GlAccount.resource';
import * as item from './item/Item.resource';
import * as itemGroup from './itemGroup/ItemGroup.resource';
import * as journal from './journal/Journal.resource';
import * as paymentCondition from './paymentCondition/PaymentCondition.resource';
import * as receivable from './receivable/Receivable.resource';
import * as salesInvoice from './salesInvoice/SalesInvoice.resource';
import * as sync from './sync/Sync.resource';
import * as timeTransaction from './timeTransaction/TimeTransaction.resource';
import * as vatCode from './vatCode/VatCode.resource';

export const resources: Record<string, Resource> = {
	access,
	account,
	contact,
	customApiCall,
	division,
	document,
	employee,
	glAccount,
	item,
	itemGroup,
	journal,
	paymentCondition,
	receivable,
	salesInvoice,
	sync,
	timeTransaction,
	vatCode,
};

/** Dispatches the input to its resource's operation (nodes/shared/router.ts). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, resources);
}
