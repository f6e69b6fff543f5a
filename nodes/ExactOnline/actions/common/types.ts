/** The operation contract is the one every node shares (nodes/shared/router.ts). */
export type { ItemOperation as ExactOperation, ItemOutcome, OperationMap } from '../../../shared/router';
