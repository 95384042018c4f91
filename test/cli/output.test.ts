/**
 * What the `deck` command writes to a pipe: everything, in order, however
 * much there is, and nothing alarming when the reader stops early
 * (`deck doctree deck.rst | head`).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

const DECK = path.join(REPO, 'bin', 'deck.js');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs deck with piped output; `stopAfterFirstChunk` closes its standard output as `head` would. */
function runDeck(args: string[], stopAfterFirstChunk = false): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DECK, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stopAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * deck with its standard output on a FIFO whose writing end is
 * non-blocking (O_NONBLOCK), as some shells and process managers leave a
 * pipe. Spawning makes the child's end blocking; its end and ours are one
 * open file, and a socket on ours makes that non-blocking again.
 */
function nonBlockingPipe(args: string[]) {
  const fifo = path.join(tempDir('deck-output-'), 'fifo');
  execFileSync('mkfifo', [fifo]);
  const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const writer = fs.openSync(fifo, fs.constants.O_WRONLY);
  const child = spawn(process.execPath, [DECK, ...args], { stdio: ['ignore', writer, 'pipe'] });
  new net.Socket({ fd: writer, readable: false }).destroy();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const buffer = Buffer.alloc(1 << 16);
  return {
    exited,
    stderr: () => stderr,
    /** The next chunk, or undefined at the end. */
    async read(): Promise<Buffer | undefined> {
      for (;;) {
        try {
          const read = fs.readSync(reader, buffer);
          return read === 0 ? undefined : Buffer.from(buffer.subarray(0, read));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    },
    close: () => fs.closeSync(reader),
  };
}

describe('deck writing to a pipe', () => {
  let deck: string;
  let expected: string;
  beforeAll(async () => {
    // The seed deck ten times over: a doctree over half a megabyte long, many pipe buffers.
    const seed = fs.readFileSync(path.join(REPO, 'slides', 'containers.rst'), 'utf8');
    deck = path.join(tempDir('deck-output-'), 'long.rst');
    fs.writeFileSync(deck, Array.from({ length: 10 }, () => seed).join('\n'));
    let text = '';
    await main(['doctree', deck], { out: (t) => void (text += t), err: () => {} });
    expected = text;
    expect(expected.length).toBeGreaterThan(500_000);
  });

  it('writes the whole document tree, as the command run in-process does', async () => {
    const result = await runDeck(['doctree', deck]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it.runIf(process.platform !== 'win32')('writes everything, in order, to a non-blocking pipe that fills up', async () => {
    const pipe = nonBlockingPipe(['doctree', deck]);
    // Nobody reads at first: the pipe fills, and deck's writes find it full.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    for (let chunk = await pipe.read(); chunk; chunk = await pipe.read()) chunks.push(chunk);
    pipe.close();
    expect(await pipe.exited).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });

  it.runIf(process.platform !== 'win32')('stops quietly when the reader of a non-blocking pipe goes away', async () => {
    const pipe = nonBlockingPipe(['doctree', deck]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pipe.read()).toBeTruthy();
    pipe.close();
    expect(await pipe.exited).toBe(0);
    expect(pipe.stderr()).toBe('');
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const result = await runDeck(['doctree', deck], true);
    expect(result.stdout.length).toBeLessThan(expected.length);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.runIf(process.platform === 'linux')('says so and exits 1 when the output cannot be written (a full disk)', () => {
    const result = spawnSync(process.execPath, [DECK, 'doctree', deck], { stdio: ['ignore', fs.openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^deck: cannot write to standard output: .*ENOSPC/);
  });

  it('writes diagnostics to standard error, in order, with the summary last', async () => {
    const out = path.join(tempDir('deck-output-'), 'dist');
    const result = await runDeck(['build', path.join(REPO, 'slides', 'containers.rst'), '--out', out]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => /: warning: /.test(line)).length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(/^wrote .*index\.html in \d+ ms$/);
  });
});
