/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Runs before any test file imports n8n-core: gives n8n a throw-away user folder.
	setupFiles: ['<rootDir>/test/harness/setup-env.ts'],
	testTimeout: 20_000,
	// Both cores of the 2-core machines this runs on (jest would leave one idle by default).
	maxWorkers: 2,
};
