import type { IDataObject } from 'n8n-workflow';

export type OutSmartFilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'li';

/** One advanced filter; several are combined with AND. */
export interface OutSmartFilter {
	key: string;
	operator: OutSmartFilterOperator;
	value: string;
}

export const FILTER_OPERATORS: readonly OutSmartFilterOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'li'];

/**
 * The query parameters of the documented multi-filter form (`key[]=…&value[]=…&operator[]=…`). Arrays are
 * serialised with brackets by the request (see `arrayFormat` in the transport).
 */
export function filtersToQuery(filters: OutSmartFilter[] | undefined): IDataObject {
	if (!filters || filters.length === 0) return {};
	for (const filter of filters) {
		if (!FILTER_OPERATORS.includes(filter.operator)) {
			throw new Error(`Unknown filter operator '${String(filter.operator)}': use one of ${FILTER_OPERATORS.join(', ')}`);
		}
		if (typeof filter.key !== 'string' || filter.key.trim() === '') throw new Error('A filter needs a field name (key)');
	}
	return {
		key: filters.map((filter) => filter.key.trim()),
		value: filters.map((filter) => String(filter.value ?? '')),
		operator: filters.map((filter) => filter.operator),
	};
}
