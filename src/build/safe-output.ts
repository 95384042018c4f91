/**
 * Which output folders a build may replace, and which files `deck map` and
 * `deck pdf` may write.
 *
 * A build swaps its output folder in whole (output.ts): whatever was in it
 * goes. That is right for the folder of a previous build, and a disaster
 * for any other: `--out .` next to the deck would delete the deck and
 * everything beside it. So a build writes only where nothing is yet, into
 * an empty folder, or over a previous build's output that holds nothing
 * else: each build lists the files it wrote in a marker file.
 */

import fs from 'node:fs';
import path from 'node:path';
import { stagingPrefix } from './output.js';

/** A build that would delete something its author has; its message says what, and what to do. */
export class UnsafeOutput extends Error {}

/** What every build leaves at the top of its output: the files it wrote, to know them next time. */
const MARKER = '.deck-output';
const MARKER_HEAD = 'Written by deck build, which replaces this folder as a whole on every build. Its files:';

/** Files a file manager leaves in any folder it shows: nobody's loss. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

const CHOOSE = 'Choose a new or empty folder with --out (the default is dist).';

/** The folder of a build's output that deck `file` goes to, one of `count` built together ('' for a build of one). */
export function deckFolder(file: string, count: number): string {
  return count === 1 ? '' : path.basename(file).replace(/\.(rst|txt)$/, '');
}

/** Marks `folder`, a build's output about to be swapped in, as deck's own, listing its files and folders. */
export function markOutput(folder: string): void {
  fs.writeFileSync(path.join(folder, MARKER), `${[MARKER_HEAD, ...entriesIn(folder).sort()].join('\n')}\n`);
}

/** Throws UnsafeOutput when replacing `outDir` with a build of `decks` would delete anything but a previous build. */
export function checkOutput(outDir: string, decks: readonly string[]): void {
  const target = path.resolve(outDir);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    // Nothing there yet.
    return;
  }
  // A link is replaced by the new folder; what it points to stays as it is.
  if (stat.isSymbolicLink()) return;
  const shown = JSON.stringify(outDir);
  if (!stat.isDirectory()) refuse(`${shown} is a file`);
  const deck = decks.find((file) => isWithin(file, target));
  if (deck !== undefined) refuse(`folder ${shown} holds ${deck}, which this build reads`);
  if (isWithin(process.cwd(), target)) refuse(`folder ${shown} is where deck runs (the shell would be left in a deleted folder)`);
  const entries = fs.readdirSync(target).filter((name) => !SYSTEM_FILES.has(name));
  if (entries.includes('.git')) refuse(`folder ${shown} holds a Git repository (.git)`);
  if (entries.length === 0) return;
  if (entries.includes(MARKER)) {
    refuseForeign(shown, 'that no deck build wrote', notIn(target, listedIn(target)));
  } else if (!looksBuilt(target, entries, decks)) {
    refuseForeign(shown, 'that no deck build wrote', entries);
  }
}

/**
 * After the build, before the swap, for an output from before builds
 * listed their files: it counts as deck's only if this build writes every
 * file and folder in it again (no CNAME or page of the author's is lost).
 */
export function checkUnlistedOutput(outDir: string, staging: string): void {
  const target = path.resolve(outDir);
  if (!fs.lstatSync(target, { throwIfNoEntry: false })?.isDirectory() || fs.existsSync(path.join(target, MARKER))) return;
  refuseForeign(JSON.stringify(outDir), 'that this build does not write again', notIn(target, new Set(entriesIn(staging))));
}

function refuse(what: string): never {
  throw new UnsafeOutput(`The output ${what}: a build replaces its whole output folder with a new one, deleting what was there. ${CHOOSE}`);
}

/** Refuses the output folder `shown` when `foreign`, what of it is not deck's, is not empty. */
function refuseForeign(shown: string, which: string, foreign: string[]): void {
  if (foreign.length === 0) return;
  const named = foreign.slice(0, 3).map((name) => JSON.stringify(name)).join(', ');
  refuse(`folder ${shown} holds files ${which} (${named}${foreign.length > 3 ? ', …' : ''})`);
}

/** What a marked output's list says its build wrote. */
function listedIn(target: string): Set<string> {
  return new Set(fs.readFileSync(path.join(target, MARKER), 'utf8').split('\n').slice(1));
}

/**
 * The files and folders in `target` that `written` does not hold: not the
 * marker, nor a file manager's, nor the map.svg that `deck build --map`
 * draws beside a page once the build is in place.
 */
