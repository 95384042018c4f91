/**
 * Rebuilding on saves: one rebuild per editor save whatever its pattern,
 * bursts coalesced, the files a deck includes watched and let go as the deck
 * changes, and bad input (deleted decks, broken markup, missing includes)
 * reported without ever stopping the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type DeckServer } from '../../src/server/server.js';
import { LIVE_RELOAD_PATH, type ServerMessage } from '../../src/server/protocol.js';
import { REPO } from '../shared.js';
import { copySlides, eventually, rawGet } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page as served now. */
async function served(server: DeckServer): Promise<string> {
  return (await rawGet(server.url, '/')).body;
}

/** Collects what the live-reload channel says, as a page would hear it. */
function listen(server: DeckServer): { messages: ServerMessage[]; close(): void } {
  const messages: ServerMessage[] = [];
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}${LIVE_RELOAD_PATH}`, { origin: `http://127.0.0.1:${server.port}` });
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
  return { messages, close: () => socket.close() };
}

describe('deck serve --watch rebuilds once per save', () => {
  let server: DeckServer;
  let deck: string;
  let original: string;
  beforeAll(async () => {
    ({ deck } = copySlides());
    original = fs.readFileSync(deck, 'utf8');
    server = await startServer({ files: [deck], host: '127.0.0.1', port: 0, watch: true, log: () => {} });
    await pause(300);
  });
  afterAll(async () => {
    await server?.close();
  });

  const patterns: Record<string, (text: string) => void> = {
    'write in place': (text) => fs.writeFileSync(deck, text),
    'write a temporary file and rename it over': (text) => {
      fs.writeFileSync(`${deck}.tmp~`, text);
      fs.renameSync(`${deck}.tmp~`, deck);
    },
    'truncate, then write': (text) => {
      const fd = fs.openSync(deck, 'r+');
      fs.ftruncateSync(fd, 0);
      fs.fsyncSync(fd);
      fs.writeSync(fd, text, 0);
      fs.closeSync(fd);
    },
    'several writes in a burst': (text) => {
      fs.writeFileSync(deck, '');
      const chunk = Math.ceil(text.length / 6);
      for (let i = 0; i < text.length; i += chunk) fs.appendFileSync(deck, text.slice(i, i + chunk));
    },
  };

  for (const [name, save] of Object.entries(patterns)) {
    it(`${name}: exactly one rebuild, with the saved text`, async () => {
      for (let round = 1; round <= 3; round++) {
        const marker = `Saved by ${name}, round ${round}.`;
        const before = server.builds();
        save(`${original}\n\n${marker}\n`);
        await eventually('the rebuild', async () => (await served(server)).includes(marker));
        // Anything still coming from this save would arrive well within this.
        await pause(400);
        await server.settled();
        expect(server.builds() - before).toBe(1);
      }
    });
  }

  it('survives 200 rapid saves and serves the last one', async () => {
    const before = server.builds();
    for (let i = 1; i <= 200; i++) {
      fs.writeFileSync(deck, `${original}\n\nRapid save number ${i} of 200.\n`);
      if (i % 20 === 0) await pause(Math.random() * 30);
    }
    await eventually('the last save', async () => (await served(server)).includes('Rapid save number 200 of 200.'), 20000);
    await pause(300);
    await server.settled();
    const page = await served(server);
    expect(page).toContain('Rapid save number 200 of 200.');
    expect(page).not.toContain('Rapid save number 199 of 200.');
    // Coalesced: far fewer builds than saves, but at least the final one.
    const builds = server.builds() - before;
    expect(builds).toBeGreaterThanOrEqual(1);
    expect(builds).toBeLessThan(50);
    expect((await rawGet(server.url, '/my.css')).status).toBe(200);
  });
});

