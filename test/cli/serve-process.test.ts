/**
 * `deck serve` as a process, the way people start it: it opens the browser
 * with --open, and never stops serving because nobody reads what it logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';
import { stopProcess } from './stop-process.js';

const DECK = path.join(REPO, 'bin', 'deck.js');
const running: ChildProcess[] = [];

// Before the test's temporary folders go: a server may still be serving from one.
afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => stopProcess(child)));
});

function tmp(): string {
  return tempDir('deck-serve-process-');
}

/** Starts deck serve; resolves with its URL, read from standard output only. */
function serve(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const child = spawn(process.execPath, [DECK, 'serve', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /http:\/\/\S+/.exec(out);
      if (url) resolve(url[0]);
    });
    child.on('exit', (code) => reject(new Error(`deck serve exited with ${code}`)));
  });
}

async function waitFor(file: string, ms: number): Promise<string | undefined> {
  for (let waited = 0; waited < ms; waited += 50) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8')) return fs.readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

describe('deck serve, as a process', () => {
  it.runIf(process.platform === 'linux')('opens the deck in the browser with --open', async () => {
    const bin = tmp();
    const opened = path.join(bin, 'opened');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${opened}"\n`, { mode: 0o755 });
    const url = await serve([path.join(REPO, 'slides', 'containers.rst'), '--open'], { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    expect(await waitFor(opened, 10_000)).toBe(`${url}\n`);
  });

  it('keeps serving while nobody reads its log', async () => {
    // About 300 kB of diagnostics, far more than a pipe holds.
    const dir = tmp();
    const lines = ['Title', '=====', ''];
    for (let i = 0; i < 2000; i++) lines.push(`.. no-such-directive-${i}::`, '');
    fs.writeFileSync(path.join(dir, 'noisy.rst'), lines.join('\n'));
    const url = await serve([path.join(dir, 'noisy.rst')]);
    const response = await fetch(url);
    expect(response.status).toBe(200);
  });

  it('stops cleanly, exit code 0, when interrupted the moment it prints its address', async () => {
    // A signal that comes before deck listens for it would kill the process instead.
    for (let i = 0; i < 5; i++) {
      const child = spawn(process.execPath, [DECK, 'serve', '--port', '0', path.join(REPO, 'slides', 'containers.rst')], { stdio: ['ignore', 'pipe', 'ignore'] });
      running.push(child);
      const exit = await new Promise<[number | null, string | null]>((resolve) => {
        let out = '';
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          if (/http:\/\//.test(out)) child.kill('SIGINT');
        });
        child.on('exit', (code, signal) => resolve([code, signal]));
      });
      expect(exit).toEqual([0, null]);
    }
  });

  it('stopped while it starts, it still exits with 0 and leaves no work folder in the temp folder', async () => {
    // A temp folder of the server's own, watched for its work folder to appear;
    // a deck large enough that its first build takes a while.
    const temp = tmp();
    const deck = path.join(tmp(), 'large.rst');
    fs.writeFileSync(deck, fs.readFileSync(path.join(REPO, 'slides', 'containers.rst'), 'utf8').repeat(10));
    const child = spawn(process.execPath, [DECK, 'serve', '--port', '0', deck], {
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    running.push(child);
    let printed = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    const exit = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    while (fs.readdirSync(temp).length === 0 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 1));
    // Its first build is still to come: it has not printed its address yet.
    expect(printed).toBe('');
    child.kill('SIGTERM');
    expect(await exit).toEqual([0, null]);
    expect(fs.readdirSync(temp)).toEqual([]);
  });
});
