import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The user folder this module created (removed after the test file by `index.ts`), if any. */
export let createdUserFolder: string | undefined;

/**
 * Sets the environment n8n-core reads when its modules load. Idempotent: a folder set earlier
 * (by jest's setupFiles or by the caller) is kept. Must run before the first `require('n8n-core')`.
 *
 * - `N8N_USER_FOLDER`: n8n keeps its instance settings (encryption key) there; a fresh temp dir
 *   keeps tests from reading or writing `~/.n8n`.
 * - `N8N_LOG_LEVEL`: n8n's ErrorReporter logs every node error with its stack; `silent` unless
 *   set, so run `N8N_LOG_LEVEL=debug npx jest ...` to see the engine's own logs.
 */
export function prepareHarnessEnvironment(): void {
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
		createdUserFolder = process.env.N8N_USER_FOLDER;
	}
	process.env.N8N_LOG_LEVEL ??= 'silent';
}

prepareHarnessEnvironment();

/** Removes the user folder this module created (n8n writes `.n8n/config` with a key into it). */
export function removeCreatedUserFolder(): void {
	if (createdUserFolder) rmSync(createdUserFolder, { recursive: true, force: true });
}
