/**
 * The deck with every directive and role (test/fixtures/html/all-directives.rst),
 * built and opened from file:// with the network off: every request that is
 * not a local file is aborted. The page loads without console errors or
 * failed requests, and its math is typeset by the build with KaTeX's own
 * fonts, copied into the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO } from '../shared.js';
import { HAVE_CHROMIUM, launch } from './chromium.js';
import { buildDeck, waitForImpress, watchProblems } from './harness.js';

const DECK = path.join(REPO, 'test', 'fixtures', 'html', 'all-directives.rst');

describe.skipIf(!HAVE_CHROMIUM)('every directive, offline, in Chromium', () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = await buildDeck({ file: DECK });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('copies KaTeX\'s stylesheet and only the woff2 fonts it names', () => {
    const css = fs.readFileSync(path.join(out, 'deck', 'katex', 'katex.min.css'), 'utf8');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url).toMatch(/\.woff2$/);
      expect(fs.existsSync(path.join(out, 'deck', 'katex', url)), url).toBe(true);
    }
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="stylesheet" href="deck/katex/katex.min.css">');
    expect(html).not.toMatch(/<script[^>]*katex/);
  });

  it('loads with the network off, without errors, and its math renders in KaTeX fonts', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const blocked: string[] = [];
    await context.route(/^(?!file:)/, (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await waitForImpress(page);
    await page.goto(`${pathToFileURL(path.join(out, 'index.html')).href}#/math`);
    await page.waitForFunction(() => document.querySelector('.step.active')?.id === 'math');
    await page.evaluate(() => document.fonts.ready);
    const math = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('#math .katex')].map((element) => {
        const rect = element.getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      });
      const loaded = [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
      return { boxes, main: document.fonts.check('1em KaTeX_Main'), loaded, mathml: document.querySelectorAll('#math math').length };
    });
    expect(math.boxes).toHaveLength(3);
    for (const box of math.boxes) {
      expect(box.width).toBeGreaterThan(0);
      expect(box.height).toBeGreaterThan(0);
    }
    expect(math.mathml).toBe(3);
    expect(math.main).toBe(true);
    expect(math.loaded).toContain('KaTeX_Main');
    expect(math.loaded).toContain('KaTeX_Math');
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
