/**
 * The GitHub Actions workflows under .github/workflows parse and do what the README says: CI on push and
 * pull request runs .ci/run with npm's cache; a version tag runs the tests and publishes with npm
 * provenance; the stress run is started by hand.
 */
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// js-yaml comes with eslint (a devDependency); only this test reads YAML.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, '.github', 'workflows');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(root, 'package.json')) as { version: string; scripts: Record<string, string> };

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	steps: Step[];
	permissions?: Record<string, string>;
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function load(file: string): Workflow {
	return yaml.load(readFileSync(path.join(dir, file), 'utf8')) as Workflow;
}
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).map((step) => step.run ?? '');

describe('.github/workflows', () => {
	const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort();

	it('holds CI, publish and stress workflows, each valid YAML with jobs of steps', () => {
		expect(files).toEqual(['ci.yml', 'publish.yml', 'stress.yml']);
		for (const file of files) {
			const workflow = load(file);
			expect(typeof workflow.name).toBe('string');
			expect(workflow.on).toBeDefined();
			expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
			for (const job of Object.values(workflow.jobs)) {
				expect(job['runs-on']).toMatch(/^ubuntu-/);
				expect(job.steps.length).toBeGreaterThan(0);
				for (const step of job.steps) {
					// exactly one of uses/run, and actions pinned to a major version at least
					expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
					if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+/);
				}
			}
		}
	});

	it('every npm script a workflow runs exists, and .ci/run is executable', () => {
		for (const file of files) {
			for (const command of runs(load(file))) {
				for (const [, script] of command.matchAll(/npm run ([\w:-]+)/g)) expect(pkg.scripts).toHaveProperty(script);
			}
		}
		expect(() => accessSync(path.join(root, '.ci', 'run'), constants.X_OK)).not.toThrow();
	});

	it('CI runs .ci/run on push and pull request on Node 24 with npm cached', () => {
		const ci = load('ci.yml');
		expect(ci.on).toHaveProperty('push');
		expect(ci.on).toHaveProperty('pull_request');
		const setup = steps(ci).find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
		expect(steps(ci)[0].uses).toMatch(/^actions\/checkout@/);
		expect(runs(ci)).toContain('.ci/run');
	});

	it('publish runs on a version tag, checks tag and changelog, runs the tests, then publishes with provenance', () => {
		const publish = load('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' });
		const setup = steps(publish).find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with).toMatchObject({ 'node-version': 24, 'registry-url': 'https://registry.npmjs.org' });
		const commands = runs(publish);
		const tests = commands.indexOf('.ci/run');
		const release = commands.findIndex((run) => run.includes('npm publish'));
		expect(tests).toBeGreaterThanOrEqual(0);
		expect(release).toBeGreaterThan(tests);
		expect(commands[release]).toBe('npm publish --provenance --access public');
		expect(commands.slice(0, tests).join('\n')).toContain('GITHUB_REF_NAME');
		expect(commands.slice(0, tests).join('\n')).toContain('CHANGELOG.md');
		expect(steps(publish)[release].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});

	it('the stress run is manual and runs npm run test:stress', () => {
		const stress = load('stress.yml');
		expect(Object.keys(stress.on)).toEqual(['workflow_dispatch']);
		expect(runs(stress)).toContain('npm run test:stress');
	});

	it('the changelog has an entry for the package version, in Keep a Changelog form', () => {
		const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toContain('keepachangelog.com');
		expect(changelog).toMatch(/^## \[Unreleased\]$/m);
		expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
		expect(changelog).toMatch(new RegExp(`^\\[${pkg.version.replace(/\./g, '\\.')}\\]: https://`, 'm'));
	});
});
