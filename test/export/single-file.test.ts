/**
 * `deck build --single-file` and `--map`: the page folds everything into
 * index.html, and works alone in an empty folder with every other request
 * refused; `--map` writes map.svg beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { HAVE_CHROMIUM, launch } from '../browser/chromium.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'deck-single-'));
}

async function build(file: string, flags: string[]): Promise<{ code: number; out: string; messages: string }> {
  const out = path.join(tempDir(), 'dist');
  let messages = '';
  const code = await main(['build', file, '--out', out, ...flags], { out: () => {}, err: (t) => (messages += t) });
  return { code, out, messages };
}

describe('deck build --single-file', () => {
  it('inlines stylesheets with their imports and fonts, pictures and scripts, and leaves index.html alone in the folder', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'talk.rst'), ':title: T\n:css: theme.css\n:js-body: extra.js\n\n----\n\nHello\n=====\n\n.. image:: dot.png\n   :alt: a dot\n');
    fs.writeFileSync(path.join(dir, 'theme.css'), '@import "parts/base.css";\nbody { background: url(dot.png); }\n');
    fs.mkdirSync(path.join(dir, 'parts'));
    fs.writeFileSync(path.join(dir, 'parts', 'base.css'), '@font-face { font-family: F; src: url("font.woff2") format("woff2"); }\n');
    fs.writeFileSync(path.join(dir, 'parts', 'font.woff2'), 'wOF2fake');
    fs.writeFileSync(path.join(dir, 'dot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(dir, 'extra.js'), 'var s = "</script>";\n');
    const result = await build(path.join(dir, 'talk.rst'), ['--single-file']);
    expect(result.code, result.messages).toBe(0);
    expect(fs.readdirSync(result.out)).toEqual(['index.html']);
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
    const dir = tempDir();
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

describe.skipIf(!HAVE_CHROMIUM)('the single-file seed deck in Chromium', () => {
  it('shows all 83 steps with every picture loaded, alone in a folder with every other request refused', async () => {
    const result = await build(path.join(REPO, 'slides', 'containers.rst'), ['--single-file']);
    expect(result.code, result.messages).toBe(0);
    const alone = tempDir();
    fs.copyFileSync(path.join(result.out, 'index.html'), path.join(alone, 'index.html'));
    const url = pathToFileURL(path.join(alone, 'index.html')).href;
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      const refused: string[] = [];
      await context.route('**/*', (route) => {
        const wanted = route.request().url();
        if (wanted === url || wanted.startsWith('data:')) return route.continue();
        refused.push(wanted);
        return route.abort();
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(url);
      await page.waitForFunction(() => document.body.classList.contains('impress-enabled') && document.querySelector('.step.present') !== null);
      const ids = await page.evaluate(() => [...document.querySelectorAll('#impress .step')].map((s) => s.id));
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
    } finally {
      await browser.close();
    }
  }, 120000);
});
