/** The tests' regular expressions run without n8n's 250 ms wall-clock deadline (test/harness/regexEngine.ts). */
import vm from 'node:vm';
import { resetSafeRegexEngine, safeRegex } from 'n8n-workflow';
import { useRegexEngineWithoutDeadline } from './regexEngine';

describe('regular expressions in tests', () => {
	it('are not evaluated in a vm script with a timeout', () => {
		const runInContext = jest.spyOn(vm.Script.prototype, 'runInContext');
		try {
			expect(safeRegex.test('^WO-\\d+$', 'WO-1042')).toBe(true);
			expect(safeRegex.replace('\\.', '1.5', 'g', ',')).toBe('1,5');
			expect(runInContext).not.toHaveBeenCalled();
		} finally {
			runInContext.mockRestore();
		}
	});

	it("n8n's own engine would run them in a vm script with a 250 ms timeout (the reason for the swap)", () => {
		const runInContext = jest.spyOn(vm.Script.prototype, 'runInContext');
		try {
			resetSafeRegexEngine();
			expect(safeRegex.test('^WO-\\d+$', 'WO-1042')).toBe(true);
			expect(runInContext).toHaveBeenCalledWith(expect.anything(), { timeout: 250 });
		} finally {
			runInContext.mockRestore();
			useRegexEngineWithoutDeadline();
		}
	});
});
