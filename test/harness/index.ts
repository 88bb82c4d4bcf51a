/**
 * Test harness: runs n8n nodes through n8n-core's real execution engine, with `nock` as the HTTP
 * server. Importing it disables real network connections (`nock.disableNetConnect()`), so any
 * request without a matching nock interceptor fails the node with a NodeApiError.
 * Import from here (not from the files behind it): under jest this also unpatches nock when the
 * test file ends, which later test files in the same worker need.
 */
import { removeCreatedUserFolder } from './environment';

import nock from 'nock';

export { runNode, createAdditionalData } from './run-node';
export type { RunNodeOptions, RunNodeResult } from './run-node';
export { runCredentialTest } from './credential-test';
export type { RunCredentialTestOptions } from './credential-test';
export { loadPackageFromDist } from './load-package';
export type { LoadedPackage } from './load-package';
export { HarnessCredentialsHelper } from './credentials-helper';
export type { TestCredentials } from './credentials-helper';
export {
	HarnessNodeTypes,
	DEFAULT_TEST_PACKAGE,
	asLoadedNodeType,
	isDeclarativeNode,
	latestVersionOf,
} from './node-types';
export { reviveExecutionError } from './errors';

nock.disableNetConnect();

if (typeof afterAll === 'function') {
	afterAll(() => {
		// Each jest test file gets its own copy of nock, but they all patch the one `http` module of
		// the worker process: a file's nock left active sits on top of the next file's and refuses
		// its requests ("Nock: Disallowed net connect"). Unpatch when the file is done.
		nock.cleanAll();
		nock.restore();
		// Drop this test file's throw-away n8n user folder.
		removeCreatedUserFolder();
	});
}
