import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of a simulator that charges each request a fixed network latency on the
 * benchmark's simulated clock. The simulators answer instantly and their clocks stand still, so without this a
 * run's simulated time would only hold rate-limit waits. The simulators write their own origin into links
 * (`__next`, `PdfUrl`, `__metadata.uri`); the proxy rewrites it to its own so clients keep talking through it.
 */
export interface LatencyProxy {
	/** The proxy's origin, e.g. http://127.0.0.1:40123 */
	origin: string;
	requests(): number;
	close(): Promise<void>;
}

export async function startLatencyProxy(options: {
	upstreamOrigin: string;
	latencyMs: number;
	advanceClock: (ms: number) => void;
}): Promise<LatencyProxy> {
	const upstream = new URL(options.upstreamOrigin);
	let requestCount = 0;
	let ownOrigin = '';
	const server = http.createServer((request, response) => {
		requestCount++;
		if (options.latencyMs > 0) options.advanceClock(options.latencyMs);
		const body: Buffer[] = [];
		request.on('data', (chunk: Buffer) => body.push(chunk));
		request.on('end', () => {
			const headers = { ...request.headers, host: upstream.host };
			delete headers['content-length'];
			const payload = Buffer.concat(body);
			if (payload.length > 0) headers['content-length'] = String(payload.length);
			const forwarded = http.request(
				{ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers },
				(answer) => {
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('end', () => {
						let content = Buffer.concat(parts);
						const type = String(answer.headers['content-type'] ?? '');
						if (/json|xml|text/.test(type)) {
							content = Buffer.from(content.toString('utf8').split(upstream.origin).join(ownOrigin), 'utf8');
						}
						const outHeaders = { ...answer.headers, 'content-length': String(content.length) };
						delete outHeaders['transfer-encoding'];
						response.writeHead(answer.statusCode ?? 502, outHeaders);
						response.end(content);
					});
					answer.on('error', () => response.destroy());
				},
			);
			forwarded.on('error', () => response.destroy());
			forwarded.end(payload);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	ownOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin: ownOrigin,
		requests: () => requestCount,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
