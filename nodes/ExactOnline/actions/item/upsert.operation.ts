import { eq, odataString } from '../../transport';
import { makeUpsertOperation } from '../common/writeOperations';
import { ITEM_WRITE } from './fields';

export const { description, execute } = makeUpsertOperation({ ...ITEM_WRITE, codeFilter: (code) => eq('Code', odataString(code)) });
