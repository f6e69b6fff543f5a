import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(root, 'package.json')) as {
	name: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	files: string[];
	keywords: string[];
	license: string;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
};

function sourcesEndingWith(dir: string, suffix: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(path.join(root, dir))) {
		const relative = path.join(dir, entry);
		if (statSync(path.join(root, relative)).isDirectory()) found.push(...sourcesEndingWith(relative, suffix));
		else if (entry.endsWith(suffix)) found.push(relative);
	}
	return found;
}

const toDist = (source: string) => `dist/${source.replace(/\.ts$/, '.js')}`;

describe('the published package', () => {
	it('is a community package n8n can install (no runtime dependencies, n8n-workflow as peer)', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist', '!dist/**/*.map', '!dist/**/*.d.ts', 'workflows']);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('registers exactly the nodes and credentials that exist in the source', () => {
		expect([...pkg.n8n.nodes].sort()).toEqual(sourcesEndingWith('nodes', '.node.ts').map(toDist).sort());
		expect([...pkg.n8n.credentials].sort()).toEqual(
			sourcesEndingWith('credentials', '.credentials.ts').map(toDist).sort(),
		);
	});

	it('has every registered file and its icon in dist/ after the build', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(existsSync(path.join(root, file))).toBe(true);
		}
		const icons = [...sourcesEndingWith('nodes', '.svg'), ...sourcesEndingWith('credentials', '.svg')];
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) expect(existsSync(path.join(root, 'dist', icon))).toBe(true);
	});
});
