import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { entityPath, exactCreate, exactGetAll, exactUpdate, getDivision, withExactLane } from '../../transport';
import { guidParameter, idField } from './descriptions';
import { forOperations } from './displayOptions';
import type { WritableField } from './fieldMap';
import { fieldsCollection, toExactBody } from './fieldMap';
import type { ExactOperation } from './types';

/**
 * Values Exact keeps beside the record rather than on it (an item's sales price lives in SalesItemPrices): taken
 * out of the body before the record is written, and written themselves once the record's ID is known.
 */
export interface BesideRecord {
	split(this: IExecuteFunctions, body: IDataObject, itemIndex: number): { body: IDataObject; beside: IDataObject };
	write(this: IExecuteFunctions, division: number, id: string, beside: IDataObject, itemIndex: number): Promise<void>;
}

const NOTHING_BESIDE: BesideRecord = {
	split: (body) => ({ body, beside: {} }),
	write: async () => {},
};

export interface WriteSpec {
	/** The node's resource value. */
	resource: string;
	/** Exact path after the division, e.g. 'crm/Accounts'. */
	path: string;
	label: string;
	/** The writable fields offered under Additional Fields / Update Fields. */
	fields: WritableField[];
	/** The field people name the record by (an account's Name, an item's Description): required on upsert. */
	nameField?: WritableField;
	beside?: BesideRecord;
}

const isEmpty = (values: IDataObject) => Object.keys(values).length === 0;

/** Update one record by its ID with the fields given (Exact merges a PUT). */
export function makeUpdateOperation(spec: WriteSpec): ExactOperation {
	const fields = spec.nameField ? [...spec.fields, spec.nameField] : spec.fields;
	const beside = spec.beside ?? NOTHING_BESIDE;
	const idLabel = `${spec.label} ID`;
	return {
		description: forOperations(spec.resource, ['update'], [
			idField(idLabel, `The ID of the ${spec.label.toLowerCase()} to update`),
			fieldsCollection('Update Fields', 'updateFields', fields),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const division = await getDivision.call(this, itemIndex);
			const id = guidParameter.call(this, 'id', itemIndex, idLabel);
			const split = beside.split.call(this, toExactBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, fields), itemIndex);
			if (isEmpty(split.body) && isEmpty(split.beside)) {
				throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field', { itemIndex });
			}
			if (!isEmpty(split.body)) await exactUpdate.call(this, division, entityPath(spec.path, id), split.body, itemIndex);
			if (!isEmpty(split.beside)) await beside.write.call(this, division, id, split.beside, itemIndex);
			return { ID: id, updated: true, ...split.body, ...split.beside };
		},
	};
}

export interface UpsertSpec extends WriteSpec {
	nameField: WritableField;
	/** The filter that finds the record with this code (Exact stores account codes padded). */
	codeFilter(code: string): string;
	/** What the result of an update says about the code (default: the code as given). */
	foundCode?(found: IDataObject, code: string): IDataObject;
}

/** Create or update by code: the look-up and the write are one section of the division's lane. */
export function makeUpsertOperation(spec: UpsertSpec): ExactOperation {
	const fields = spec.fields.filter((field) => field.exact !== 'Code');
	const beside = spec.beside ?? NOTHING_BESIDE;
	const what = spec.label.toLowerCase();
	const foundCode = spec.foundCode ?? ((_found: IDataObject, code: string) => ({ Code: code }));
	const name = spec.nameField;
	return {
		description: forOperations(spec.resource, ['upsert'], [
			{ displayName: 'Code', name: 'code', type: 'string', required: true, default: '', description: `${spec.label} code to match on; created with this code when no ${what} has it` },
			{ displayName: name.property.displayName, name: name.name, type: 'string', required: true, default: '' },
			fieldsCollection('Additional Fields', 'additionalFields', fields),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const division = await getDivision.call(this, itemIndex);
			const code = String(this.getNodeParameter('code', itemIndex)).trim();
			const { body, beside: besideValues } = beside.split.call(
				this,
				{
					...toExactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, fields),
					[name.exact]: this.getNodeParameter(name.name, itemIndex) as string,
				},
				itemIndex,
			);
			// Look-up and write as one section, so two items with the same code cannot both create.
			return await withExactLane(this, division, async () => {
				const [existing] = await exactGetAll.call(this, {
					division,
					resource: spec.path,
					select: ['ID', 'Code'],
					filter: spec.codeFilter(code),
					limit: 1,
					itemIndex,
				});
				if (existing?.ID) {
					await exactUpdate.call(this, division, entityPath(spec.path, String(existing.ID)), body, itemIndex);
					if (!isEmpty(besideValues)) await beside.write.call(this, division, String(existing.ID), besideValues, itemIndex);
					return { ID: existing.ID, ...foundCode(existing, code), ...body, ...besideValues, action: 'updated' };
				}
				const created = await exactCreate.call(this, division, spec.path, { ...body, Code: code }, itemIndex);
				if (!isEmpty(besideValues) && typeof created.ID === 'string') await beside.write.call(this, division, created.ID, besideValues, itemIndex);
				return { ...created, ...besideValues, action: 'created' };
			});
		},
	};
}
