'use strict';
/**
 * The V8 flags every `deck` process starts with, set by bin/deck.js before
 * deck's code loads, and set back by src/cli/tiering.ts before the code
 * cache is written at exit: V8 refuses cached code made under other flags.
 *
 * Regular expressions compile straight to machine code instead of first to
 * bytecode and again when hot: each of highlight.js's grammars is compiled
 * once per process and used at once, so the second compile was pure cost
 * (about 15 ms of a build with Python code in it).
 *
 * The young generation stays at its first size instead of doubling up to
 * 32 MB: a build's tree outlives it either way, and each fresh page the
 * process touches costs a page fault (12 µs each on the project's virtual
 * machines). Measured: 7,000 fewer faults and 5% less time for 5,000
 * steps, 12% for 1,000, a few milliseconds for the seed deck.
 *
 * On Node 20 (V8 11.3), where it was measured, the optimising compiler
 * starts off: most builds end before optimised code pays for its compile.
 * `deck serve` and large inputs turn it back on (src/cli/tiering.ts).
 */

const TIERED = process.versions.v8.startsWith('11.3.');

const START_FLAGS = `--no-regexp-tier-up --semi-space-growth-factor=1${TIERED ? ' --no-turbofan' : ''}`;

let started = false;

function setStartFlags() {
  require('node:v8').setFlagsFromString(START_FLAGS);
  started = true;
}

/** Whether this process started with the optimising compiler off (bin/deck.js on Node 20). */
function tiered() {
  return started && TIERED;
}

module.exports = { START_FLAGS, setStartFlags, tiered };
