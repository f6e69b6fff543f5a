import { makeUpdateOperation } from '../common/writeOperations';
import { ACCOUNT_WRITE } from './fields';

export const { description, execute } = makeUpdateOperation(ACCOUNT_WRITE);
