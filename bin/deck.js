#!/usr/bin/env node
// CommonJS (see bin/package.json): an ES module entry point would load
// Node's ES module loader, milliseconds of every start.
'use strict';

// V8's flags first: they apply to the code compiled after them (see v8-flags.cjs).
require('./v8-flags.cjs').setStartFlags();

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
