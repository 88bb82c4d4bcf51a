/** The README's operations table is the node's own description, rendered; a stale copy fails. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { operationsTable } from '../../scripts/operationsTable';

const README = path.resolve(__dirname, '../../README.md');
const START = '<!-- operations:start (made by scripts/operationsTable.ts) -->';
const END = '<!-- operations:end -->';

describe('README', () => {
	it('lists every resource, operation and field of the node', () => {
		const readme = readFileSync(README, 'utf8');
		const from = readme.indexOf(START);
		const to = readme.indexOf(END);
		expect(from).toBeGreaterThan(-1);
		expect(to).toBeGreaterThan(from);
		const current = readme.slice(from + START.length, to).trim();
		const expected = operationsTable();
		if (current !== expected && process.env.UPDATE_README === '1') {
			writeFileSync(README, `${readme.slice(0, from + START.length)}\n${expected}\n${readme.slice(to)}`);
			return;
		}
		expect(current).toBe(expected);
	});

	it('starts with the two set-up commands', () => {
		const readme = readFileSync(README, 'utf8');
		const firstCommands = [...readme.matchAll(/```(?:sh|bash)\n([^`]+)```/g)].slice(0, 2).map((match) => match[1].trim());
		expect(firstCommands[0]).toMatch(/^npm ci/);
		expect(firstCommands[1]).toBe('npm test');
	});
});
