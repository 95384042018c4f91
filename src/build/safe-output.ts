/**
 * Which output folders a build may replace.
 *
 * A build swaps its output folder in whole (output.ts): whatever was in it
 * goes. That is right for the folder of a previous build, and a disaster
 * for any other: `--out .` next to the deck would delete the deck and
 * everything beside it. So a build writes only where nothing is yet, into
 * an empty folder, or over a folder that holds what deck writes and
 * nothing that is plainly the author's own.
 */

import fs from 'node:fs';
import path from 'node:path';
import { RUNTIME_FOLDER } from '../emit/runtime.js';

/** A build that would delete something its author has; its message says what, and what to do. */
export class UnsafeOutput extends Error {}

export interface OutputFailure {
  /** What the command prints. */
  line: string;
  exit: number;
}

/**
 * What `command` prints, and its exit code, when writing its output `out`
 * failed: refused (UnsafeOutput, 2), or the system would not have it (a
 * file where a folder must be, no permission, a full disk: 1). Any other
 * error is thrown again.
 */
export function outputFailure(error: unknown, out: string, command: string): OutputFailure {
  if (error instanceof UnsafeOutput) return { line: `error: ${error.message} [${command}/unsafe-output]\n`, exit: 2 };
  if (!isWriteError(error, out)) throw error;
  return { line: `error: Cannot write ${JSON.stringify(out)}: ${WRITE_REASONS[error.code] ?? error.message}. [${command}/cannot-write]\n`, exit: 1 };
}

interface SystemError {
  code: string;
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

/** Whether `error` is the system's refusal of a path on the way to `out`, `out` itself, what is in it, or its staging folder. */
function isWriteError(error: unknown, out: string): error is SystemError {
  if (typeof error !== 'object' || error === null || typeof (error as SystemError).code !== 'string') return false;
  const target = path.resolve(out);
  const staging = `.${path.basename(target)}.staging-`;
  const related = (p: string | undefined): boolean => {
    if (typeof p !== 'string') return false;
    const at = path.resolve(p);
    return at === target || target.startsWith(at + path.sep) || at.startsWith(target + path.sep) || path.basename(at).startsWith(staging) || at.includes(`${path.sep}${staging}`);
  };
  return related((error as SystemError).path) || related((error as SystemError).dest);
}

/** What every build leaves at the top of its output, to know the folder for its own next time. */
const MARKER = '.deck-output';
const MARKER_TEXT = 'Written by deck build, which replaces this folder as a whole on every build.\n';

/** The runtime file every build wrote before it left a marker (with the page beside it). */
const RUNTIME_SCRIPT = path.join(RUNTIME_FOLDER, 'runtime.js');

/** Marks `folder`, a build's output about to be swapped in, as deck's own. */
export function markOutput(folder: string): void {
  fs.writeFileSync(path.join(folder, MARKER), MARKER_TEXT);
}

const CHOOSE = 'Choose a new or empty folder with --out (the default is dist).';

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
  if (!stat.isDirectory()) {
    throw new UnsafeOutput(`The output ${shown} is a file: a build puts a folder in its place, and would delete it. ${CHOOSE}`);
  }
  const deck = decks.find((file) => isWithin(file, target));
  if (deck !== undefined) {
    throw new UnsafeOutput(`The output folder ${shown} holds ${deck}, which this build reads: a build replaces its whole output folder, and would delete it. ${CHOOSE}`);
  }
  const entries = fs.readdirSync(target);
  if (entries.includes('.git')) {
    throw new UnsafeOutput(`The output folder ${shown} holds a Git repository (.git): a build replaces its whole output folder, and would delete it. ${CHOOSE}`);
  }
  if (entries.length > 0 && !isBuildOutput(target, entries)) {
    const named = entries.slice(0, 3).map((name) => JSON.stringify(name)).join(', ');
    throw new UnsafeOutput(
      `The output folder ${shown} holds files that no deck build wrote (${named}${entries.length > 3 ? ', …' : ''}): a build replaces its whole output folder, and would delete them. ${CHOOSE}`,
    );
  }
}

/** Whether `file` is inside `folder` (also through links), so that replacing the folder deletes it. */
function isWithin(file: string, folder: string): boolean {
  return realPath(file).startsWith(realPath(folder) + path.sep);
}

/**
 * A build's output: marked, or written before builds left a marker, of one
 * deck (its page and deck's runtime at the top) or of several (a folder each).
 */
function isBuildOutput(folder: string, entries: string[]): boolean {
  if (entries.includes(MARKER)) return true;
  const oneDeck = (dir: string): boolean => fs.existsSync(path.join(dir, 'index.html')) && fs.existsSync(path.join(dir, RUNTIME_SCRIPT));
  return oneDeck(folder) || entries.every((name) => oneDeck(path.join(folder, name)));
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
  const input = inputs.find((file) => realPath(file) === target);
  if (input !== undefined) throw new UnsafeOutput(`The output ${shown} is a file this command reads: writing over it would destroy it. Name another file with --out.`);
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
