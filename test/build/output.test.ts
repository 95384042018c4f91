/**
 * The output swap: a finished build replaces the previous output at once,
 * and the previous output, deleted in the background, leaves nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitStaging, createStaging } from '../../src/build/output.js';
import { tempDir } from '../cleanup.js';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
}

/** The parent folder's entries once the background deletion is over (or after two seconds). */
async function settledEntries(parent: string): Promise<string[]> {
  for (let waited = 0; waited < 2000; waited += 10) {
    const names = fs.readdirSync(parent);
    if (!names.some((name) => name.includes('.staging-'))) return names;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return fs.readdirSync(parent);
}

function previousOutput(parent: string): string {
  const out = path.join(parent, 'site');
  const files: Record<string, string> = { 'index.html': 'old page' };
  for (let i = 0; i < 40; i++) files[`images/deep/${i}.svg`] = `<svg>${i}</svg>`;
  writeTree(out, files);
  return out;
}

describe('swapping the output in', () => {
  it('shows the new output at once and deletes the previous one completely', async () => {
    const parent = tempDir('deck-output-');
    const out = previousOutput(parent);
    const staging = createStaging(out);
    writeTree(staging, { 'index.html': 'new page', 'css/deck.css': 'body {}' });
    commitStaging(staging, out);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new page');
    expect(fs.existsSync(path.join(out, 'images'))).toBe(false);
    expect(await settledEntries(parent)).toEqual(['site']);
  });

  it('replaces an output that is a link to a folder, and leaves that folder as it was', async () => {
    const parent = tempDir('deck-output-');
    const precious = path.join(parent, 'precious');
    writeTree(precious, { 'important.txt': 'keep me', 'sub/b.txt': 'me too' });
    const out = path.join(parent, 'site');
    fs.symlinkSync(precious, out, 'dir');
    const staging = createStaging(out);
    writeTree(staging, { 'index.html': 'new page' });
    commitStaging(staging, out);
    expect(fs.lstatSync(out).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new page');
    expect((await settledEntries(parent)).sort()).toEqual(['precious', 'site']);
    expect(fs.readFileSync(path.join(precious, 'important.txt'), 'utf8')).toBe('keep me');
    expect(fs.readFileSync(path.join(precious, 'sub', 'b.txt'), 'utf8')).toBe('me too');
  });

  it('a build started while the previous output is being deleted leaves that deletion alone', async () => {
    const parent = tempDir('deck-output-');
    const out = previousOutput(parent);
    const first = createStaging(out);
    writeTree(first, { 'index.html': 'first' });
    commitStaging(first, out);
    const second = createStaging(out);
    writeTree(second, { 'index.html': 'second' });
    commitStaging(second, out);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('second');
    expect(await settledEntries(parent)).toEqual(['site']);
  });
});
