/**
 * When V8's optimising compiler (TurboFan) runs.
 *
 * On Node 20, bin/deck.js starts every process with it off (see
 * bin/v8-flags.cjs). A build of a deck of a few hundred steps is over
 * before optimised code would pay back its compile: compiling takes the
 * second core from the garbage collector, and each compile's memory is new
 * pages to the process. So it comes back on only for large inputs, and for
 * `deck serve`, which builds again and again in one process.
 *
 * A large build also waits four times longer than V8 would before it
 * optimises a function (`--ticks-before-optimization`), so that only code
 * that stays hot is compiled, and it inlines less into each optimised
 * function (`--max-inlined-bytecode-size-cumulative`, 920 bytes of
 * bytecode by default, 200 here), so that each compile is smaller and done
 * sooner on the core the garbage collector shares.
 *
 * Measured (interleaved runs, separate code caches, medians of 8 to 12):
 * - fewer ticks: 2,500 steps 989 → 899 ms, 5,000 steps 1.44 → 1.33 s;
 * - then less inlining: 5,000 steps 642 → 599 ms, 10,000 steps
 *   1,008 → 939 ms;
 * - with both, against the optimising compiler left off: 500 steps
 *   (62 KB) 162 → 170 ms, 650 steps (80 KB) 191 → 191 ms, 800 steps
 *   (100 KB) 215 → 213 ms, 1,000 steps (125 KB) 245 → 235 ms; hence the
 *   threshold below.
 *
 * The code cache (code-cache.ts) is checked against a hash of V8's flags,
 * both when a file is compiled from it and when it is written at exit: the
 * flags change only once every bundle file the command needs is loaded,
 * and go back to the start-up flags before the cache is written.
 */

import fs from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';

interface StartFlags {
  START_FLAGS: string;
  tiered(): boolean;
}

/** bin/v8-flags.cjs, the module bin/deck.js set the start-up flags with (the same path from src/cli, lib/cli and lib/bundle). */
const startFlags = createRequire(import.meta.url)('../../bin/v8-flags.cjs') as StartFlags;

/** From this much input on, a build runs long enough for optimised code to pay. */
export const LARGE_INPUT_BYTES = 96 * 1024;

/** V8 11's default, which a large build quadruples. */
const DEFAULT_TICKS = 3;

/** V8 11's default inlining budget, and a large build's. */
const DEFAULT_INLINING = 920;
const BUILD_INLINING = 200;

let changed = false;

/** Sets V8 flags for the rest of the process (once), to be undone before the code cache is written. */
function setFlags(flags: string, undo: string): void {
  if (changed || !startFlags.tiered()) return;
  changed = true;
  v8.setFlagsFromString(flags);
  // Before code-cache.ts's own exit listener, which writes the cache.
  process.prependListener('exit', () => v8.setFlagsFromString(`${startFlags.START_FLAGS} ${undo}`));
}

/** Bytes in the files that exist among `files` (others count nothing: the command reports them). */
function inputBytes(files: readonly string[]): number {
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

/** For a command that builds `files` once: the optimising compiler if they are large. */
export function tierForBuild(files: readonly string[]): void {
  if (inputBytes(files) >= LARGE_INPUT_BYTES) {
    setFlags(
      `--turbofan --ticks-before-optimization=${4 * DEFAULT_TICKS} --max-inlined-bytecode-size-cumulative=${BUILD_INLINING}`,
      `--ticks-before-optimization=${DEFAULT_TICKS} --max-inlined-bytecode-size-cumulative=${DEFAULT_INLINING}`,
    );
  }
}

/** For `deck serve`, which runs as long as the speaker rehearses: the optimising compiler. */
export function tierForServing(): void {
  setFlags('--turbofan', '');
}
