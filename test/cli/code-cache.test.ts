/**
 * The V8 code cache the `deck` command starts from: written by the first
 * run, used by the next, and never a reason for a build to fail or differ.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir } from '../../src/cli/code-cache.js';
import { LARGE_INPUT_BYTES } from '../../src/cli/tiering.js';
import { REPO } from '../shared.js';
import { tempDir, whenDone } from '../cleanup.js';
import { stopProcess } from './stop-process.js';

const DECK = path.join(REPO, 'bin', 'deck.js');
const SEED = path.join(REPO, 'slides', 'containers.rst');

function tmp(): string {
  return tempDir('deck-cache-test-');
}

/** Builds the seed deck (or `deck`) in a new process with `env`; the page it wrote. */
function build(env: NodeJS.ProcessEnv, deck = SEED): string {
  const out = path.join(tmp(), 'dist');
  execFileSync(process.execPath, [DECK, 'build', deck, '--out', out], { env: { ...process.env, ...env }, stdio: 'pipe' });
  return fs.readFileSync(path.join(out, 'index.html'), 'utf8');
}

/** Runs `deck serve` on the seed deck with `env` until it serves, then stops it as Ctrl-C does. */
function serveOnce(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [DECK, 'serve', '--port', '0', SEED], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  // Should the test end first (a timeout), the server is not left running.
  whenDone(() => stopProcess(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (/http:\/\//.test(out)) child.kill('SIGINT');
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`deck serve exited with ${code}`))));
  });
}

function entries(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.bin'));
}

describe('code cache', () => {
  it('the first build writes it, the second uses it, and both pages are identical', () => {
    const dir = tmp();
    const first = build({ DECK_CACHE_DIR: dir });
    const written = entries(dir);
    expect(written.some((name) => name.includes('build.cjs'))).toBe(true);
    const stamps = written.map((name) => fs.statSync(path.join(dir, name)).mtimeMs);
    expect(build({ DECK_CACHE_DIR: dir })).toBe(first);
    expect(entries(dir)).toEqual(written);
    expect(written.map((name) => fs.statSync(path.join(dir, name)).mtimeMs)).toEqual(stamps);
  });

  it('a large deck, built with the optimising compiler on, writes entries that the build of a small deck uses as they are', () => {
    const dir = tmp();
    // Beside the seed's pictures, so that the build succeeds.
    const folder = tmp();
    fs.cpSync(path.dirname(SEED), folder, { recursive: true });
    const large = path.join(folder, 'large.rst');
    const seed = fs.readFileSync(SEED, 'utf8');
    fs.writeFileSync(large, seed.repeat(Math.ceil(LARGE_INPUT_BYTES / seed.length) + 1));
    build({ DECK_CACHE_DIR: dir }, large);
    const written = entries(dir);
    const stamps = written.map((name) => fs.statSync(path.join(dir, name)).mtimeMs);
    build({ DECK_CACHE_DIR: dir });
    // V8 refuses an entry made under other flags, and the build would write it again.
    expect(entries(dir)).toEqual(written);
    expect(written.map((name) => fs.statSync(path.join(dir, name)).mtimeMs)).toEqual(stamps);
  });

  it('deck serve, which turns the optimising compiler on, uses the entries of the server code it loads', async () => {
    const dir = tmp();
    await serveOnce({ DECK_CACHE_DIR: dir });
    const server = entries(dir).find((name) => name.includes('server.cjs'));
    expect(server).toBeDefined();
    const stamp = fs.statSync(path.join(dir, server!)).mtimeMs;
    await serveOnce({ DECK_CACHE_DIR: dir });
    // Refused (compiled under other flags), it would be written again.
    expect(fs.statSync(path.join(dir, server!)).mtimeMs).toBe(stamp);
  });

  it('a damaged entry is ignored and rewritten', () => {
    const dir = tmp();
    const first = build({ DECK_CACHE_DIR: dir });
    const entry = path.join(dir, entries(dir).find((name) => name.includes('build.cjs'))!);
    fs.writeFileSync(entry, 'not a code cache');
    expect(build({ DECK_CACHE_DIR: dir })).toBe(first);
    expect(fs.statSync(entry).size).toBeGreaterThan(1000);
  });

  it('keeps the entries of two other versions, so two installations do not undo each other, and drops older ones', () => {
    const dir = tmp();
    build({ DECK_CACHE_DIR: dir });
    const folder = path.dirname(path.join(dir, entries(dir).find((name) => name.includes('build.cjs'))!));
    const current = fs.readdirSync(folder).find((name) => name.startsWith('build.cjs-'))!;
    // Other versions' entries, oldest first, and this version's entry gone (as after an upgrade).
    const others = ['build.cjs-0000000000000000000a.bin', 'build.cjs-0000000000000000000b.bin', 'build.cjs-0000000000000000000c.bin'];
    others.forEach((name, i) => {
      fs.writeFileSync(path.join(folder, name), 'another version');
      const at = new Date(Date.now() - (others.length - i) * 60_000);
      fs.utimesSync(path.join(folder, name), at, at);
    });
    fs.rmSync(path.join(folder, current));
    build({ DECK_CACHE_DIR: dir });
    const kept = fs.readdirSync(folder).filter((name) => name.startsWith('build.cjs-')).sort();
    expect(kept).toEqual([others[1], others[2], current].sort());
  });

  it('an unusable cache folder, or DECK_CODE_CACHE=0, only means no cache', () => {
    const blocker = path.join(tmp(), 'a-file');
    fs.writeFileSync(blocker, '');
    const reference = build({ DECK_CODE_CACHE: '0', DECK_CACHE_DIR: path.join(blocker, 'sub') });
    expect(build({ DECK_CACHE_DIR: path.join(blocker, 'sub') })).toBe(reference);
    const dir = tmp();
    build({ DECK_CODE_CACHE: '0', DECK_CACHE_DIR: dir });
    expect(entries(dir)).toEqual([]);
  });

  it('lives where the environment says, ignoring a relative XDG_CACHE_HOME as the XDG spec asks', () => {
    expect(codeCacheDir({ DECK_CODE_CACHE: '0', DECK_CACHE_DIR: '/x' })).toBeUndefined();
    expect(codeCacheDir({ DECK_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(codeCacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe(path.join('/var/cache/me', 'deck'));
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative/dir' })).toBe(path.join(os.homedir(), '.cache', 'deck'));
  });

  it('names entries by the content hashes the bundler wrote', () => {
    const dir = tmp();
    build({ DECK_CACHE_DIR: dir });
    const hashes = JSON.parse(fs.readFileSync(path.join(REPO, 'lib', 'bundle', 'hashes.json'), 'utf8')) as Record<string, string>;
    const names = entries(dir).map((name) => path.basename(name));
    expect(names).toContain(`build.cjs-${hashes['build.cjs']}.bin`);
    expect(names.every((name) => Object.entries(hashes).some(([file, hash]) => name === `${file}-${hash}.bin`))).toBe(true);
  });
});
