/** The scanner the security cases rely on finds a secret wherever it hides. */
import { LoggerProxy, NodeOperationError } from 'n8n-workflow';
import { captureLogs, findSecrets } from './secretScan';

const secret = 'sim-secret/with+chars=1234';
const node = { name: 'N', type: 't', typeVersion: 1, position: [0, 0], parameters: {} } as never;

describe('secret scan', () => {
	it('finds a secret in nested output, error descriptions, causes, buffers and URL-encoded text', () => {
		expect(findSecrets({ a: [{ b: `x${secret}y` }] }, [secret])).toEqual(['a.0.b']);
		const error = new NodeOperationError(node, 'plain', { description: `token=${encodeURIComponent(secret)}` });
		expect(findSecrets({ error }, [secret])).toEqual(['error.description']);
		expect(findSecrets(new Error('x', { cause: { body: secret } }), [secret])).toEqual(['.cause.body']);
		expect(findSecrets({ data: Buffer.from(secret) }, [secret])).toEqual(['data']);
		expect(findSecrets({ clean: 'nothing here' }, [secret])).toEqual([]);
	});

	it('copes with cycles', () => {
		const looped: Record<string, unknown> = { text: secret };
		looped.self = looped;
		expect(findSecrets(looped, [secret])).toEqual(['text']);
	});

	it('captures what n8n logs and the console print', () => {
		const logs = captureLogs();
		try {
			LoggerProxy.warn(`refresh failed for ${secret}`);
			console.error('body', { refresh_token: secret });
		} finally {
			logs.stop();
		}
		expect(logs.lines).toHaveLength(2);
		expect(findSecrets(logs.lines, [secret])).toEqual(['0', '1']);
	});
});
