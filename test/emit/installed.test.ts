/**
 * highlight.js and KaTeX are required by path, not by name: the folder
 * found must be the one Node's resolution would load.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFolder, requirePackageFile } from '../../src/emit/installed.js';

const require = createRequire(import.meta.url);

describe('installed packages', () => {
  it.each(['highlight.js', 'katex'])('%s is found where Node resolves it', (name) => {
    // require.resolve gives the real path; the search may give a link to it (pnpm, npm link).
    expect(fs.realpathSync(packageFolder(name))).toBe(path.dirname(require.resolve(`${name}/package.json`)));
  });

  it('loads the same highlight.js core as its name does', () => {
    expect(requirePackageFile('highlight.js', 'lib/core.js')).toBe(require('highlight.js/lib/core'));
  });
});
