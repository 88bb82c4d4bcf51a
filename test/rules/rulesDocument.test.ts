/**
 * docs/whatsapp-rules.md is where the code's WhatsApp limits are sourced: every constant of
 * shared/limits.ts is named there, every section a constant cites exists, and nothing in the
 * repository cites the old facts file outside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import * as limits from '../../nodes/WhatsAppMaton/shared/limits';

const ROOT = path.resolve(__dirname, '../..');
const RULES = readFileSync(path.join(ROOT, 'docs/whatsapp-rules.md'), 'utf8');
const LIMITS_SOURCE = readFileSync(path.join(ROOT, 'nodes/WhatsAppMaton/shared/limits.ts'), 'utf8');

const headings = new Set([...RULES.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1].trim()));

function filesUnder(directory: string): string[] {
	return readdirSync(directory).flatMap((name) => {
		const full = path.join(directory, name);
		return statSync(full).isDirectory() ? filesUnder(full) : [full];
	});
}

describe('docs/whatsapp-rules.md', () => {
	it.each(Object.keys(limits))('names %s', (name) => {
		expect(RULES).toContain(name);
	});

	it('has every section that shared/limits.ts cites', () => {
		const cited = [...new Set([...LIMITS_SOURCE.matchAll(/§ ([A-Z][A-Za-z ,]+?)\)/g)].map((match) => match[1]))];
		expect(cited.length).toBeGreaterThan(5);
		expect(cited.filter((section) => !headings.has(section))).toEqual([]);
	});

	it('is what code, tests and the sandbox cite instead of a facts file outside the repository', () => {
		const cites = ['nodes', 'credentials', 'test', 'sandbox']
			.flatMap((folder) => filesUnder(path.join(ROOT, folder)))
			.filter((file) => /\.(ts|js|md)$/.test(file))
			.filter((file) => /whatsapp-api-facts|the facts file/.test(readFileSync(file, 'utf8')))
			.map((file) => path.relative(ROOT, file))
			.filter((file) => file !== 'test/rules/rulesDocument.test.ts');
		expect(cites).toEqual([]);
	});
});
