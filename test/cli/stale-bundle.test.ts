/**
 * After `tsc` alone (no bundling), `deck` runs the freshly compiled lib/
 * instead of the stale bundle, and says why.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

/** A copy of the package's bin/ and lib/ (the rest linked), whose lib/ tsc compiled after the bundle was made. */
function packageWithStaleBundle(): string {
  const root = tempDir('deck-stale-');
  fs.cpSync(path.join(REPO, 'bin'), path.join(root, 'bin'), { recursive: true });
  fs.cpSync(path.join(REPO, 'lib'), path.join(root, 'lib'), { recursive: true });
  for (const shared of ['node_modules', 'templates', 'assets', 'package.json']) fs.symlinkSync(path.join(REPO, shared), path.join(root, shared));
  const bundled = fs.statSync(path.join(root, 'lib', 'bundle', 'hashes.json')).mtime;
  const later = new Date(bundled.getTime() + 60_000);
  fs.writeFileSync(path.join(root, 'lib', '.tsbuildinfo'), '{}');
  fs.utimesSync(path.join(root, 'lib', '.tsbuildinfo'), later, later);
  // Proof that lib/ runs: the bundle no longer loads.
  fs.writeFileSync(path.join(root, 'lib', 'bundle', 'main.cjs'), 'throw new Error("the stale bundle ran");\n');
  return root;
}

describe('a bundle older than lib/', () => {
  it('is left aside, with a word, and the build still works', () => {
    const root = packageWithStaleBundle();
    const out = path.join(root, 'out');
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'deck.js'), 'build', path.join(REPO, 'slides', 'containers.rst'), '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, DECK_CODE_CACHE: '0' },
    });
    expect(result.stderr).toContain('lib/bundle/ is older than lib/');
    expect(result.stderr).not.toContain('the stale bundle ran');
    expect(result.status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('class="step');
  });
});
