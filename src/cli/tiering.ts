/**
 * When V8's optimising compiler (TurboFan) runs.
 *
 * bin/deck.js starts every process with it off. A build of a deck of a few
 * hundred steps is over before optimised code would pay back its compile:
 * compiling takes the second core from the garbage collector, and each
 * compile's memory is new pages to the process. Measured with separate code
 * caches, interleaved runs: the seed deck (10 KB) 241 → 210 ms, 1,000 steps
 * (125 KB) 594 → 492 ms; even at 2,500 steps (310 KB), but 5,000 steps
 * (620 KB) 1.46 → 1.84 s without it. So it comes back on for large inputs,
 * and for `deck serve`, which builds again and again in one process.
 */

import fs from 'node:fs';
import v8 from 'node:v8';

/** From this much input on, a build runs long enough for optimised code to pay. */
export const LARGE_INPUT_BYTES = 256 * 1024;

let optimising = false;

/** Turns the optimising compiler back on (once). */
export function allowOptimisation(): void {
  if (optimising) return;
  optimising = true;
  v8.setFlagsFromString('--opt');
  // The code cache written at exit must carry the flags a process starts
  // with, or V8 refuses it at the next start (it checks a hash of them).
  process.prependListener('exit', () => v8.setFlagsFromString('--no-opt'));
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
  if (command === 'serve' || inputBytes(files) >= LARGE_INPUT_BYTES) allowOptimisation();
}
