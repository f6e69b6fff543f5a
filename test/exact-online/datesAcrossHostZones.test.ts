/**
 * Runs dates.test.ts again in a fresh process under each host time zone (a running process cannot change its
 * own zone), across the March DST change that test uses.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe.each(['UTC', 'Europe/Amsterdam'])('dates on a host in %s', (zone) => {
	it('pass', () => {
		const run = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--ci', '--runInBand', 'test/exact-online/dates.test.ts'], {
			cwd: root,
			env: { ...process.env, TZ: zone },
			encoding: 'utf8',
			timeout: 120_000,
		});
		if (run.status !== 0) throw new Error(`dates.test.ts failed under TZ=${zone}:\n${run.stderr.slice(-4000)}`);
		expect(run.stderr).toContain('dates.test.ts');
	}, 130_000);
});
