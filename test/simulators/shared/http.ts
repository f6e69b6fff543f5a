/** What both simulators' HTTP servers share. */
import type { IncomingMessage } from 'node:http';

/** The request body; rejects with `tooLarge()` (and drops the connection) past `limitBytes`. */
export function readBody(request: IncomingMessage, limitBytes: number, tooLarge: () => Error): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limitBytes) {
				reject(tooLarge());
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}
