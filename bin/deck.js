#!/usr/bin/env node
// CommonJS (see bin/package.json): an ES module entry point would load
// Node's ES module loader, milliseconds of every start.
'use strict';

// Regular expressions compile straight to machine code instead of first to
// bytecode and again when hot: each of highlight.js's grammars is compiled
// once per process and used at once, so the second compile was pure cost
// (about 15 ms of a build with Python code in it).
//
// The young generation stays at its first size instead of doubling up to
// 32 MB: a build's tree outlives it either way, and each fresh page the
// process touches costs a page fault (12 µs each on the project's virtual
// machines). Measured: 7,000 fewer faults and 5% less time for 5,000
// steps, 12% for 1,000, a few milliseconds for the seed deck.
//
// The optimising compiler starts off: most builds end before optimised code
// pays for its compile. `deck serve` and large inputs turn it back on (see
// src/cli/tiering.ts).
require('node:v8').setFlagsFromString('--no-regexp-tier-up --semi-space-growth-factor=1 --no-opt');

/**
 * Whether lib/ was compiled after the bundle was made (`tsc` or `tsc --watch`
 * alone, without `npm run build`): the bundle would run the previous code.
 * tsc rewrites lib/.tsbuildinfo whenever it emits.
 */
function bundleIsStale() {
  const fs = require('node:fs');
  const path = require('node:path');
  try {
    const compiled = fs.statSync(path.join(__dirname, '..', 'lib', '.tsbuildinfo')).mtimeMs;
    return compiled > fs.statSync(path.join(__dirname, '..', 'lib', 'bundle', 'hashes.json')).mtimeMs;
  } catch {
    return false;
  }
}

function run(main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // A bug in deck itself: say so in one line; DECK_DEBUG=1 shows the stack.
      process.stderr.write(`deck: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.DECK_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
      process.exitCode = 70;
    },
  );
}

if (bundleIsStale()) {
  process.stderr.write('deck: lib/bundle/ is older than lib/ (compiled with tsc alone?), so lib/ runs instead, more slowly; `npm run build` updates both.\n');
  import('../lib/cli/main.js').then(({ main }) => run(main));
} else {
  require('../lib/bundle/code-cache.cjs').enableCodeCache();
  run(require('../lib/bundle/main.cjs').main);
}
