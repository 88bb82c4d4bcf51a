#!/usr/bin/env node
'use strict';
/**
 * `npm run release:check [-- --tag vX.Y.Z]`: the checks a release must pass, the same ones the
 * publish workflow (.github/workflows/publish.yml) runs before `npm publish --provenance`:
 *
 *  1. package.json: no runtime dependencies (peer n8n-workflow only), no lifecycle scripts that
 *     would run on install, and a CHANGELOG.md section for its version (with --tag: the tag is
 *     that version and the section is no longer "unreleased");
 *  2. lint (n8n's two ESLint plugins), build and every jest test (`npm test`);
 *  3. n8n's community package scanner (@n8n/scan-community-package) on this source tree and on
 *     the packed tarball, as it scans a published package. Offline: the scanner's provenance
 *     check needs the package on the registry, so the workflow runs the full online scan after
 *     publishing.
 *
 * Prints one line per check and "release:check: N passed, M failed"; exit code 1 when any failed.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function parseArguments(argv) {
	const options = { tag: undefined, tests: true };
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--tag') options.tag = argv[++index];
		else if (argument.startsWith('--tag=')) options.tag = argument.slice(6);
		else if (argument === '--skip-tests') options.tests = false;
		else {
			console.error(`release:check: unknown option ${argument}\nUsage: npm run release:check -- [--tag vX.Y.Z] [--skip-tests]`);
			process.exit(2);
		}
	}
	return options;
}

/** A step that throws to fail; its return value (if any) is printed after "ok". */
const checks = [];
const check = (name, run) => checks.push({ name, run });

function run(command, args, options = {}) {
	return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** The heading of version's section in CHANGELOG.md, or undefined. */
function changelogHeading(version) {
	const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
	const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return changelog.split('\n').find((line) => new RegExp(`^## ${escaped}(\\s|$)`).test(line));
}

async function scan(directory, patterns) {
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const result = await analyzePackage(directory, patterns);
	if (!result.passed) throw new Error(`${result.message}${result.details ? `\n${result.details}` : ''}`);
}

async function main() {
	const options = parseArguments(process.argv.slice(2));

	check('package.json: no runtime dependencies, peer n8n-workflow only', () => {
		const runtime = Object.keys(pkg.dependencies ?? {});
		if (runtime.length > 0) throw new Error(`dependencies: ${runtime.join(', ')}`);
		if (JSON.stringify(pkg.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' })) {
			throw new Error(`peerDependencies must be { "n8n-workflow": "*" }, is ${JSON.stringify(pkg.peerDependencies)}`);
		}
		const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish'].filter((name) => pkg.scripts?.[name]);
		if (lifecycle.length > 0) throw new Error(`lifecycle scripts run on install: ${lifecycle.join(', ')}`);
	});

	check(`CHANGELOG.md has a section for ${pkg.version}`, () => {
		const heading = changelogHeading(pkg.version);
		if (!heading) throw new Error(`no "## ${pkg.version}" heading in CHANGELOG.md`);
		if (options.tag !== undefined && /unreleased/i.test(heading)) throw new Error(`"${heading}" still says unreleased`);
		return heading.slice(3);
	});

	if (options.tag !== undefined) {
		check(`tag ${options.tag} is version ${pkg.version}`, () => {
			if (options.tag.replace(/^v/, '') !== pkg.version) throw new Error(`the tag names ${options.tag}, package.json ${pkg.version}`);
		});
	}

	check('lint (n8n community and nodes-base rules)', () => void run('npm', ['run', 'lint', '--silent']));
	if (options.tests) check('build and every jest test (npm test)', () => void run('npm', ['test', '--silent', '--', '--ci']));
	else check('build (tests skipped)', () => void run('npm', ['run', 'build', '--silent']));

	check("n8n's community package scanner on the source", () => scan(ROOT, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}']));

	check("n8n's community package scanner on the packed tarball", async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'release-check-'));
		try {
			const [entry] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder]));
			run('tar', ['-xzf', path.join(folder, entry.filename), '-C', folder]);
			await scan(path.join(folder, 'package'), ['**/*.js', 'package.json']);
			return `${entry.filename}, ${(entry.size / 1024).toFixed(1)} KB, ${entry.entryCount} files`;
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});

	let passed = 0;
	let failed = 0;
	for (const { name, run: step } of checks) {
		try {
			const note = await step();
			passed++;
			console.log(`  ok    ${name}${note ? ` (${note})` : ''}`);
		} catch (error) {
			failed++;
			const detail = error.stderr || error.stdout || error.message;
			console.log(`  FAIL  ${name}\n${String(detail).trim().split('\n').slice(-30).map((line) => `        ${line}`).join('\n')}`);
		}
	}
	console.log(`release:check: ${passed} passed, ${failed} failed`);
	if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
