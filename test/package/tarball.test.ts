/**
 * The packed tarball holds exactly what n8n loads: the compiled nodes and credentials with their codex
 * files and icons, the template workflows, README, LICENSE and package.json. Anything else (sources,
 * source maps, type declarations, tests, simulators, the sandbox, scripts) fails the test.
 * Needs `npm run build` first, like every test under test/package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(root, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };

const allowed: Array<[string, RegExp]> = [
	['package.json, README, LICENSE', /^(package\.json|README\.md|LICENSE)$/],
	['compiled code', /^dist\/(nodes|credentials)\/.+\.js$/],
	['codex files', /^dist\/nodes\/.+\.node\.json$/],
	['icons', /^dist\/(nodes|credentials)\/.+\.svg$/],
	['the compiled copy of package.json', /^dist\/package\.json$/],
	['template workflows', /^workflows\/[a-z0-9-]+\.json$/],
];

function packedFiles(): string[] {
	if (!existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [report] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
	return report.files.map((file) => file.path).sort();
}

describe('the packed tarball', () => {
	let files: string[];
	beforeAll(() => {
		files = packedFiles();
	}, 60000);

	it('holds nothing but what n8n needs', () => {
		const unexpected = files.filter((file) => !allowed.some(([, pattern]) => pattern.test(file)));
		expect(unexpected).toEqual([]);
	});

	it('holds no source, source map, declaration, test, simulator, script or sandbox file', () => {
		const forbidden = /(\.ts$|\.map$|^test\/|simulators|^scripts\/|^\.sandbox|^bench\/|^\.github|^\.ci|^docs\/)/;
		expect(files.filter((file) => forbidden.test(file))).toEqual([]);
	});

	it('holds every registered node and credential with its icon, every template, README and LICENSE', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
		for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
		const icons = files.filter((file) => file.endsWith('.svg'));
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			const dir = path.posix.dirname(file);
			expect(icons.some((icon) => path.posix.dirname(icon) === dir)).toBe(true);
		}
		const templates = readdirSync(path.join(root, 'workflows')).filter((file) => file.endsWith('.json'));
		expect(templates.length).toBeGreaterThan(0);
		for (const template of templates) expect(files).toContain(`workflows/${template}`);
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
	});
});
