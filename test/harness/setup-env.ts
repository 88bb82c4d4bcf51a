/**
 * Jest `setupFiles` entry (runs before each test file's imports): gives n8n-core a fresh,
 * throw-away user folder and quiets n8n's logger unless the caller chose a level.
 */
import { setSafeRegexEngine, type RegexEngine } from 'n8n-workflow';

import { prepareHarnessEnvironment } from './environment';

prepareHarnessEnvironment();

/**
 * n8n-workflow runs the patterns of resource locators and other parameters in a vm with a 250 ms
 * wall-clock limit (against ReDoS in user patterns). On a loaded 2-core machine a plain ID check
 * can overrun it and fail a test for the clock's sake; the patterns here are the node's own, so the
 * tests use the same RegExp semantics without the timer.
 */
const untimedRegexEngine: RegexEngine = {
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => [...input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`))],
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
};
setSafeRegexEngine(untimedRegexEngine);
