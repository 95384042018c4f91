#!/usr/bin/env node
// CommonJS (see bin/package.json): an ES module entry point would load
// Node's ES module loader, milliseconds of every start.
'use strict';

// Regular expressions compile straight to machine code instead of first to
// bytecode and again when hot: each of highlight.js's grammars is compiled
// once per process and used at once, so the second compile was pure cost
// (about 15 ms of a build with Python code in it).
require('node:v8').setFlagsFromString('--no-regexp-tier-up');

require('../lib/bundle/code-cache.cjs').enableCodeCache();
const { main } = require('../lib/bundle/main.cjs');

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
