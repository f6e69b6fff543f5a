import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OutSmartFilter } from './filters';
import { outSmartRequest, type OutSmartContext } from './request';

/** Where a master-data resource lives in the API, and how (if at all) it can be deleted. */
export interface MasterDataEndpoint {
	endpoint: string;
	/** The DeleteEntity `entity`, when the API allows deleting it. */
	deleteEntity?: string;
	/** DeleteEntity keys the API accepts for this entity, the first being the natural key. */
	deleteKeys?: string[];
	/** The field the records are matched on when upserting. */
	upsertKey?: string;
}

export const MASTER_DATA = {
	relation: { endpoint: 'relations', deleteEntity: 'relation', deleteKeys: ['debtor_number', 'name', 'db_row'], upsertKey: 'debtor_number' },
	material: { endpoint: 'materials', deleteEntity: 'material', deleteKeys: ['code', 'description', 'db_row'], upsertKey: 'code' },
	hourType: { endpoint: 'hourtypes', deleteEntity: 'hourtype', deleteKeys: ['code'], upsertKey: 'code' },
	employee: { endpoint: 'employees', deleteEntity: 'employee', deleteKeys: ['number', 'db_row'], upsertKey: 'number' },
	project: { endpoint: 'projects', deleteEntity: 'project', deleteKeys: ['code'], upsertKey: 'code' },
	category: { endpoint: 'categories', deleteEntity: 'category', deleteKeys: ['code'], upsertKey: 'cat_code' },
	paymentMethod: { endpoint: 'paymentmethods', upsertKey: 'pmd_description' },
	// Price agreements per material or hour type, customer and period (CloudEcosystemDev/outsmart-component
	// lib/spec.json `/prices`); DeleteEntity names no entity for them.
	price: { endpoint: 'prices' },
	workStatus: { endpoint: 'workstatusses' },
	workType: { endpoint: 'worktypes' },
	freeField: { endpoint: 'freefields' },
} satisfies Record<string, MasterDataEndpoint>;

export type MasterDataResource = keyof typeof MASTER_DATA;

/** Lists a master-data endpoint, optionally narrowed by advanced filters. */
export async function getMasterData(
	this: OutSmartContext,
	endpoint: string,
	options: { filters?: OutSmartFilter[]; qs?: IDataObject; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const response = await outSmartRequest.call(this, {
		method: 'GET',
		endpoint,
		qs: options.qs,
		filters: options.filters,
		itemIndex: options.itemIndex,
	});
	return Array.isArray(response) ? (response.filter((entry) => typeof entry === 'object' && entry !== null) as IDataObject[]) : [];
}

/** Deletes the records of `entity` whose `key` equals `value`; answers the number deleted. Never deletes all. */
export async function deleteEntity(this: OutSmartContext, entity: string, key: string, value: string, itemIndex?: number): Promise<number> {
	if (String(value ?? '').trim() === '') {
		throw new NodeOperationError(this.getNode(), `Give the ${key} of the ${entity} to delete`, { itemIndex });
	}
	const response = await outSmartRequest.call(this, {
		method: 'GET',
		endpoint: 'DeleteEntity',
		qs: { entity, key, value, delete_all: 'false' },
		itemIndex,
		retryTransient: false,
	});
	return typeof response === 'number' ? response : Number(response ?? 0) || 0;
}

export interface DocumentUpload {
	/** The display name. */
	name: string;
	/** File name with extension (OutSmart checks the extension). */
	fileName: string;
	data: Buffer;
	/** CUSTOMER, PROJECT, OBJECT … */
	linkType: string;
	/** The debtor number, project code, object code … the document belongs to. */
	reference: string;
	/** Whether the document is also added to the work order. */
	workorderNo?: string;
	visibleInApp?: boolean;
}

/** Uploads one document (base64) linked to a customer, project or other record. */
export async function uploadDocument(this: OutSmartContext, document: DocumentUpload, itemIndex?: number): Promise<unknown> {
	const record: IDataObject = {
		doc_name_ln: document.name,
		doc_file_ln: document.fileName,
		doc_data: document.data.toString('base64'),
		drn_type: document.linkType,
		drn_internal_reference: document.reference,
		doc_active_ind: '1',
		doc_visibility: document.visibleInApp === false ? '0' : '1',
	};
	if (document.workorderNo) record.doc_workorder = document.workorderNo;
	return await outSmartRequest.call(this, { method: 'POST', endpoint: 'documents/', body: [record], itemIndex });
}
