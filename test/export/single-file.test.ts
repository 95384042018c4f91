/**
 * `deck build --single-file` and `--map`: the page folds everything into
 * index.html, and works alone in an empty folder with every other request
 * refused; `--map` writes map.svg beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';
import { HAVE_CHROMIUM, launch } from '../browser/chromium.js';

function tmp(): string {
  return tempDir('deck-single-');
}

async function build(file: string, flags: string[]): Promise<{ code: number; out: string; messages: string }> {
  const out = path.join(tmp(), 'dist');
  let messages = '';
  const code = await main(['build', file, '--out', out, ...flags], { out: () => {}, err: (t) => (messages += t) });
  return { code, out, messages };
}

describe('deck build --single-file', () => {
  it('inlines stylesheets with their imports and fonts, pictures and scripts, and leaves index.html alone in the folder', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'talk.rst'), ':title: T\n:css: theme.css\n:js-body: extra.js\n\n----\n\nHello\n=====\n\n.. image:: dot.png\n   :alt: a dot\n');
    fs.writeFileSync(path.join(dir, 'theme.css'), '@import "parts/base.css";\nbody { background: url(dot.png); }\n');
    fs.mkdirSync(path.join(dir, 'parts'));
    fs.writeFileSync(path.join(dir, 'parts', 'base.css'), '@font-face { font-family: F; src: url("font.woff2") format("woff2"); }\n');
    fs.writeFileSync(path.join(dir, 'parts', 'font.woff2'), 'wOF2fake');
    fs.writeFileSync(path.join(dir, 'dot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(dir, 'extra.js'), 'var s = "</script>";\n');
    const result = await build(path.join(dir, 'talk.rst'), ['--single-file']);
    expect(result.code, result.messages).toBe(0);
    // The page, and the marker that lets the next build replace the folder.
    expect(fs.readdirSync(result.out).sort()).toEqual(['.deck-output', 'index.html']);
    const html = fs.readFileSync(path.join(result.out, 'index.html'), 'utf8');
    // The markup around the inlined code (impress.js itself writes <link> tags in strings).
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<link[^>]*rel="stylesheet"/);
    expect(markup).not.toMatch(/<script[^>]*\ssrc=/);
    expect(markup.match(/<script>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain(`src: url("data:font/woff2;base64,${Buffer.from('wOF2fake').toString('base64')}")`);
    expect(html).toContain('background: url("data:image/png;base64,iVBORw==")');
    expect(html).toMatch(/<img src="data:image\/png;base64,iVBORw=="/);
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml;base64,/);
    // A script's own "</script>" cannot end the element early.
    expect(html).toContain('var s = "<\\/script>";');
  });

  it('warns about a file the page links to that the build does not have', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'talk.rst'), ':title: T\n:css: theme.css\n\n----\n\nHello\n');
    fs.writeFileSync(path.join(dir, 'theme.css'), 'body { background: url(missing.png); }\n');
    const result = await build(path.join(dir, 'talk.rst'), ['--single-file']);
    expect(result.messages).toContain('[build/single-file-missing]');
    expect(result.messages).toContain('"missing.png"');
  });
});

describe('deck build --map', () => {
  it('writes map.svg next to index.html', async () => {
    const result = await build(path.join(REPO, 'slides', 'containers.rst'), ['--map']);
    expect(result.code, result.messages).toBe(0);
    const svg = fs.readFileSync(path.join(result.out, 'map.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(fs.existsSync(path.join(result.out, 'index.html'))).toBe(true);
  });
});

/** The frame inside view `#id` of the presenter console once it shows step `step`. */
async function viewShows(console: Page | Frame, id: string, step: string): Promise<void> {
  const frame = await (await console.waitForSelector(`#${id}`)).contentFrame();
  expect(frame, id).not.toBeNull();
  await frame!.waitForFunction((wanted) => document.querySelector('.step.active.present')?.id === wanted, step, { timeout: 30000 });
}

