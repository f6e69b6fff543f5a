/** GET DeleteEntity: entity, key, value and the required delete_all. Every failure is code 1600. */
import type { ApiContext } from './context';
import { EnvelopeError, ResultCode } from './envelope';
import type { OutSmartStore } from './store';
import type { MasterRecord, Workorder } from './types';

interface DeletableEntity {
	/** Allowed `key` values mapped to the stored field ('db_row' is the row id). */
	keys: Record<string, string>;
	deleteWhere(store: OutSmartStore, field: string, value: string | undefined): number;
}

function masterEntity(collection: string, keys: Record<string, string>): DeletableEntity {
	return {
		keys,
		deleteWhere: (store, field, value) =>
			store.master(collection).delete((record: MasterRecord, rowId: number) => value === undefined || (field === 'db_row' ? String(rowId) === value : record[field] === value)),
	};
}

const workorderFields: Record<string, keyof Workorder> = { db_row: 'id', workorder_no: 'WorkorderNo', order_no: 'OrderNr' };

const ENTITIES: Record<string, DeletableEntity> = {
	workorder: {
		keys: workorderFields,
		deleteWhere: (store, field, value) => store.deleteWorkorders((workorder) => workorder[field as keyof Workorder] === value),
	},
	employee: masterEntity('employees', { db_row: 'db_row', number: 'number' }),
	material: masterEntity('materials', { db_row: 'db_row', code: 'code', description: 'description' }),
	relation: masterEntity('relations', { db_row: 'db_row', name: 'name', debtor_number: 'debtor_number' }),
	project: masterEntity('projects', { code: 'code' }),
	hourtype: masterEntity('hourtypes', { code: 'code' }),
	category: masterEntity('categories', { code: 'cat_code' }),
	address: masterEntity('addresses', { code: 'adr_code' }),
	contactperson: masterEntity('contactpersons', { code: 'cpn_code' }),
	material_category: masterEntity('material_categories', { mct_mat_code: 'mct_mat_code', mct_cat_code: 'mct_cat_code' }),
};

export function deleteEntity(context: ApiContext): unknown {
	const params = context.params;
	const entityName = params.get('entity') ?? '';
	const deleteAllParam = params.get('delete_all');
	if (deleteAllParam === null || !['true', 'false'].includes(deleteAllParam)) {
		throw new EnvelopeError(ResultCode.deleteFailed, ['Required field missing: delete_all (true or false)']);
	}
	const entity = ENTITIES[entityName];
	if (!entity) throw new EnvelopeError(ResultCode.deleteFailed, [`Entity: ${entityName} not found`]);
	if (deleteAllParam === 'true') {
		if (entityName === 'workorder') throw new EnvelopeError(ResultCode.deleteFailed, ['Delete all not allowed on Workorder entity']);
		return entity.deleteWhere(context.store, '', undefined);
	}
	const key = params.get('key') ?? '';
	const field = entity.keys[key];
	if (!field) throw new EnvelopeError(ResultCode.deleteFailed, [`Key: ${key} not allowed for entity: ${entityName}`]);
	const value = params.get('value');
	if (value === null || value === '') throw new EnvelopeError(ResultCode.deleteFailed, ['Required field missing: value']);
	return entity.deleteWhere(context.store, field, value);
}
