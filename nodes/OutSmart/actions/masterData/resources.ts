import { MASTER_DATA, type MasterDataResource } from '../../transport';

export interface MasterResourceInfo {
	resource: MasterDataResource;
	/** Singular and plural, lower case, for option descriptions and actions. */
	singular: string;
	plural: string;
	writable: boolean;
}

export const MASTER_RESOURCES: MasterResourceInfo[] = [
	{ resource: 'category', singular: 'category', plural: 'categories', writable: true },
	{ resource: 'employee', singular: 'employee', plural: 'employees', writable: true },
	{ resource: 'freeField', singular: 'free field definition', plural: 'free field definitions', writable: false },
	{ resource: 'hourType', singular: 'hour type', plural: 'hour types', writable: true },
	{ resource: 'material', singular: 'material', plural: 'materials', writable: true },
	{ resource: 'paymentMethod', singular: 'payment method', plural: 'payment methods', writable: true },
	{ resource: 'price', singular: 'price agreement', plural: 'price agreements', writable: true },
	{ resource: 'project', singular: 'project', plural: 'projects', writable: true },
	{ resource: 'relation', singular: 'relation', plural: 'relations', writable: true },
	{ resource: 'workStatus', singular: 'work status', plural: 'work statuses', writable: false },
	{ resource: 'workType', singular: 'work type', plural: 'work types', writable: false },
];

export const ALL_MASTER = MASTER_RESOURCES.map((info) => info.resource);
export const WRITABLE_MASTER = MASTER_RESOURCES.filter((info) => info.writable).map((info) => info.resource);
export const DELETABLE_MASTER = MASTER_RESOURCES.filter((info) => 'deleteEntity' in MASTER_DATA[info.resource]).map((info) => info.resource);
