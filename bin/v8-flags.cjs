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
 * The young generation grows as V8 decides. Keeping it at its first
 * size, 1 MB per semi-space (`--semi-space-growth-factor=1`), saved page
 * faults where a fault cost 12 µs, but where one costs 1.4 µs it made
 * 1,000 steps 3%, 5,000 steps 6% and 10,000 steps 11% slower, and the
 * seed deck no faster.
 *
 * On Node 20 (V8 11.3), where it was measured, the optimising compiler
 * starts off: most builds end before optimised code pays for its compile.
 * `deck serve` and large inputs turn it back on (src/cli/tiering.ts).
 */

const TIERED = process.versions.v8.startsWith('11.3.');

const START_FLAGS = `--no-regexp-tier-up${TIERED ? ' --no-turbofan' : ''}`;

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
