/**
 * `deck doctree` (parse and publish modes) against docutils on real decks: the seed talk
 * and every deck of ../shared/corpus/decks. The corpus stores no doctrees
 * for these, so the reference comes from running docutils itself
 * (../shared/tools/rst_oracle.py with Debian's python3-docutils); where
 * that is not installed the test says so and skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { HAVE_SHARED, REPO, SHARED } from '../shared.js';
import { tempDir } from '../cleanup.js';

const PYTHON = '/usr/bin/python3';
const HAVE_DOCUTILS =
  HAVE_SHARED && fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import docutils']).status === 0;
if (HAVE_SHARED && !HAVE_DOCUTILS) {
  console.warn('Deck doctree test skipped: docutils for /usr/bin/python3 is missing (apt-get install -y python3-docutils).');
}

describe.skipIf(!HAVE_DOCUTILS)('deck doctree on real decks', () => {
  const decks = HAVE_DOCUTILS
    ? [
        ...fs
          .readdirSync(path.join(SHARED, 'corpus', 'decks'))
          .filter((f) => /^\d{3}-.*\.rst$/.test(f))
          .map((f) => path.join(SHARED, 'corpus', 'decks', f)),
        path.join(REPO, 'slides', 'containers.rst'),
      ]
    : [];
  const expectedDir = HAVE_DOCUTILS ? tempDir('deck-oracle-') : '';
  if (HAVE_DOCUTILS) {
    execFileSync(PYTHON, [path.join(SHARED, 'tools', 'rst_oracle.py'), '--mode', 'both', '--out', expectedDir, ...decks]);
  }

  const cases = decks.flatMap((d) => ['parse', 'publish'].map((mode) => [path.basename(d, '.rst'), mode, d]));
  it.each(cases)('%s (%s) prints the same tree as docutils', async (stem, mode, deck) => {
    const io = { stdout: '', out: (t: string) => void (io.stdout += t), err: () => {} };
    expect(await main(['doctree', '--mode', mode!, deck!], io)).toBe(0);
    expect(io.stdout).toBe(fs.readFileSync(path.join(expectedDir, `${stem}.${mode}.pxml`), 'utf8'));
  });
});
