/**
 * `deck serve [FILE...] [--watch] [--port N] [--host H] [--open]`: resolves
 * the options, starts `src/server/server.ts`, and waits for Ctrl-C.
 * Exit codes: 0 stopped, 1 no deck to serve, 2 usage, 3 the port is taken.
 */

import type * as ChildProcess from 'node:child_process';
import type { Command } from 'commander';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tierForServing } from './tiering.js';


export interface ServeCliOptions {
  watch?: boolean;
  port: string;
  host: string;
  open?: boolean;
  template?: string;
  skipNotes?: boolean;
}

/** What the command needs from its caller: output, and (for tests) a way to stop it. */
export interface ServeIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Stops the server as Ctrl-C would. */
  signal?: AbortSignal;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = '8000';

/** Adds the `serve` command to the program; `done` receives its exit code. */
export function registerServe(program: Command, io: ServeIo, done: (code: number) => void): void {
  program
    .command('serve')
    .description('serve decks over HTTP; with --watch, rebuild on every save and reload the browser on the same step')
    .argument('[file...]', 'reStructuredText decks (default: every *.rst in slides/)')
    .option('-w, --watch', 'rebuild and reload the browser when a deck or anything it uses changes')
    .option('-p, --port <n>', 'port, or 0 for any free one', DEFAULT_PORT)
    .option('--host <host>', 'address to listen on; anything but loopback opens the server to the network', DEFAULT_HOST)
    .option('--open', 'open the deck in the default browser')
    .option('-t, --template <dir>', 'template folder (default: templates/default)')
    .option('--skip-notes', 'leave presenter notes out of the pages')
    .action(async (files: string[], opts: ServeCliOptions) => {
      done(await runServe(files, opts, io));
    });
}

/** Without FILE, every `*.rst` in `slides/`. */
function decksToServe(files: string[]): string[] {
  if (files.length > 0) return files;
  const folder = 'slides';
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.rst'))
    .sort()
    .map((name) => path.join(folder, name));
}

function parsePort(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const port = Number(value);
  return port <= 65535 ? port : undefined;
}

export async function runServe(files: string[], opts: ServeCliOptions, io: ServeIo): Promise<number> {
  const port = parsePort(opts.port);
  if (port === undefined) {
    io.err(`error: --port must be a number from 0 to 65535, not "${opts.port}"\n`);
    return 2;
  }
  const decks = decksToServe(files);
  if (decks.length === 0) {
    io.err('error: no deck to serve: name a FILE, or put *.rst files in slides/ [cli/no-decks]\n');
    return 1;
  }
  // node:net (through host-check) loads only when serving: it costs every other command's start.
  const { isLoopback } = await import('../server/host-check.js');
  if (!isLoopback(opts.host)) {
    io.err(`warning: serving on ${opts.host}: other machines on the network can see these decks.\n`);
  }
  // Listening for Ctrl-C before the server starts: from then on it has a
  // work folder in the temp folder, which a signal with no listener yet would
  // leave behind, killing the process; and whoever reads the address may
  // stop the server at once. A stop asked for while starting takes effect
  // once the server is up.
  const stop = stopRequest(io.signal);
  let server;
  try {
    // The server's libraries load only when serving.
    const { startServer } = await import('../server/server.js');
    tierForServing();
    server = await startServer({
      files: decks,
      host: opts.host,
      port,
      watch: opts.watch ?? false,
      ...(opts.template ? { templateDir: opts.template } : {}),
      ...(opts.skipNotes ? { skipNotes: true } : {}),
      log: (line) => io.err(`${line}\n`),
    });
  } catch (error) {
    stop.forget();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      io.err(`error: port ${port} on ${opts.host} is already in use; choose another with --port N, or --port 0 for any free one.\n`);
      return 3;
    }
    io.err(`error: cannot listen on ${opts.host}:${port}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
  io.out(`deck serve: ${server.url}${opts.watch ? ' (watching for changes)' : ''}\n`);
  if (opts.open) openBrowser(server.url);
  await stop.requested;
  await server.close();
  return 0;
}

interface StopRequest {
  /** Resolves on Ctrl-C, SIGTERM or `signal`'s abort. */
  requested: Promise<void>;
  /** Stops listening (the server never started). */
  forget(): void;
}

function stopRequest(signal: AbortSignal | undefined): StopRequest {
  let stop = (): void => {};
  const requested = new Promise<void>((resolve) => {
    stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  return { requested, forget: stop };
}

/**
 * The system's way to open a URL; failing to open one is not an error.
 * node:child_process (with node:net) loads only here: every build would
 * otherwise pay for it at start-up. It is required, not imported: the
 * bundle runs in a vm.Script (the code cache), where import() fails.
 */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this system: the URL is printed anyway.
  }
}
