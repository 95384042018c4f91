#!/usr/bin/env node
/**
 * Bundles the compiled CLI (lib/cli/main.js and everything it imports,
 * dependencies included) into lib/bundle/, which bin/deck.js runs after
 * installing the code cache (lib/cli/code-cache.js, bundled alongside). One
 * file loads in a fraction of the time of ~200 modules resolved one by
 * one: process start is most of a small build. Subcommands loaded on
 * demand (serve, pdf) become chunks of their own.
 *
 * lib/bundle/ sits two levels below the package root, like every compiled
 * module, so paths computed from import.meta.url (templates, assets) hold.
 * Packages loaded at run time with require() — highlight.js languages,
 * KaTeX, the browser driver — stay outside. The bundle is CommonJS so that
 * Node 20 can compile it from V8's code cache (src/cli/code-cache.ts).
 *
 * The bundle is written without comments and white space, and in ASCII
 * (other characters as \u escapes): V8 then keeps each file as a one-byte
 * string, and a build reads, decodes and holds about a third as many bytes
 * before its first line runs (about 10 ms and 1,000 page faults less for a
 * seed-deck build, measured).
 * Local names are shortened (build.cjs 375 → 298 KB; seed deck median
 * 204 → 197 ms, measured interleaved); function and class names are kept,
 * so a stack trace (DECK_DEBUG=1) still names functions.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

/**
 * commander loads node:child_process at start-up, for subcommands that are
 * programs of their own, which deck has none of; with node:net, which it
 * pulls in, that was about 5 ms of every run. commander gets an object that
 * loads the module when first used instead.
 */
function lazyChildProcess() {
  const id = '\0lazy-child-process';
  return {
    name: 'lazy-child-process',
    resolveId(source, importer) {
      const fromCommander = importer !== undefined && importer.split(/[\\/]/).includes('commander');
      if (source !== 'node:child_process' && source !== 'child_process') return null;
      return fromCommander ? id : { id: 'node:child_process', external: true };
    },
    load(loading) {
      if (loading !== id) return null;
      return 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });';
    },
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The compiled lib/ to bundle (an argument, for a copy compiled elsewhere), and where the bundle goes. */
const lib = path.resolve(process.argv[2] ?? path.join(root, 'lib'));
const outDir = path.join(lib, 'bundle');

await rm(outDir, { recursive: true, force: true });
await build({
  input: { main: path.join(lib, 'cli', 'main.js'), 'code-cache': path.join(lib, 'cli', 'code-cache.js') },
  platform: 'node',
  external: [/^node:(?!child_process$)/, /^highlight\.js(\/|$)/, /^katex(\/|$)/, /^playwright-core(\/|$)/, 'bufferutil', 'utf-8-validate'],
  output: {
    dir: outDir,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name].cjs',
    minify: { compress: false, mangle: { keepNames: true }, codegen: { removeWhitespace: true, asciiOnly: true } },
  },
  plugins: [lazyChildProcess()],
  logLevel: 'warn',
});

// The code cache names its entries by these (src/cli/code-cache.ts).
const hashes = {};
for (const name of (await readdir(outDir)).filter((file) => file.endsWith('.cjs')).sort()) {
  hashes[name] = createHash('sha256').update(await readFile(path.join(outDir, name))).digest('hex').slice(0, 20);
}
await writeFile(path.join(outDir, 'hashes.json'), `${JSON.stringify(hashes, null, 2)}\n`);