describe.skipIf(!HAVE_CHROMIUM)('the single-file seed deck in Chromium', () => {
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const result = await build(path.join(REPO, 'slides', 'containers.rst'), ['--single-file']);
    expect(result.code, result.messages).toBe(0);
    const alone = tmp();
    fs.copyFileSync(path.join(result.out, 'index.html'), path.join(alone, 'index.html'));
    url = pathToFileURL(path.join(alone, 'index.html')).href;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A tab on a single file (the seed's unless given), every request but the file itself refused (views in the console load it with a query). */
  async function open(blockPopups = false, at = url): Promise<{ context: BrowserContext; page: Page; refused: string[]; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const refused: string[] = [];
    await context.route('**/*', (route) => {
      const wanted = route.request().url();
      if (wanted.replace(/[?#].*$/s, '') === at || wanted.startsWith('data:')) return route.continue();
      refused.push(wanted);
      return route.abort();
    });
    if (blockPopups) await context.addInitScript(() => (window.open = () => null));
    const problems: string[] = [];
    context.on('page', (page) => {
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
    });
    const page = await context.newPage();
    await page.goto(at);
    await page.waitForFunction(() => document.body.classList.contains('impress-enabled') && document.querySelector('.step.present') !== null);
    return { context, page, refused, problems };
  }

  function stepIds(page: Page): Promise<string[]> {
    return page.evaluate(() => [...document.querySelectorAll('#impress .step')].map((s) => s.id));
  }

  it('shows all 83 steps with every picture loaded, alone in a folder with every other request refused', async () => {
    const { context, page, refused, problems } = await open();
    const ids = await stepIds(page);
    expect(ids).toHaveLength(83);
    for (const id of ids) {
      await page.evaluate((target) => (window as unknown as { impress: () => { goto: (id: string, d: number) => void } }).impress().goto(target, 0), id);
      await page.waitForFunction((target) => document.querySelector('.step.active')?.id === target, id);
    }
    const images = await page.evaluate(() => [...document.images].map((img) => ({ src: img.src.slice(0, 30), ok: img.complete && img.naturalWidth > 0 })));
    expect(images.length).toBeGreaterThanOrEqual(6);
    expect(images.filter((image) => !image.ok)).toEqual([]);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120000);

  it('opens the presenter console with p, in a window of its own, and keys pressed there drive the deck', async () => {
    const { context, page, refused, problems } = await open();
    const ids = await stepIds(page);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await popup.waitForSelector('#position');
    await viewShows(popup, 'current-view', ids[0]!);
    await viewShows(popup, 'next-view', ids[1]!);
    expect(await popup.textContent('#position')).toBe(`Step 1 of ${ids.length}`);
    await popup.keyboard.press('ArrowRight');
    await page.waitForFunction((target) => document.querySelector('.step.active')?.id === target, ids[1]!);
    await viewShows(popup, 'current-view', ids[1]!);
    expect(await popup.textContent('#position')).toBe(`Step 2 of ${ids.length}`);
    // The console's own stylesheet came along (it lays the page out as a grid).
    expect(await popup.evaluate(() => getComputedStyle(document.body).display)).toBe('grid');
    // Reloaded, the console window is blank; p in the presentation brings a new console.
    await popup.reload();
    await page.waitForTimeout(3000);
    const [again] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await viewShows(again, 'current-view', ids[1]!);
    expect(await again.textContent('#position')).toBe(`Step 2 of ${ids.length}`);
    expect(popup.isClosed()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await viewShows(again, 'current-view', ids[2]!);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);

  it('brings the stylesheets of :css-console: and :css-preview: into the console', async () => {
    const dir = tmp();
    const deck = ':title: T\n:css-console: talk-console.css\n:css-preview: talk-preview.css\n\n----\n\nOne\n===\n\n----\n\nTwo\n===\n';
    fs.writeFileSync(path.join(dir, 'talk.rst'), deck);
    fs.writeFileSync(path.join(dir, 'talk-console.css'), '#notes { outline: 3px solid rgb(1, 2, 3); }\n');
    fs.writeFileSync(path.join(dir, 'talk-preview.css'), 'body { outline: 3px solid rgb(4, 5, 6); }\n');
    const result = await build(path.join(dir, 'talk.rst'), ['--single-file']);
    expect(result.code, result.messages).toBe(0);
    expect(result.messages).not.toContain('single-file-missing');
    const { context, page, refused, problems } = await open(false, pathToFileURL(path.join(result.out, 'index.html')).href);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await popup.waitForFunction(() => getComputedStyle(document.getElementById('notes')!).outlineColor === 'rgb(1, 2, 3)', undefined, { timeout: 30000 });
    const view = await (await popup.waitForSelector('#current-view')).contentFrame();
    await view!.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(4, 5, 6)', undefined, { timeout: 30000 });
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);

  it('opens the presenter console in the tab when popups are blocked', async () => {
    const { context, page, refused, problems } = await open(true);
    const ids = await stepIds(page);
    await page.keyboard.press('p');
    const frame = await (await page.waitForSelector('#deck-console-overlay iframe')).contentFrame();
    expect(frame).not.toBeNull();
    await viewShows(frame!, 'current-view', ids[0]!);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((target) => document.querySelector('.step.active')?.id === target, ids[1]!);
    await viewShows(frame!, 'current-view', ids[1]!);
    expect(await frame!.textContent('#position')).toBe(`Step 2 of ${ids.length}`);
    await page.keyboard.press('p');
    await page.waitForSelector('#deck-console-overlay', { state: 'detached' });
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);
});
