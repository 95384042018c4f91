/**
 * The built seed deck in a real browser, opened from file:// and served over
 * HTTP: no console errors or failed requests, every step reached in order
 * with the keyboard and back, the camera where our layout put each step,
 * and screenshots of chosen steps that show something.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO } from '../shared.js';
import { HAVE_CHROMIUM, launch } from './chromium.js';
import { activeId, buildDeck, expectCameraOn, screenshot, stepIds, waitForImpress, waitForStep, watchProblems } from './harness.js';
import { serveFolder, type StaticServer } from './static-server.js';

const VIEWPORT = { width: 1280, height: 800 };
const SHOT_STEPS = ['linux-containers-ecosystem', 'internals', 'fs_table'];

describe.skipIf(!HAVE_CHROMIUM)('seed deck in Chromium', () => {
  let browser: Browser;
  let out: string;
  let server: StaticServer;
  const origins: Record<string, () => string> = {
    'file://': () => pathToFileURL(path.join(out, 'index.html')).href,
    HTTP: () => server.url,
  };

  beforeAll(async () => {
    out = await buildDeck({ file: path.join(REPO, 'slides', 'containers.rst') });
    server = await serveFolder(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [origin, url] of Object.entries(origins)) {
    describe(`from ${origin}`, () => {
      it('walks every step with the keyboard, forward and back, the camera on each step', async () => {
        // Reduced motion makes each move instant, so 83 steps take seconds; the flight itself is tested below.
        const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const problems = watchProblems(page);
        await page.goto(url());
        await waitForImpress(page);
        const ids = await stepIds(page);
        expect(ids).toHaveLength(83);
        expect(new Set(ids).size).toBe(83);
        for (let i = 0; i < ids.length; i++) {
          await waitForStep(page, ids[i]!);
          await expectCameraOn(page, `step ${i + 1} (${ids[i]})`);
          if (origin === 'file://' && SHOT_STEPS.includes(ids[i]!)) await screenshot(page, `seed-${ids[i]}`);
          if (i < ids.length - 1) await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'Space');
        }
        for (let i = ids.length - 1; i > 0; i--) {
          await page.keyboard.press('ArrowLeft');
          await waitForStep(page, ids[i - 1]!);
        }
        await expectCameraOn(page, 'back on the first step');
        expect(problems).toEqual([]);
        await context.close();
      }, 120000);

      it('flies the camera to the next step over the deck\'s transition time', async () => {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        const problems = watchProblems(page);
        await page.goto(url());
        await waitForImpress(page);
        const ids = await stepIds(page);
        // impress.js moves the canvas and scales #impress, one after the other when the scale changes.
        const canvasTransform = () =>
          page.evaluate(() => ['#impress', '#impress > div'].map((selector) => getComputedStyle(document.querySelector(selector)!).transform).join(' '));
        const start = await canvasTransform();
        const duration = await page.evaluate(() => {
          const root = document.getElementById('impress')!;
          return Number(root.dataset.transitionDuration ?? 1000);
        });
        await page.keyboard.press('ArrowRight');
        // The new step is active at once; impress.js enters it when the flight ends.
        expect(await activeId(page)).toBe(ids[1]);
        await page.waitForTimeout(Math.min(300, duration / 4));
        const midway = await canvasTransform();
        expect(midway).not.toBe(start);
        await waitForStep(page, ids[1]!);
        await expectCameraOn(page, 'after the flight');
        expect(await canvasTransform()).not.toBe(midway);
        expect(problems).toEqual([]);
        await context.close();
      });
    });
  }
});
