/**
 * Cleaning up after tests: temporary folders are removed, and what runs in
 * them stopped, once the test that made them is over (also when it fails),
 * so that running the suite leaves nothing behind in the system's temp
 * folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

type Cleanup = () => unknown;

/** What was set up outside a test (in a beforeAll hook or a describe body), for the whole file. */
const forFile: Cleanup[] = [];

// This module is imported while vitest collects a test file, and evaluated
// again for every file (vitest isolates test files), so the hook belongs to
// that file. It runs after the afterAll hooks of the file's describe blocks,
// which close the servers and browsers that use such folders.
afterAll(async () => {
  // Last first, as vitest runs a test's own: a server stops before its folder goes.
  for (const cleanup of forFile.splice(0).reverse()) await cleanup();
});

/**
 * Runs `cleanup` when the current test finishes, after its afterEach hooks;
 * called outside a test, when the test file is done.
 */
export function whenDone(cleanup: Cleanup): void {
  try {
    onTestFinished(async () => {
      await cleanup();
    });
  } catch {
    // vitest refuses the hook outside a test.
    forFile.push(cleanup);
  }
}

/**
 * A new empty folder under the system temp folder, named `prefix` and six
 * random characters, removed when the test that made it is done (see whenDone).
 */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  whenDone(() => removeDir(dir));
  return dir;
}

/** Runs `use` with a new temporary folder, removed as soon as `use` returns or throws. */
export function withTempDir<T>(prefix: string, use: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return use(dir);
  } finally {
    removeDir(dir);
  }
}

/**
 * Removes a folder and everything in it. Retries, because the code under
 * test may still be deleting an old output inside it in the background.
 */
function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
