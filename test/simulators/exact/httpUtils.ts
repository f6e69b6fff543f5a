/** Small helpers for answering requests the way Exact does. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody as readRequestBody } from '../shared/http';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

/** Exact's REST error body: code and lang empty, the text in error.message.value. */
export function restErrorBody(message: string): string {
	return JSON.stringify({ error: { code: '', message: { lang: '', value: message } } });
}

export function readBody(request: IncomingMessage, limitBytes = 11 * 1024 * 1024): Promise<Buffer> {
	return readRequestBody(request, limitBytes, () => new ApiError(413, 'Request Entity Too Large'));
}

export function send(response: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
	if (response.headersSent || response.destroyed) return;
	const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	response.writeHead(status, { 'Content-Length': String(payload.length), ...headers });
	response.end(payload);
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
	send(response, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export function parseForm(body: Buffer): Record<string, string> {
	const params = new URLSearchParams(body.toString('utf8'));
	const result: Record<string, string> = {};
	for (const [name, value] of params) result[name] = value;
	return result;
}

/** Formats a simulated instant the way Exact's OAuth error texts do: 10/11/2022 9:18:20 PM (UTC). */
export function formatUsDateTime(epochMs: number): string {
	const date = new Date(epochMs);
	const hours = date.getUTCHours();
	const hour12 = hours % 12 === 0 ? 12 : hours % 12;
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}
