/**
 * V8 code cache for the CLI's own JavaScript.
 *
 * A small build spends more time compiling deck's code than running it, and
 * does that again in every process. With the cache, the bundled CLI, and the
 * highlight.js and KaTeX modules it loads, are compiled from V8's code cache
 * (what Node 22's `module.enableCompileCache()` does; this is the Node 20
 * equivalent, and Node 22 gets its own). The first run writes the cache, with
 * every function that run compiled; later runs start from it.
 *
 * The cache lives in `$DECK_CACHE_DIR`, else `$XDG_CACHE_HOME/deck`, else
 * `~/.cache/deck`; `DECK_CODE_CACHE=0` turns it off. Entries are named by
 * file, size, modification time and Node version, and V8 refuses data made
 * for other code or flags, so a stale entry is never used: it is replaced. A
 * cache that cannot be read or written is skipped without a word: it only
 * ever saves time.
 */

import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
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

/** Where the cache lives, or undefined when it is turned off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DECK_CODE_CACHE === '0') return undefined;
  if (env.DECK_CACHE_DIR) return env.DECK_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'deck');
}

/**
 * Compiles every CommonJS file this process loads from now on through the
 * code cache. Returns false when the cache is off or its folder cannot be made.
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
  const pending: Pending[] = [];
  const prototype = (Module as unknown as { prototype: { _compile: CompileFunction } }).prototype;
  const original = prototype._compile;
  prototype._compile = function compileWithCache(content, filename) {
    if (!path.isAbsolute(filename)) return original.call(this, content, filename);
    return runCached(this, content, filename, folder, pending);
  };
  process.once('exit', () => writePending(pending));
  return true;
}

/** What Node's `Module#_compile` does, with the compiled wrapper taken from (and later given to) the cache. */
function runCached(module: CompilingModule, content: string, filename: string, folder: string, pending: Pending[]): unknown {
  const file = cacheFile(folder, filename);
  const cachedData = readIfPresent(file);
  const script = new vm.Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) pending.push({ script, file, prefix: entryPrefix(filename) });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const require = Module.createRequire(filename);
  return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}

/** The entry for `filename` as it is now: its name, then its path's tag, then its size and modification time. */
function cacheFile(folder: string, filename: string): string {
  const stat = fs.statSync(filename);
  return path.join(folder, `${entryPrefix(filename)}${stat.size}-${Math.round(stat.mtimeMs)}.bin`);
}

function entryPrefix(filename: string): string {
  return `${path.basename(filename)}-${hash(filename)}-`;
}

/** A short, stable tag for a path (FNV-1a), so files of the same name in different folders do not share an entry. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value.toString(36);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes each new entry, with every function compiled so far, through a
 * temporary file and a rename, and drops the entries of earlier versions
 * of the same files.
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
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, file);
      for (const old of existing) {
        if (old.startsWith(prefix) && old.endsWith('.bin') && old !== path.basename(file)) fs.rmSync(path.join(folder, old), { force: true });
      }
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}
