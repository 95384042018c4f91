/**
 * When V8's optimising compiler (TurboFan) runs.
 *
 * bin/deck.js starts every process with it off. A build of a deck of a few
 * hundred steps is over before optimised code would pay back its compile:
 * compiling takes the second core from the garbage collector, and each
 * compile's memory is new pages to the process. Measured with separate code
 * caches, interleaved runs: the seed deck (10 KB) 241 → 210 ms, 1,000 steps
 * (125 KB) 594 → 492 ms; 5,000 steps (620 KB) 1.46 → 1.84 s the other way.
 * So it comes back on for large inputs, and for `deck serve`, which builds
 * again and again in one process.
 *
 * A large build also waits four times longer than V8 would before it
 * optimises a function (`--ticks-before-optimization`), so that only code
 * that stays hot is compiled: 2,500 steps 989 → 899 ms, 5,000 steps
 * 1.44 → 1.33 s. That flag is V8 11's (Node 20); elsewhere V8 would
 * print an error for a flag it does not know, so it is left alone there.
 */

import fs from 'node:fs';
import v8 from 'node:v8';

/** From this much input on, a build runs long enough for optimised code to pay. */
export const LARGE_INPUT_BYTES = 256 * 1024;

/** V8 11's default, which a large build quadruples. */
const DEFAULT_TICKS = 3;
const HAS_TICKS_FLAG = process.versions.v8.startsWith('11.');

let changed = false;

/**
 * Sets V8 flags for the rest of the process (once). The code cache written
 * at exit must carry the flags a process starts with, or V8 refuses it at
 * the next start (it checks a hash of them): they are set back first.
 */
function setFlags(flags: string, startFlags: string): void {
  if (changed) return;
  changed = true;
  v8.setFlagsFromString(flags);
  process.prependListener('exit', () => v8.setFlagsFromString(startFlags));
}

/** Bytes in the files that exist among `files` (others count nothing: the command reports them). */
export function inputBytes(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += fs.statSync(file).size;
    } catch {
      // Missing or unreadable: the command says so.
    }
  }
  return total;
}

/** Before a command: the optimising compiler for `deck serve` and for large inputs. */
export function tierFor(command: string, files: readonly string[]): void {
  if (command === 'serve') setFlags('--opt', '--no-opt');
  else if (inputBytes(files) < LARGE_INPUT_BYTES) return;
  else if (HAS_TICKS_FLAG) setFlags(`--opt --ticks-before-optimization=${4 * DEFAULT_TICKS}`, `--no-opt --ticks-before-optimization=${DEFAULT_TICKS}`);
  else setFlags('--opt', '--no-opt');
}
