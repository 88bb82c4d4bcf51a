/**
 * The release path: the publish workflow is valid YAML, runs the same checks as
 * `npm run release:check` on a version tag, and publishes with npm provenance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');

interface WorkflowStep {
	name?: string;
	run?: string;
	uses?: string;
	env?: Record<string, string>;
}

interface Workflow {
	on: { push: { tags: string[] } };
	permissions: Record<string, string>;
	jobs: Record<string, { steps: WorkflowStep[] }>;
}

const workflow = parse(fs.readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const indexOfRun = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));

describe('.github/workflows/publish.yml', () => {
	it('runs on version tags only', () => {
		expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
	});

	it('may mint the OIDC token that npm provenance needs, and nothing more than reading the code', () => {
		expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	});

	it('publishes with provenance only after the release checks pass, then scans the published package', () => {
		const checks = indexOfRun(/npm run release:check -- --tag "\$\{GITHUB_REF_NAME\}"/);
		const publish = indexOfRun(/^npm publish --provenance --access public$/);
		const scan = indexOfRun(/@n8n\/scan-community-package "n8n-nodes-whatsapp-maton@\$\{version\}"/);
		expect(checks).toBeGreaterThan(-1);
		expect(publish).toBeGreaterThan(checks);
		expect(scan).toBeGreaterThan(publish);
		expect(steps[publish].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(steps.filter((step) => /npm publish/.test(step.run ?? ''))).toHaveLength(1);
	});

	it('installs from the lockfile', () => {
		expect(indexOfRun(/^npm ci\b/)).toBeGreaterThan(-1);
		expect(indexOfRun(/npm install/)).toBe(-1);
	});
});

describe('npm run release:check', () => {
	it('is the script the workflow calls', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		expect(pkg.scripts['release:check']).toBe('node scripts/release-check.js');
	});
});
