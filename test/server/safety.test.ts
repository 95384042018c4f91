/**
 * Safe by default: nothing outside the served build is reachable, other host
 * names are refused (DNS rebinding), and the live-reload socket takes only
 * pages from our own origin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type DeckServer } from '../../src/server/server.js';
import { createStaticSite } from '../../src/server/static-site.js';
import { createHostPolicy, isAllowedHost } from '../../src/server/host-check.js';
import { LIVE_RELOAD_PATH } from '../../src/server/protocol.js';
import { main } from '../../src/cli/main.js';
import { copySlides, rawGet, runServe } from './helpers.js';
import { tempDir } from '../cleanup.js';
import http from 'node:http';

const SECRET = `top secret ${Date.now()}`;

describe('deck serve refuses requests outside the served build', () => {
  let server: DeckServer;
  let secretFile: string;
  const ups = '/..'.repeat(12);

  beforeAll(async () => {
    const { deck } = copySlides();
    secretFile = path.join(tempDir('deck-secret-'), 'secret.txt');
    fs.writeFileSync(secretFile, SECRET);
    server = await startServer({ files: [deck], host: '127.0.0.1', port: 0, watch: false, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the deck and its assets with content types and revalidation headers', async () => {
    const page = await rawGet(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toBeTruthy();
    expect(page.body).toContain('id="clone_part1"');
    expect((await rawGet(server.url, '/', { 'If-None-Match': page.headers.etag as string })).status).toBe(304);
    const css = await rawGet(server.url, '/my.css');
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css']);
    const svg = await rawGet(server.url, '/vagga.svg');
    expect([svg.status, svg.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    const js = await rawGet(server.url, '/js/impress.js');
    expect([js.status, js.headers['content-type'], js.headers['cache-control']]).toEqual([200, 'text/javascript', 'no-cache']);
  });

  it('serves the build, never the source tree', async () => {
    expect((await rawGet(server.url, '/containers.rst')).status).toBe(404);
  });

  const attempts = [
    () => `${ups}${secretFile}`,
    () => `${ups.replace(/\.\./g, '%2e%2e')}${secretFile}`,
    () => `${ups.replace(/\.\./g, '%2E%2E')}${secretFile.replace(/\//g, '%2F')}`,
    () => `/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..${secretFile}`,
    () => `/${'..\\'.repeat(12)}${secretFile.slice(1).replace(/\//g, '\\')}`,
    () => `/${'..%5c'.repeat(12)}${secretFile.slice(1)}`,
    () => `/%252e%252e${ups}${secretFile}`,
    () => `/.${ups}${secretFile}`,
    () => `/${secretFile}`,
    () => `/%2F${secretFile.slice(1)}`,
    () => secretFile,
    () => `/..%00/${secretFile}`,
  ];
  it.each(attempts.map((make, i) => [i, make]))('answers 404 without the file to traversal attempt %i', async (_i, make) => {
    const response = await rawGet(server.url, make());
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it('does not follow symlinks out of the served folder', async () => {
    const root = tempDir('deck-root-');
    fs.writeFileSync(path.join(root, 'inside.txt'), 'inside');
    fs.symlinkSync(secretFile, path.join(root, 'leak.txt'));
    fs.symlinkSync(path.dirname(secretFile), path.join(root, 'leak-dir'));
    fs.symlinkSync(path.join(root, 'inside.txt'), path.join(root, 'alias.txt'));
    const handler = createStaticSite(root);
    const probe = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(probe.address() as { port: number }).port}/`;
    try {
      expect((await rawGet(url, '/inside.txt')).body).toBe('inside');
      expect((await rawGet(url, '/alias.txt')).body).toBe('inside');
      for (const p of ['/leak.txt', '/leak-dir/secret.txt']) {
        const response = await rawGet(url, p);
        expect(response.status).toBe(404);
        expect(response.body).not.toContain(SECRET);
      }
    } finally {
      probe.close();
    }
  });
});

describe('deck serve refuses other host names and foreign origins', () => {
  let server: DeckServer;
  let port: number;
  beforeAll(async () => {
    const { deck } = copySlides();
    server = await startServer({ files: [deck], host: '127.0.0.1', port: 0, watch: true, log: () => {} });
    port = server.port;
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(['evil.example', 'evil.example:8000', 'attacker.test:80', '10.0.0.1'])('refuses Host %s', async (host) => {
    const response = await rawGet(server.url, '/', { Host: host });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('impress');
    expect((await rawGet(server.url, '/js/impress.js', { Host: host })).status).toBe(403);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', '127.0.0.2'])('answers Host %s', async (name) => {
    const response = await rawGet(server.url, '/', { Host: `${name}:${port}` });
    expect(response.status).toBe(200);
  });

  it('lets a --host that opens the server answer any name, and only then', () => {
    expect(isAllowedHost('evil.example', createHostPolicy('0.0.0.0'))).toBe(true);
    expect(isAllowedHost('evil.example', createHostPolicy('127.0.0.1'))).toBe(false);
    expect(isAllowedHost('evil.example', createHostPolicy('localhost'))).toBe(false);
    expect(isAllowedHost(undefined, createHostPolicy('127.0.0.1'))).toBe(false);
  });

  const connect = (origin: string | undefined, host?: string) =>
    new Promise<string>((resolve) => {
      const headers: Record<string, string> = {};
      if (host) headers.Host = host;
      const options = origin === undefined ? { headers } : { headers, origin };
      const socket = new WebSocket(`ws://127.0.0.1:${port}${LIVE_RELOAD_PATH}`, options);
      socket.on('message', (data) => {
        resolve(`message ${String(data)}`);
        socket.close();
      });
      socket.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      socket.on('error', (error) => resolve(`error ${error.message}`));
    });

  it('accepts the live-reload socket from its own origin', async () => {
    const answer = await connect(`http://127.0.0.1:${port}`);
    expect(answer).toMatch(/^message \{"type":"hello","build":"[0-9a-f]+-1","errors":\[\]\}$/);
    expect(await connect(`http://localhost:${port}`, `localhost:${port}`)).toMatch(/^message /);
  });

  it.each([['http://evil.example'], ['http://127.0.0.1:1'], ['https://127.0.0.1'], ['null'], [undefined]])('refuses the socket from origin %s', async (origin) => {
    expect(await connect(origin)).toBe('refused 403');
  });

  it('refuses the socket under a foreign Host even from a matching origin', async () => {
    expect(await connect('http://evil.example', 'evil.example')).toBe('refused 403');
  });
});

describe('deck serve on the command line', () => {
  it('says so and exits with 3 when the port is taken', async () => {
    const { deck } = copySlides();
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const err: string[] = [];
    try {
      const code = await main(['serve', '--port', String(port), deck], { out: () => {}, err: (t) => err.push(t) });
      expect(code).toBe(3);
      expect(err.join('')).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('picks a free port with --port 0 and prints the URL', async () => {
    const { deck } = copySlides();
    const serve = await runServe(['--port', '0', deck]);
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(serve.url).not.toContain(':0/');
    expect((await rawGet(serve.url, '/')).status).toBe(200);
    expect(await serve.stop()).toBe(0);
  });

  it('warns when --host opens the server to the network', async () => {
    const { deck } = copySlides();
    const serve = await runServe(['--host', '0.0.0.0', '--port', '0', deck]);
    expect(serve.err.join('')).toContain('warning: serving on 0.0.0.0');
    expect(await serve.stop()).toBe(0);
  });

  it('rejects a port that is not a number', async () => {
    const err: string[] = [];
    expect(await main(['serve', '--port', 'eighty'], { out: () => {}, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toContain('--port must be a number');
  });
});

describe('deck serve without FILE', () => {
  it('serves every *.rst in slides/, behind an index page when there are several', async () => {
    const { dir, deck } = copySlides();
    fs.writeFileSync(path.join(dir, 'slides', 'second.rst'), ':title: Second deck\n\n----\n\nIts only step.\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const serve = await runServe(['--port', '0']);
      const index = await rawGet(serve.url, '/');
      expect(index.status).toBe(200);
      expect(index.body).toContain('href="containers/"');
      expect(index.body).toContain('href="second/"');
      const moved = await rawGet(serve.url, '/second');
      expect([moved.status, moved.headers.location]).toEqual([301, '/second/']);
      expect((await rawGet(serve.url, '/second/')).body).toContain('Its only step.');
      const first = await rawGet(serve.url, '/containers/');
      expect(first.body).toContain('id="clone_part1"');
      expect(first.body).toContain('data-build=');
      expect((await rawGet(serve.url, '/containers/my.css')).status).toBe(200);
      expect(await serve.stop()).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    // `deck build` output never carries the reload client.
    const out = path.join(dir, 'dist');
    expect(await main(['build', deck, '--out', out], { out: () => {}, err: () => {} })).toBe(0);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('live-reload');
  });

  it('says so when there is no deck to serve', async () => {
    const dir = tempDir('deck-empty-');
    const cwd = process.cwd();
    process.chdir(dir);
    const err: string[] = [];
    try {
      expect(await main(['serve', '--port', '0'], { out: () => {}, err: (t) => err.push(t) })).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    expect(err.join('')).toContain('no deck to serve');
  });
});
