/** Shared set-up for the server tests: a private copy of slides/, and `deck serve` run in-process. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir, whenDone } from '../cleanup.js';

export const SEED = 'containers.rst';

/** A temporary folder holding a copy of the repository's slides/. */
export function copySlides(): { dir: string; deck: string } {
  const dir = tempDir('deck-serve-test-');
  fs.cpSync(path.join(REPO, 'slides'), path.join(dir, 'slides'), { recursive: true });
  return { dir, deck: path.join(dir, 'slides', SEED) };
}

export interface RunningServe {
  url: string;
  out: string[];
  err: string[];
  /** Stops the server as Ctrl-C would and resolves to the exit code. */
  stop(): Promise<number>;
}

/** Runs `deck serve ARGS` through `main`, resolving once it prints its URL. */
export async function runServe(args: string[]): Promise<RunningServe> {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let announce: (url: string) => void = () => {};
  const started = new Promise<string>((resolve) => (announce = resolve));
  const io = {
    out: (text: string) => {
      out.push(text);
      const url = /http:\/\/\S+\//.exec(text);
      if (url) announce(url[0]);
    },
    err: (text: string) => err.push(text),
    signal: controller.signal,
  };
  const exit = main(['serve', ...args], io);
  const url = await Promise.race([started, exit.then((code) => Promise.reject(new Error(`deck serve exited with ${code}: ${err.join('')}`)))]);
  const stop = async () => {
    controller.abort();
    return exit;
  };
  // Also when a test fails before stopping it: the server's own work folder
  // goes when it stops, and the deck's folder only after that.
  whenDone(stop);
  return { url, out, err, stop };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET with the path and headers exactly as given (fetch would normalise `..` away). */
export function rawGet(url: string, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, headers, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `ms`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
