import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactAddItemPrices, exactGetAll, exactGetByValues, exactRequest, getDivision, gt, ITEM_PRICE_FIELD, odataInt64 } from '../../transport';
import { forOperations } from './displayOptions';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { idField, keepMetadata, limitOf, listOptions, selectedFields } from './descriptions';
import type { ExactOperation } from './types';

export interface ReadSpec {
	/** The node's resource value. */
	resource: string;
	/** Exact path after the division, e.g. 'financial/GLAccounts'. */
	path: string;
	keyType: 'guid' | 'int';
	label: string;
	fields: string[];
	orderBy?: string;
	/**
	 * Exact's sync feed for this entity (1000 rows a page, no mandatory filter): used for an unfiltered
	 * Get Many, where the normal endpoint would refuse a request without $filter.
	 */
	syncPath?: string;
}

/** Get one record by its key. */
export function makeGetOperation(spec: ReadSpec): ExactOperation {
	const description: INodeProperties[] = forOperations(spec.resource, ['get'], [
		idField(`${spec.label} ID`, `The ID of the ${spec.label.toLowerCase()} to retrieve`),
		listOptions(spec.fields),
	]);
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const division = await getDivision.call(this, itemIndex);
			const id = String(this.getNodeParameter('id', itemIndex, '')).trim();
			let resource: string;
			try {
				resource = entityPath(spec.path, id, spec.keyType);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
			}
			const record = await exactRequest.call(this, {
				method: 'GET',
				division,
				resource,
				qs: { $select: selectedFields.call(this, itemIndex, spec.fields).join(',') },
				itemIndex,
				keepMetadata: keepMetadata.call(this, itemIndex),
			});
			return Array.isArray(record) ? record[0] : record;
		},
	};
}

/** The Filters collection of a Get Many, and the $filter its values give (built from typed literals only). */
export interface ListFilters {
	/** The filters offered, in the order shown. */
	options: INodeProperties[];
	/** The $filter for the values chosen (all of them given; an empty collection is `{}`). */
	filterOf: (filters: IDataObject) => string | undefined;
	/**
	 * A filter that names many values of one field (e.g. YourRefs): the transport asks them VALUES_PER_FILTER
	 * to a call (exactGetByValues), each call with the other filters too, up to the limit in all.
	 */
	manyValues?: { field: string; valuesOf: (filters: IDataObject) => string[] };
}

/** Get many records (operation `getAll`), optionally filtered through a Filters collection. */
export function makeGetAllOperation(spec: ReadSpec, filters?: ListFilters): ExactOperation {
	const filtersProperty: INodeProperties[] = filters
		? [{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters.options }]
		: [];
	const description: INodeProperties[] = forOperations(spec.resource, ['getAll'], [...returnAllAndLimit, ...filtersProperty, listOptions(spec.fields)]);
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const division = await getDivision.call(this, itemIndex);
			const chosen = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const filter = filters?.filterOf(chosen);
			const select = selectedFields.call(this, itemIndex, spec.fields);
			const many = filters?.manyValues;
			const values = many?.valuesOf(chosen) ?? [];
			if (many && values.length > 0) {
				return await exactGetByValues.call(this, {
					division,
					resource: spec.path,
					select,
					field: many.field,
					values,
					filter,
					limit: limitOf.call(this, itemIndex),
					itemIndex,
					keepMetadata: keepMetadata.call(this, itemIndex),
				});
			}
			if (!filter && spec.syncPath) {
				// The items feed has no price (Pi-Systems/exact-online src/Entity/Sync/Logistics/Items.php, picqer
				// SyncItem.php): it is read from the SalesItemPrices feed instead.
				const withPrice = spec.syncPath === 'sync/Logistics/Items' && select.includes(ITEM_PRICE_FIELD);
				const rows = await exactGetAll.call(this, {
					division,
					resource: spec.syncPath,
					select: [...new Set([...select, 'ID', 'Timestamp'])].filter((field) => !withPrice || field !== ITEM_PRICE_FIELD),
					filter: gt('Timestamp', odataInt64(1)),
					limit: limitOf.call(this, itemIndex),
					itemIndex,
					keepMetadata: keepMetadata.call(this, itemIndex),
				});
				// A sync feed may repeat a record; later rows are newer.
				const byId = new Map<string, IDataObject>();
				for (const row of rows) byId.set(String(row.ID), row);
				return withPrice ? await exactAddItemPrices.call(this, division, [...byId.values()], itemIndex) : [...byId.values()];
			}
			return await exactGetAll.call(this, {
				division,
				resource: spec.path,
				select,
				filter,
				orderBy: spec.orderBy,
				limit: limitOf.call(this, itemIndex),
				itemIndex,
				keepMetadata: keepMetadata.call(this, itemIndex),
			});
		},
	};
}
