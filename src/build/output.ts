/**
 * Atomic output: a build writes into a fresh temporary folder next to the
 * target and swaps it in only when complete, so an interrupted build leaves
 * the previous output exactly as it was.
 */

import fs from 'node:fs';
import path from 'node:path';

export function createStaging(outDir: string): string {
  const parent = path.dirname(path.resolve(outDir));
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, `.${path.basename(outDir)}.staging-`));
}

export function commitStaging(staging: string, outDir: string): void {
  const target = path.resolve(outDir);
  if (!fs.existsSync(target)) {
    fs.renameSync(staging, target);
    return;
  }
  const old = `${staging}.old`;
  fs.renameSync(target, old);
  fs.renameSync(staging, target);
  fs.rmSync(old, { recursive: true, force: true });
}

export function discardStaging(staging: string): void {
  fs.rmSync(staging, { recursive: true, force: true });
}

/** Copies a folder's files recursively. */
export function copyTree(from: string, to: string, skip: (relative: string) => boolean = () => false): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const relative = path.relative(from, absolute);
    if (skip(relative)) continue;
    fs.mkdirSync(path.dirname(path.join(to, relative)), { recursive: true });
    fs.copyFileSync(absolute, path.join(to, relative));
  }
}
