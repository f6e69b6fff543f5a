import path from 'node:path';

// What a user sees of every node and credential (the built descriptions), kept as a snapshot so a
// refactoring that changes a field, a default or an option order shows up as a failing diff.
// A deliberate change: `npx jest test/package/descriptions.test.ts -u`, and review the snapshot diff.
const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(root, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };

function describeBuilt(file: string): unknown {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(root, file)) as Record<string, new () => { description?: unknown; name?: string; properties?: unknown }>;
	return Object.values(exported).map((Class) => {
		const instance = new Class();
		// Credentials carry their fields on the instance; nodes in `description`. Functions are dropped.
		return JSON.parse(JSON.stringify(instance.description ?? instance));
	});
}

describe('the node and credential descriptions users see', () => {
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		it(`${path.basename(file)} is unchanged`, () => {
			expect(describeBuilt(file)).toMatchSnapshot();
		});
	}
});
