import { makeGetOperation } from '../common/readOperations';
import { ITEM_DEFAULT_FIELDS, ITEM_PATH } from './fields';

export const { description, execute } = makeGetOperation({ resource: 'item', path: ITEM_PATH, keyType: 'guid', label: 'Item', fields: ITEM_DEFAULT_FIELDS });