describe('deck serve --watch follows what a deck depends on', () => {
  let server: DeckServer;
  let deck: string;
  let dir: string;
  let original: string;
  const lines: string[] = [];
  beforeAll(async () => {
    ({ deck, dir } = copySlides());
    original = fs.readFileSync(deck, 'utf8');
    server = await startServer({ files: [deck], host: '127.0.0.1', port: 0, watch: true, log: (l) => lines.push(l) });
  });
  afterAll(async () => {
    await server?.close();
  });
  const slides = (name: string) => path.join(dir, 'slides', name);
  const rebuilt = (what: string, check: (page: string) => boolean) =>
    eventually(what, async () => check(await served(server)));

  it('watches the deck, its pictures, its CSS and JS, and the template', () => {
    const watched = server.watched();
    for (const file of ['containers.rst', 'my.css', 'my.js', 'vagga.svg', 'docker_bug.png']) expect(watched).toContain(slides(file));
    expect(watched).toContain(path.join(REPO, 'templates', 'default'));
  });

  it('rebuilds when a CSS file changes, serving the new one', async () => {
    fs.appendFileSync(slides('my.css'), '\n.rehearsal { color: rebeccapurple; }\n');
    await eventually('the new CSS', async () => (await rawGet(server.url, '/my.css')).body.includes('rebeccapurple'));
  });

  it('watches a file once the deck includes it, and lets it go when it no longer does', async () => {
    fs.writeFileSync(slides('part.rst'), 'Included text, first version.\n');
    fs.writeFileSync(deck, `${original}\n----\n\n.. include:: part.rst\n`);
    await rebuilt('the included text', (page) => page.includes('Included text, first version.'));
    expect(server.watched()).toContain(slides('part.rst'));
    fs.writeFileSync(slides('part.rst'), 'Included text, second version.\n');
    await rebuilt('the edited include', (page) => page.includes('Included text, second version.'));

    fs.writeFileSync(deck, `${original}\n----\n\nNo include any more.\n`);
    await rebuilt('the deck without the include', (page) => page.includes('No include any more.'));
    expect(server.watched()).not.toContain(slides('part.rst'));
    const before = server.builds();
    fs.writeFileSync(slides('part.rst'), 'Included text, third version.\n');
    await pause(400);
    expect(server.builds()).toBe(before);
  });

  it('reports an include that is missing, and builds once the file appears', async () => {
    const channel = listen(server);
    await eventually('the greeting', () => channel.messages.length > 0);
    fs.writeFileSync(deck, `${original}\n----\n\n.. include:: later.rst\n`);
    const failure = await eventually('the error report', () => channel.messages.find((m) => m.type === 'errors'));
    expect(JSON.stringify(failure)).toContain('later.rst');
    expect(server.watched()).toContain(slides('later.rst'));
    fs.writeFileSync(slides('later.rst'), 'Written later.\n');
    await rebuilt('the late include', (page) => page.includes('Written later.'));
    expect(channel.messages.at(-1)?.type).toBe('reload');
    channel.close();
  });

  it('keeps serving the last good build while the deck is deleted, and rebuilds when it is back', async () => {
    fs.writeFileSync(deck, `${original}\n\nBefore deletion.\n`);
    await rebuilt('the last good build', (page) => page.includes('Before deletion.'));
    const channel = listen(server);
    fs.rmSync(deck);
    const failure = await eventually('the error report', () => channel.messages.find((m) => m.type === 'errors'));
    expect(failure).toMatchObject({ errors: [{ code: 'serve/file-not-found', location: `${deck}:1:1` }] });
    expect(lines.join('\n')).toContain(`${deck}:1:1: error: No such file: "${deck}". [serve/file-not-found]`);
    expect(await served(server)).toContain('Before deletion.');
    fs.writeFileSync(deck, `${original}\n\nAfter deletion.\n`);
    await rebuilt('the deck back', (page) => page.includes('After deletion.'));
    channel.close();
  });

  it('keeps the last good build when the deck becomes a folder, and recovers', async () => {
    fs.rmSync(deck);
    fs.mkdirSync(deck);
    await pause(400);
    expect(await served(server)).toContain('After deletion.');
    fs.rmSync(deck, { recursive: true });
    fs.writeFileSync(deck, `${original}\n\nA file again.\n`);
    await rebuilt('the deck as a file again', (page) => page.includes('A file again.'));
  });
});

describe('deck serve --watch with a template of its own', () => {
  it('rebuilds when the template changes', async () => {
    const { deck, dir } = copySlides();
    const template = path.join(dir, 'template');
    fs.cpSync(path.join(REPO, 'templates', 'default'), template, { recursive: true });
    const server = await startServer({ files: [deck], host: '127.0.0.1', port: 0, watch: true, templateDir: template, log: () => {} });
    try {
      const html = fs.readFileSync(path.join(template, 'template.html'), 'utf8');
      fs.writeFileSync(path.join(template, 'template.html'), html.replace('<body', '<body data-rehearsal="yes"'));
      await eventually('the new template', async () => (await served(server)).includes('data-rehearsal="yes"'));
      fs.appendFileSync(path.join(template, 'css', 'deck.css'), '\n/* rehearsal */\n');
      await eventually('the new template CSS', async () => (await rawGet(server.url, '/css/deck.css')).body.includes('rehearsal'));
    } finally {
      await server.close();
    }
  });
});
