/**
 * n8n-workflow evaluates regular expressions in expressions and parameter checks through `safeRegex`, whose
 * default engine runs each one in a node:vm script with a 250 ms wall-clock timeout (safe-regex.js,
 * REGEX_TIMEOUT_MS). On a loaded machine a trivial regular expression can miss that deadline because the
 * process was not scheduled, and the expression then fails with "Regular expression execution timed out":
 * a test result that depends on how busy the machine is. The tests evaluate only our own templates'
 * expressions, so they use the same regular expressions without the wall-clock deadline. (The real n8n in
 * the end-to-end and queue-mode runs keeps its own engine.)
 */
import { setSafeRegexEngine } from 'n8n-workflow';

const globalFlag = (flags?: string) => (flags?.includes('g') ? flags : `${flags ?? ''}g`);

const withoutDeadline = {
	exec: (pattern: string, input: string, flags?: string) => new RegExp(pattern, flags).exec(input),
	test: (pattern: string, input: string, flags?: string) => new RegExp(pattern, flags).test(input),
	replace: (pattern: string, input: string, flags: string | undefined, replacement: string) =>
		input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern: string, input: string, flags?: string) => Array.from(input.matchAll(new RegExp(pattern, globalFlag(flags)))),
	split: (pattern: string, input: string, flags?: string) => input.split(new RegExp(pattern, flags)),
};

export function useRegexEngineWithoutDeadline(): void {
	setSafeRegexEngine(withoutDeadline);
}

useRegexEngineWithoutDeadline();
