/**
 * Files of the packages deck loads at run time (highlight.js, KaTeX),
 * found as Node's own resolution finds a package — in `node_modules`
 * folders from here up — but required by path. Through a package name,
 * Node reads the package's `exports` map, and for that loads its ES module
 * resolver: 3–5 ms of every build with a code block, measured. Where the
 * search finds nothing (Yarn's Plug'n'Play, say), Node resolves the name.
 */

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeRequire = createRequire(import.meta.url);
const folders = new Map<string, string>();

/** The folder of installed package `name`. */
export function packageFolder(name: string): string {
  let folder = folders.get(name);
  if (folder === undefined) {
    folder = search(name) ?? path.dirname(nodeRequire.resolve(`${name}/package.json`));
    folders.set(name, folder);
  }
  return folder;
}

function search(name: string): string | undefined {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
    // As Node does, no node_modules/node_modules.
    const candidate = path.join(dir, 'node_modules', name);
    if (path.basename(dir) !== 'node_modules' && fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `require` of `file` (a path inside package `name`, with its extension). */
export function requirePackageFile(name: string, file: string): unknown {
  return nodeRequire(path.join(packageFolder(name), file));
}
