/** The only place that talks HTTP to OutSmart. */
export * from './request';
export * from './filters';
export * from './errors';
export * from './values';
export * from './workorders';
export * from './batch';
export * from './master';
export * from './records';
