#!/usr/bin/env node
import { createRequire } from 'node:module';
import { enableCodeCache } from '../lib/cli/code-cache.js';

enableCodeCache();
const { main } = createRequire(import.meta.url)('../lib/bundle/main.cjs');

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug in deck itself: say so in one line; DECK_DEBUG=1 shows the stack.
  process.stderr.write(`deck: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DECK_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 70;
}
