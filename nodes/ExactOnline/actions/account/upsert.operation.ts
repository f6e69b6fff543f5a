import { eq, odataString, padAccountCode } from '../../transport';
import { makeUpsertOperation } from '../common/writeOperations';
import { ACCOUNT_WRITE } from './fields';

export const { description, execute } = makeUpsertOperation({
	...ACCOUNT_WRITE,
	codeFilter: (code) => eq('Code', odataString(padAccountCode(code))),
	// Exact's code as stored (padded to 18), and the code as given.
	foundCode: (found, code) => ({ Code: found.Code, CodeTrimmed: code }),
});
