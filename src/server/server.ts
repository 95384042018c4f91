/**
 * `deck serve`: an HTTP server for the built decks, and with `watch` a
 * rebuild on every change to what they depend on, announced to open pages
 * over the live-reload channel. This is an edge of the program: it owns
 * the network, the file watcher and a temporary work folder, which it
 * removes on close.
 */

import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../build/build.js';
import { createCoalescer } from './coalesce.js';
import { createHostPolicy, isAllowedHost, type HostPolicy } from './host-check.js';
import { attachLiveReload } from './live-reload.js';
import { toOverlayError } from './overlay-errors.js';
import { createReporter } from './report.js';
import { CLIENT_PATH, type ServerMessage } from './protocol.js';
import { createSite, type Site } from './site.js';
import { notFound } from './static-site.js';
import { createDependencyWatcher } from './watch.js';

export interface ServeOptions {
  files: string[];
  host: string;
  /** 0 picks a free port. */
  port: number;
  watch: boolean;
  templateDir?: string;
  skipNotes?: boolean;
  /** Quiet time that ends a burst of file events; see coalesce.ts. */
  quietMs?: number;
  /** One line for the terminal. */
  log: (line: string) => void;
}

export interface DeckServer {
  url: string;
  port: number;
  /** Builds so far (the first included). */
  builds(): number;
  /** Files being watched. */
  watched(): string[];
  /** Resolves once pending rebuilds are done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** How long chokidar may take to start watching a path added to it. */
const NEW_WATCH_SETTLE_MS = 150;

export const CLIENT_FILE = path.join(PACKAGE_ROOT, 'assets', 'live-reload.js');

/** Starts serving; rejects with the listen error (e.g. code EADDRINUSE) when the port is taken. */
export async function startServer(options: ServeOptions): Promise<DeckServer> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-serve-'));
  const site = createSite({ files: options.files, workDir, ...optional(options) });
  const policy = createHostPolicy(options.host);
  const server = http.createServer((req, res) => handleRequest(req, res, site, policy));
  const connections = trackConnections(server);
  const channel = attachLiveReload(server, policy, () => greeting(site));
  try {
    // Before the first build, so that a busy port is reported at once.
    await listen(server, options.port, options.host);
  } catch (error) {
    channel.close();
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const reporter = createReporter(options.log, channel);
  reporter.report(site.rebuild());

  const rebuilds = createCoalescer(
    () => {
      try {
        const attempt = site.rebuild();
        // chokidar needs a moment to watch new paths; a file created in
        // between (say, a new include) is caught by comparing stamps then.
        if (watcher && watcher.update(attempt.dependencies) > 0) setTimeout(() => rebuilds.trigger(), NEW_WATCH_SETTLE_MS);
        reporter.report(attempt);
      } catch (error) {
        // Our own bug; the server stays up for the next save.
        options.log(`deck: internal error while rebuilding: ${error instanceof Error ? error.stack : String(error)}`);
      }
    },
    { quietMs: options.quietMs ?? 20, maxWaitMs: 250, changed: () => site.changed() },
  );
  const watcher = options.watch
    ? await createDependencyWatcher(site.latest()?.dependencies ?? [], {
        touched: () => rebuilds.trigger(),
        error: (error) => options.log(`watch error: ${error instanceof Error ? error.message : String(error)}`),
      })
    : undefined;

  const port = (server.address() as { port: number }).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    builds: () => reporter.count(),
    watched: () => watcher?.watched() ?? [],
    settled: () => rebuilds.idle(),
    async close() {
      rebuilds.close();
      await watcher?.close();
      channel.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of connections) socket.destroy();
      await closed;
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

function handleRequest(req: http.IncomingMessage, res: http.ServerResponse, site: Site, policy: HostPolicy): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  if (!isAllowedHost(req.headers.host, policy)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Refused: this server answers only to its own host name (see deck serve --host).\n');
    return;
  }
  if ((req.url ?? '').replace(/[?#].*$/s, '') === CLIENT_PATH) return sendClient(res);
  const served = site.served();
  if (!served) return notFound(res);
  served.handler(req, res);
}

/** The build a new page connection should have, and the latest errors. */
function greeting(site: Site): ServerMessage {
  const latest = site.latest();
  return {
    type: 'hello',
    build: site.served()?.build ?? '',
    errors: latest ? latest.errors.map((d) => toOverlayError(d, latest.sources)) : [],
  };
}

/** Every socket, upgraded ones included, so that closing never waits on a browser. */
function trackConnections(server: http.Server): Set<Socket> {
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  return connections;
}

function optional(options: ServeOptions): { templateDir?: string; skipNotes?: boolean } {
  const out: { templateDir?: string; skipNotes?: boolean } = {};
  if (options.templateDir) out.templateDir = options.templateDir;
  if (options.skipNotes) out.skipNotes = true;
  return out;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The reload client, read on each request so the file can be worked on while serving. */
function sendClient(res: http.ServerResponse): void {
  fs.readFile(CLIENT_FILE, (error, data) => {
    if (error) return notFound(res);
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(data);
  });
}
