/**
 * Atomic output: a build writes into a fresh temporary folder next to the
 * target and swaps it in only when complete, so an interrupted build leaves
 * the previous output exactly as it was.
 *
 * A staging folder is named `.<out>.staging-<pid>-XXXXXX`: a build killed
 * before it could clean up leaves one behind, and the next build removes
 * those whose process is gone (never one a running build still writes).
 * The swap is two renames (output → `<staging>.old`, staging → output); a
 * build killed between them leaves no output folder but the previous one
 * as `.old`, which the next build puts back first. The previous output is
 * then renamed `<staging>.trash`, never put back, and deleted in the
 * background, its files in parallel on libuv's threads while deck reports;
 * the process ends when it is gone.
 */

import fs from 'node:fs';
import path from 'node:path';

/** Staging folders before they carried a process id are removed once this old. */
const UNOWNED_STALE_MS = 60 * 60 * 1000;

interface StagingEntry {
  path: string;
  /** The process that made it, when the name says. */
  pid: number | undefined;
  /** A previous output moved aside during a swap (not one being deleted). */
  old: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Previous outputs this process is still deleting: not left over from an interrupted build. */
const deleting = new Set<string>();

/** How the staging folders of `outDir` (beside it) are named: `.<out>.staging-`, then the rest. */
export function stagingPrefix(outDir: string): string {
  return `.${path.basename(path.resolve(outDir))}.staging-`;
}

/** The staging folders (and moved-aside outputs) of `outDir` that exist now. */
function stagingEntries(outDir: string): StagingEntry[] {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const pattern = new RegExp(`^${escapeRegExp(stagingPrefix(outDir))}(?:(\\d+)-)?[A-Za-z0-9]{6}(\\.old|\\.trash)?$`);
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    if (!match || deleting.has(path.join(parent, name))) return [];
    return [{ path: path.join(parent, name), pid: match[1] === undefined ? undefined : Number(match[1]), old: match[2] === '.old' }];
  });
}

function processAlive(pid: number): boolean {
  // This process builds one folder at a time (build is synchronous), so
  // a folder carrying its own id is left over from an earlier, failed build.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(entry: StagingEntry): boolean {
  if (entry.pid !== undefined) return !processAlive(entry.pid);
  try {
    return Date.now() - fs.statSync(entry.path).mtimeMs > UNOWNED_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Undoes what interrupted builds left: puts a moved-aside previous output
 * back when the output folder is missing, then removes stale staging folders.
 * What cannot be removed now stays for a later build: leftovers never stop
 * this one.
 */
export function recoverInterruptedBuilds(outDir: string): void {
  const target = path.resolve(outDir);
  const stale = stagingEntries(outDir).filter(isStale);
  if (!fs.existsSync(target)) {
    const previous = stale
      .filter((entry) => entry.old)
      .sort((a, b) => fs.statSync(b.path).mtimeMs - fs.statSync(a.path).mtimeMs)[0];
    if (previous) attempt(() => fs.renameSync(previous.path, target));
  }
  for (const entry of stale) {
    if (fs.existsSync(entry.path)) attempt(() => fs.rmSync(entry.path, { recursive: true, force: true, maxRetries: 3 }));
  }
}

function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // Left for a later build.
  }
}

/**
 * Makes the staging folder of a build of `outDir`, once an interrupted
 * build's output is back in place and `check` (which may throw) has seen it.
 */
export function createStaging(outDir: string, check: () => void = () => {}): string {
  const parent = path.dirname(path.resolve(outDir));
  fs.mkdirSync(parent, { recursive: true });
  recoverInterruptedBuilds(outDir);
  check();
  return fs.mkdtempSync(path.join(parent, `${stagingPrefix(outDir)}${process.pid}-`));
}

export function commitStaging(staging: string, outDir: string): void {
  const target = path.resolve(outDir);
  if (!fs.existsSync(target)) {
    fs.renameSync(staging, target);
    return;
  }
  // A link (or a file) in the output's place is replaced; what it points to stays as it is.
  const folder = fs.lstatSync(target).isDirectory();
  const old = `${staging}.old`;
  fs.renameSync(target, old);
  fs.renameSync(staging, target);
  if (!folder) {
    fs.rmSync(old, { force: true });
    return;
  }
  const trash = `${staging}.trash`;
  fs.renameSync(old, trash);
  removeInBackground(trash);
}

/**
 * Deletes `folder` without waiting for it (about half the time of a
 * synchronous delete, and off the main thread). What cannot be deleted
 * this way is deleted synchronously; what cannot be deleted at all is
 * removed by the next build, as an interrupted build's would be.
 */
function removeInBackground(folder: string): void {
  deleting.add(folder);
  removeTree(folder, (error) => {
    if (error) fs.rm(folder, { recursive: true, force: true, maxRetries: 3 }, () => deleting.delete(folder));
    else deleting.delete(folder);
  });
}

/** Deletes a folder, the entries of each folder in parallel; `done` gets the first error. */
function removeTree(folder: string, done: (error: Error | null) => void): void {
  fs.readdir(folder, { withFileTypes: true }, (error, entries) => {
    if (error) return done(error);
    let pending = entries.length;
    let failed: Error | null = null;
    const removeFolder = (): void => fs.rmdir(folder, (rmdirError) => done(failed ?? rmdirError));
    if (pending === 0) return removeFolder();
    const settle = (entryError: Error | null): void => {
      failed ??= entryError;
      if (--pending === 0) removeFolder();
    };
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) removeTree(entryPath, settle);
      else fs.unlink(entryPath, settle);
    }
  });
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
