import { loadPeerNode } from './support/peerNode';
import { runFullImport } from './scenarios/fullImport';

test('probe', async () => {
	loadPeerNode();
	for (const approach of ['ours', 'peer', 'http'] as const) {
		const result = await runFullImport(approach, 1000);
		console.log(JSON.stringify(result));
	}
});
