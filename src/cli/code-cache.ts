/**
 * V8 code cache for the CLI's own JavaScript.
 *
 * A small build spends more time compiling deck's code than running it, and
 * does that again in every process. With the cache, the bundled CLI
 * (lib/bundle/*.cjs) is compiled from V8's code cache (what Node 22's
 * `module.enableCompileCache()` does, which Node 22 uses instead). The
 * first run writes the cache, with every function that run compiled; later
 * runs start from it.
 *
 * V8 only checks that cached code was made from a source of the same
 * length, so each entry is named by a hash of the file's content, written
 * by the bundler into `hashes.json` beside the bundle; files not listed
 * there are compiled as usual. Entries live in `$DECK_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/deck`, else `~/.cache/deck`, in a folder per Node version;
 * `DECK_CODE_CACHE=0` turns the cache off. A cache that cannot be read or
 * written is skipped without a word: it only ever saves time.
 */

import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface Pending {
  script: vm.Script;
  /** The entry to write. */
  file: string;
  /** Entries for earlier versions of the same file start with this. */
  prefix: string;
}

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
}

type CompileFunction = (this: CompilingModule, content: string, filename: string) => unknown;

/** Where the cache lives, or undefined when it is turned off or there is nowhere to put it. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DECK_CODE_CACHE === '0') return undefined;
  if (env.DECK_CACHE_DIR) return path.resolve(env.DECK_CACHE_DIR);
  // The XDG spec says a relative value is to be ignored.
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'deck');
  try {
    const home = os.homedir();
    return home ? path.join(home, '.cache', 'deck') : undefined;
  } catch {
    // No home directory (no HOME, no passwd entry): no cache.
    return undefined;
  }
}

/** The bundle's files and their content hashes, written by scripts/bundle.mjs next to this module. */
function bundleHashes(): Map<string, string> {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const listed = JSON.parse(fs.readFileSync(path.join(here, 'hashes.json'), 'utf8')) as Record<string, string>;
    return new Map(Object.entries(listed).map(([name, hash]) => [path.join(here, name), `${name}-${hash}`]));
  } catch {
    return new Map();
  }
}

/**
 * Compiles the bundle's files through the code cache from now on (every
 * CommonJS file on Node 22). Returns false when the cache is off or its
 * folder cannot be made.
 */
export function enableCodeCache(dir = codeCacheDir()): boolean {
  if (dir === undefined) return false;
  const folder = path.join(dir, `v8-${process.version}-${process.arch}`);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch {
    return false;
  }
  const builtIn = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (builtIn) {
    builtIn(folder);
    return true;
  }
  const entries = bundleHashes();
  if (entries.size === 0) return false;
  const pending: Pending[] = [];
  const prototype = (Module as unknown as { prototype: { _compile: CompileFunction } }).prototype;
  const original = prototype._compile;
  prototype._compile = function compileWithCache(content, filename) {
    const entry = entries.get(filename);
    if (entry === undefined) return original.call(this, content, filename);
    return runCached(this, content, filename, path.join(folder, `${entry}.bin`), pending);
  };
  process.once('exit', () => writePending(pending));
  return true;
}

/** What Node's `Module#_compile` does for the bundle's files, with the compiled wrapper taken from (and later given to) the cache. */
function runCached(module: CompilingModule, content: string, filename: string, file: string, pending: Pending[]): unknown {
  const cachedData = readIfPresent(file);
  const script = new vm.Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) pending.push({ script, file, prefix: `${path.basename(filename)}-` });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const require = Module.createRequire(filename);
  return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Entries kept per file: this version's and the most recently written
 * others'. Two installations of different versions on one machine (a
 * global deck and a project's own, say) each keep theirs instead of
 * deleting the other's at every run; versions long replaced are dropped.
 */
const VERSIONS_KEPT = 3;

/**
 * Writes each new entry, with every function compiled so far, through a
 * temporary file and a rename, and drops the oldest entries of other
 * versions of the same files beyond VERSIONS_KEPT.
 */
function writePending(pending: Pending[]): void {
  if (pending.length === 0) return;
  const folder = path.dirname(pending[0]!.file);
  let existing: string[] = [];
  try {
    existing = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const { script, file, prefix } of pending) {
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, file);
      const others = existing.filter((name) => name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(file));
      for (const old of oldestFirst(folder, others).slice(0, Math.max(0, others.length - (VERSIONS_KEPT - 1)))) {
        fs.rmSync(path.join(folder, old), { force: true });
      }
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}

/** `names` (files in `folder`) from the least to the most recently written; vanished ones first. */
function oldestFirst(folder: string, names: string[]): string[] {
  const written = (name: string): number => {
    try {
      return fs.statSync(path.join(folder, name)).mtimeMs;
    } catch {
      return -Infinity;
    }
  };
  return names.map((name) => ({ name, at: written(name) })).sort((a, b) => a.at - b.at).map(({ name }) => name);
}
