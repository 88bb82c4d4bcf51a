// ESLint 9 flat config for this n8n community-node package.
//
// It mirrors the config that n8n's official starter gets from `@n8n/node-cli/eslint`
// (dist/configs/eslint.js in @n8n/node-cli 0.48.x), built here from this package's own
// dev dependencies so that @n8n/node-cli itself is not needed:
//   - @eslint/js + typescript-eslint `recommended` for every .ts file;
//   - @n8n/eslint-plugin-community-nodes `recommended` for the package's own code and for
//     package.json (the rules that read package.json only run on a file named package.json);
//   - eslint-plugin-n8n-nodes-base, whose configs are legacy eslintrc objects (`env`,
//     `plugins: ['n8n-nodes-base']`), so only their `rules` maps are spread into flat-config
//     objects: `community` for package.json, `credentials` for credentials/, `nodes` for nodes/.
// Differences from the starter: eslint-plugin-import-x and its TypeScript resolver are not
// dev dependencies here, so the `import-x/flat/recommended` rules are not applied; test/ and
// scripts/ only get the generic TypeScript lint (the n8n rules are about shipped code).
// No rule in either n8n plugin needs type information, so no TypeScript project is loaded.
import { createRequire } from 'node:module';

import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { defineConfig, globalIgnores } from 'eslint/config';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

// @eslint/js is a dependency of eslint itself (same version); load it from there rather
// than relying on it being hoisted into this package's node_modules.
const require = createRequire(import.meta.url);
const js = createRequire(require.resolve('eslint/package.json'))('@eslint/js');

// Code that is not shipped: generic TypeScript lint only.
const NON_PACKAGE_FILES = ['test/**', 'scripts/**', 'bench/**', 'sandbox/**', 'e2e/**'];

const communityRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default defineConfig(
	globalIgnores(['dist/', 'node_modules/', 'coverage/', '.tsbuild/', '.n8n-runtime/', '.bench/']),

	// Dev tools in plain CommonJS for Node, so that they run without a build: the local Maton
	// sandbox, the n8n runtime scripts and the end-to-end cases.
	{
		files: ['sandbox/**/*.js', 'scripts/**/*.js', 'e2e/**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				require: 'readonly',
				module: 'writable',
				process: 'readonly',
				Buffer: 'readonly',
				console: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				URL: 'readonly',
				URLSearchParams: 'readonly',
				performance: 'readonly',
				__dirname: 'readonly',
				structuredClone: 'readonly',
				fetch: 'readonly',
				AbortSignal: 'readonly',
				AbortController: 'readonly',
			},
		},
	},

	// Every TypeScript file, tests and scripts included.
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: {
			parser: tseslint.parser,
		},
		rules: {
			'prefer-spread': 'off',
		},
	},

	// The package's own code (nodes/, credentials/ and any other shipped .ts file).
	{
		files: ['**/*.ts'],
		ignores: NON_PACKAGE_FILES,
		extends: [communityRecommended],
		rules: {
			'no-console': 'error',
		},
	},

	// Register eslint-plugin-n8n-nodes-base once; its rules are switched on per folder below.
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
	},

	// package.json: the community plugin's package rules plus n8n-nodes-base `community`.
	// typescript-estree parses a .json file as a single expression statement, which is the
	// shape both plugins' package.json rules look for.
	{
		files: ['package.json'],
		extends: [communityRecommended],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: {
				extraFileExtensions: ['.json'],
			},
		},
		rules: {
			...n8nNodesBase.configs.community.rules,
		},
	},

	// Credentials: n8n-nodes-base `credentials`.
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Off in the starter as well. This one wants a camel-cased slug (main n8n repo
			// only); community credentials need a full URL (cred-class-field-documentation-url-
			// not-http-url / @n8n/community-nodes/credential-documentation-url).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Off in the starter: superseded by @n8n/community-nodes/credential-password-field.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},

	// Nodes: n8n-nodes-base `nodes` (node files, resource/operation descriptions, helpers).
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Off in the starter as well: these two want string literals such as ['main'] and
			// conflict with @n8n/community-nodes/node-connection-type-literal, which requires
			// NodeConnectionTypes.Main.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// Off in the starter as well.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
