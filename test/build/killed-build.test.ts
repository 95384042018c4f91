/**
 * Nothing lost: `deck build` killed with SIGKILL at random moments (while
 * compiling, while writing the staging folder, during the swap) leaves the
 * previous output folder byte for byte as it was, and the staging folders
 * such builds leave behind are removed by the next build.
 *
 * Runs the real CLI (`bin/deck.js`) on a 2,000-step deck made of the seed
 * deck's slides. `bin/deck.js` runs the compiled `lib/`; when `lib/` is
 * older than `src/` (vitest run without `npm run build`), the sources are
 * compiled into a temporary package first.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

const KILLS = 6;
const STEPS = 2000;

function newestMtime(dir: string, extension: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(extension)) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** A folder holding bin/deck.js over a compiled lib/ that matches src/. */
function packageRoot(scratch: string): string {
  const lib = path.join(REPO, 'lib');
  if (fs.existsSync(path.join(lib, 'bundle', 'main.cjs')) && newestMtime(lib, '.cjs') >= newestMtime(path.join(REPO, 'src'), '.ts')) return REPO;
  const root = path.join(scratch, 'package');
  fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
  for (const file of fs.readdirSync(path.join(REPO, 'bin'))) fs.copyFileSync(path.join(REPO, 'bin', file), path.join(root, 'bin', file));
  for (const shared of ['node_modules', 'templates', 'assets', 'package.json']) fs.symlinkSync(path.join(REPO, shared), path.join(root, shared));
  // Its own build info too: tsc compiles incrementally, and the repository's lib/ may be up to date.
  const tscArgs = ['-p', REPO, '--outDir', path.join(root, 'lib'), '--tsBuildInfoFile', path.join(root, 'lib', '.tsbuildinfo')];
  const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), ...tscArgs], { encoding: 'utf8' });
  if (tsc.status !== 0 && !fs.existsSync(path.join(root, 'lib', 'cli', 'main.js'))) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  const bundle = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'bundle.mjs'), path.join(root, 'lib')], { encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`bundling failed:\n${bundle.stdout}${bundle.stderr}`);
  return root;
}

/** The seed deck's steps, repeated (ids made unique) until there are `steps` of them. */
function bigDeck(seed: string, steps: number): string {
  const first = seed.indexOf('\n----\n');
  const [settings, body] = [seed.slice(0, first), seed.slice(first)];
  const perCopy = body.match(/^----\s*$/gm)?.length ?? 1;
  const copies = Array.from({ length: Math.ceil(steps / perCopy) }, (_, n) => body.replace(/^:id: (\S+)/gm, `:id: $1-${n}`));
  return settings + copies.join('');
}

/** Every file under `dir` with its SHA-256. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, absolute)] = crypto.createHash('sha256').update(fs.readFileSync(absolute)).digest('hex');
  }
  return files;
}

function stagingFolders(parent: string): string[] {
  return fs.readdirSync(parent).filter((name) => name.startsWith('.site.staging-'));
}

describe(`deck build killed at random moments (${KILLS} times, ${STEPS} steps)`, () => {
  let scratch: string;
  let root: string;
  let deck: string;
  let out: string;

  function build(killAfterMs?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin', 'deck.js'), 'build', deck, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stderr });
      });
    });
  }

  beforeAll(() => {
    scratch = tempDir('deck-kill-');
    root = packageRoot(scratch);
    const slides = path.join(scratch, 'slides');
    fs.cpSync(path.join(REPO, 'slides'), slides, { recursive: true });
    deck = path.join(slides, 'big.rst');
    fs.writeFileSync(deck, bigDeck(fs.readFileSync(path.join(REPO, 'slides', 'containers.rst'), 'utf8'), STEPS));
    out = path.join(scratch, 'site');
  }, 120_000);

  it('keeps the previous output intact, and the next build cleans up and succeeds', async () => {
    const started = performance.now();
    const first = await build();
    const fullBuildMs = performance.now() - started;
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('index.html');
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8').match(/<div [^>]*class="step[ "]/g)?.length).toBeGreaterThanOrEqual(STEPS);

    const killedAt: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Spread over the whole build: startup, compile, copying, the swap.
      const delay = Math.round(((i + Math.random()) / KILLS) * fullBuildMs * 1.1);
      killedAt.push(delay);
      const result = await build(delay);
      const context = `killed after ${delay} ms (full build ${Math.round(fullBuildMs)} ms); kills so far: ${killedAt.join(', ')}`;
      expect(result.code === 0 || result.signal === 'SIGKILL', `${context}\n${result.stderr}`).toBe(true);
      expect(snapshot(out), context).toEqual(before);
      // Each killed build leaves at most its own staging folder (and the swap's .old): they do not pile up.
      expect(stagingFolders(scratch).length, context).toBeLessThanOrEqual(2);
    }

    const last = await build();
    expect(last.code, last.stderr).toBe(0);
    expect(snapshot(out)).toEqual(before);
    expect(stagingFolders(scratch)).toEqual([]);
  }, 180_000);
});
