/** The `{code, messages, response}` envelope and the result codes of the OutSmart OpenAPI. */

export const ResultCode = {
	ok: 200,
	noEndpoint: 1000,
	unknownEndpoint: 1001,
	tokenMissing: 1002,
	softwareTokenMissing: 1003,
	tokenUnauthorized: 1004,
	softwareTokenUnauthorized: 1005,
	generalError: 1007,
	noBody: 1008,
	invalidBody: 1009,
	genericRequiredField: 1051,
	workorderNotFound: 1500,
	workorderRequiredField: 1501,
	updateWorkorderNoData: 1502,
	updateWorkorderNoChange: 1503,
	updateWorkorderParse: 1504,
	deleteFailed: 1600,
} as const;

export interface Envelope {
	code: number;
	messages: string[];
	response: unknown;
}

export function ok(response: unknown): Envelope {
	return { code: ResultCode.ok, messages: [], response };
}

export function fail(code: number, messages: string[]): Envelope {
	return { code, messages, response: null };
}

/** Thrown by handlers to answer with an error envelope. */
export class EnvelopeError extends Error {
	constructor(
		readonly code: number,
		readonly messages: string[],
	) {
		super(`${code}: ${messages.join('; ')}`);
	}
}
