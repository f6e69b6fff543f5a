import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runPerItem } from '../../shared/runPerItem';
import * as access from './access/Access.resource';
import * as account from './account/Account.resource';
import type { ItemOutcome, OperationMap } from './common/types';
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

export const resources: Record<string, { operations: OperationMap; description: import('n8n-workflow').INodeProperties[] }> = {
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

/** Dispatches every input item to its resource's operation through the shared per-item runner. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const batchOutcomes = await runBatchOperation.call(this);
	const output = await runPerItem(this, async (itemIndex) => {
		if (batchOutcomes) {
			const outcome = batchOutcomes[itemIndex];
			if ('error' in outcome) throw outcome.error;
			return outcome.result;
		}
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const handler = resources[resource]?.operations[operation];
		if (!handler) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, { itemIndex });
		}
		return await handler.execute.call(this, itemIndex);
	});
	return [output];
}

/** Resource and operation cannot come from expressions, so the first item tells whether the operation batches. */
async function runBatchOperation(this: IExecuteFunctions): Promise<ItemOutcome[] | undefined> {
	const itemCount = this.getInputData().length;
	if (itemCount === 0) return undefined;
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const executeBatch = resources[resource]?.operations[operation]?.executeBatch;
	if (!executeBatch) return undefined;
	return await executeBatch.call(
		this,
		Array.from({ length: itemCount }, (_, index) => index),
	);
}
