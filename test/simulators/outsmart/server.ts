/** The node:http request listener: API under /openapi/8, work-order PDFs, and the control API, with faults applied. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody as readRequestBody } from '../shared/http';
import { API_PREFIX, endpointOf, handleApiRequest, type Credentials } from './api';
import type { CallLog } from './calls';
import type { SimulatedClock } from '../shared/clock';
import type { ControlResult } from './control';
import type { Envelope } from './envelope';
import type { FaultBook } from '../shared/faults';
import { buildWorkorderPdf } from './pdf';
import type { OutSmartStore } from './store';
import type { CallRecord, FaultRule, Workorder } from './types';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface ServerDependencies {
	store: OutSmartStore;
	faults: FaultBook;
	calls: CallLog;
	clock: SimulatedClock;
	credentials: Credentials;
	origin(): string;
	control(method: string, subPath: string, params: URLSearchParams, rawBody: string): ControlResult;
}

async function readBody(request: IncomingMessage): Promise<string> {
	return (await readRequestBody(request, MAX_BODY_BYTES, () => new Error('Body too large'))).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
	response.end(text);
}

function sendText(response: ServerResponse, status: number, contentType: string, text: string, headers: Record<string, string> = {}): void {
	response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
	response.end(text);
}

function pdfLines(workorder: Workorder): string[] {
	const fields = workorder.fields;
	return [
		`Werkbonnummer: ${workorder.WorkorderNo}   Ordernummer: ${workorder.OrderNr}`,
		`Klant: ${fields.CustomerName} (${fields.CustomerDebtorNr})`,
		`Adres: ${fields.CustomerStreet} ${fields.CustomerStreetNo}, ${fields.CustomerZIP} ${fields.CustomerCity}`,
		`Werkdatum: ${fields.WorkDate} ${fields.WorkTime}   Status: ${workorder.status}`,
		`Omschrijving: ${fields.WorkDescription}`,
		'Materialen:',
		...workorder.Materials.map((material) => `  ${material.MaterialNr} x ${material.MaterialCode} ${material.MaterialName} a ${material.MaterialPrice} = ${material.MaterialTotalPrice}`),
		'Uren:',
		...workorder.Workperiods.map((period) => `  ${period.WorkDate} ${period.BeginTime}-${period.EndTime} ${period.HourType} (${period.TotalTime})`),
	];
}

/** Answers a fault instead of the request, or returns false when the fault lets the request through. */
function answerFault(fault: FaultRule, response: ServerResponse, hanging: Set<ServerResponse>): boolean {
	switch (fault.fault) {
		case 'status':
			sendText(response, fault.status ?? 500, fault.headers?.['Content-Type'] ?? 'text/plain; charset=utf-8', fault.body ?? `Simulated HTTP ${fault.status ?? 500}`, fault.headers);
			return true;
		case 'timeout':
			// Never answer: the socket stays open until the client gives up or the simulator closes.
			hanging.add(response);
			response.on('close', () => hanging.delete(response));
			return true;
		case 'malformedJson':
			sendText(response, 200, 'application/json; charset=utf-8', '{"code":200,"messages":[],"response":[{"id":"1","WorkorderNo":');
			return true;
		case 'html401':
			sendText(response, 401, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1></body></html>');
			return true;
		case 'envelope': {
			const envelope: Envelope = { code: fault.code ?? 1007, messages: fault.messages ?? ['General uncaught error'], response: null };
			sendJson(response, 200, envelope);
			return true;
		}
		default:
			return false;
	}
}

export function createRequestListener(deps: ServerDependencies, hanging: Set<ServerResponse>) {
	return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const method = (request.method ?? 'GET').toUpperCase();
		let rawBody: string;
		try {
			rawBody = await readBody(request);
		} catch {
			if (!response.headersSent) sendText(response, 413, 'text/plain', 'Body too large');
			return;
		}
		if (url.pathname.startsWith('/_control/')) {
			const result = deps.control(method, url.pathname.slice('/_control/'.length), url.searchParams, rawBody);
			sendJson(response, result.status, result.body);
			return;
		}
		const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
		const call: CallRecord = deps.calls.add({
			method,
			path: url.pathname,
			query: url.search.replace(/^\?/, ''),
			endpoint: isApi ? endpointOf(url.pathname) : url.pathname,
			time: deps.clock.now(),
		});
		if (url.pathname === '/mailpdf.php' && method === 'GET') {
			const workorder = deps.store.workorders.find((candidate) => candidate.WorksheetCode === url.searchParams.get('sheet_id'));
			if (!workorder || url.searchParams.get('action') !== 'display') {
				sendText(response, 404, 'text/html; charset=utf-8', '<html><body>Werkbon niet gevonden</body></html>');
				return;
			}
			const pdf = buildWorkorderPdf(`Werkbon ${workorder.WorkorderNo}`, pdfLines(workorder));
			response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': pdf.length, 'Content-Disposition': `inline; filename="werkbon-${workorder.WorkorderNo}.pdf"` });
			response.end(pdf);
			return;
		}
		if (!isApi) {
			sendText(response, 404, 'text/html; charset=utf-8', '<html><body>Not Found</body></html>');
			return;
		}
		const fault = deps.faults.take(method, url.pathname);
		if (fault) {
			call.fault = fault.fault;
			if (answerFault(fault, response, hanging)) return;
		}
		const envelope = handleApiRequest(
			{ method, pathname: url.pathname, params: url.searchParams, headers: request.headers },
			{ rawBody, store: deps.store, origin: deps.origin(), rejectRecordIndexes: fault?.fault === 'rejectRecords' ? fault.recordIndexes ?? [0] : undefined },
			deps.credentials,
		);
		call.code = envelope.code;
		if (fault?.fault === 'dropAfterWrite') {
			// The effects are stored; the client never learns the outcome.
			request.socket.destroy();
			return;
		}
		sendJson(response, 200, envelope);
	};
}