function notIn(target: string, written: Set<string>): string[] {
  const isMap = (entry: string): boolean => path.posix.basename(entry) === 'map.svg' && written.has(path.posix.join(path.posix.dirname(entry), 'index.html'));
  return entriesIn(target).filter((entry) => entry !== MARKER && !written.has(entry) && !isMap(entry) && !SYSTEM_FILES.has(path.posix.basename(entry)));
}

/**
 * Whether an output without a list looks like a build's: deck's page at
 * the top or, for several decks, in a folder each that this build writes
 * (checkUnlistedOutput then makes sure of every file).
 */
function looksBuilt(target: string, entries: string[], decks: readonly string[]): boolean {
  if (isDeckPage(path.join(target, 'index.html'))) return true;
  const folders = new Set(decks.map((deck) => deckFolder(deck, decks.length)));
  return entries.every((name) => folders.has(name) && !fs.existsSync(path.join(target, name, MARKER)) && isDeckPage(path.join(target, name, 'index.html')));
}

/** Whether `file` looks like a page deck wrote: it loads deck's runtime, or holds it (a single-file build). */
function isDeckPage(file: string): boolean {
  try {
    const html = fs.readFileSync(file, 'utf8');
    return html.includes('deck/runtime.js') || html.includes('deck-view');
  } catch {
    return false;
  }
}

/** Every file and folder under `folder`, as a relative path with `/`. */
function entriesIn(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Whether `file` is `folder` or inside it (also through links), so that replacing the folder deletes it. */
function isWithin(file: string, folder: string): boolean {
  const real = realPath(folder);
  const at = realPath(file);
  return at === real || at.startsWith(real + path.sep);
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Throws UnsafeOutput when writing the file `out` (a PDF, a map) would
 * overwrite one of `inputs`, the files the command read (the deck itself,
 * say), or cannot be done because `out` is a folder.
 */
export function checkOutputFile(out: string, inputs: readonly string[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(out);
  } catch {
    return;
  }
  const shown = JSON.stringify(out);
  if (stat.isDirectory()) throw new UnsafeOutput(`The output ${shown} is a folder: --out names the file to write.`);
  const target = realPath(out);
  if (inputs.some((file) => realPath(file) === target)) {
    throw new UnsafeOutput(`The output ${shown} is a file this command reads: writing over it would destroy it. Name another file with --out.`);
  }
}

/**
 * Says on `err` why writing `command`'s output `out` failed, and gives the
 * exit code: 2 when it was refused (UnsafeOutput), 1 when the system would
 * not have it (a file where a folder must be, no permission, a full disk).
 * Any other error is thrown again: it is deck's own.
 */
export function reportOutputFailureOrThrow(error: unknown, out: string, command: string, err: (text: string) => void): number {
  if (error instanceof UnsafeOutput) {
    err(`error: ${error.message} [${command}/unsafe-output]\n`);
    return 2;
  }
  if (!isWriteError(error, out)) throw error;
  err(`error: Cannot write ${JSON.stringify(out)}: ${WRITE_REASONS[error.code] ?? error.message}. [${command}/cannot-write]\n`);
  return 1;
}

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
  message: string;
}

const WRITE_REASONS: Record<string, string> = {
  EEXIST: 'a part of that path is a file, not a folder',
  ENOTDIR: 'a part of that path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'a name in that path is too long',
  ENOENT: 'it cannot be made there',
};

/** Errors that only writing causes, wherever they happen (a failed write() names no path). */
const WRITING_ONLY = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/**
 * Whether `error` is the system's refusal to write: a full disk, or an
 * error about `out` itself, what is in it, a folder above it, or its
 * staging folder. A copy's failure may be its source's, so only a rename
 * counts by where it goes.
 */
function isWriteError(error: unknown, out: string): error is SystemError {
  if (typeof error !== 'object' || error === null || typeof (error as SystemError).code !== 'string') return false;
  const system = error as SystemError;
  if (WRITING_ONLY.has(system.code)) return true;
  const target = path.resolve(out);
  const staging = path.join(path.dirname(target), stagingPrefix(out));
  const related = (p: string | undefined): boolean => {
    if (typeof p !== 'string') return false;
    const at = path.resolve(p);
    return at === target || target.startsWith(at + path.sep) || at.startsWith(target + path.sep) || at.startsWith(staging);
  };
  return related(system.path) || (system.syscall === 'rename' && related(system.dest));
}
