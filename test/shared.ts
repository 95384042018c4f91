/** Where the shared reference corpora live (next to the repository), and whether they are there. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(REPO, '..', 'shared');
export const HAVE_SHARED = fs.existsSync(path.join(SHARED, 'corpus'));

if (!HAVE_SHARED) {
  console.warn(`../shared/corpus is absent (looked in ${SHARED}): corpus tests are skipped.`);
}
