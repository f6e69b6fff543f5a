import { makeUpdateOperation } from '../common/writeOperations';
import { ITEM_WRITE } from './fields';

export const { description, execute } = makeUpdateOperation(ITEM_WRITE);
