/**
 * The presenter console on the seed deck: "p" opens it in a window of its
 * own, from file:// and over HTTP; its current and next views, labels and
 * notes follow the presentation step by step, and keys pressed in the
 * console drive the presentation. Where popups are blocked, the console
 * opens in the presentation's tab; :auto-console: / --auto-console open it
 * on load.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { REPO } from '../shared.js';
import { HAVE_CHROMIUM, launch } from './chromium.js';
import { buildDeck, screenshot, stepIds, waitForImpress, waitForStep, watchProblems } from './harness.js';
import { serveFolder, type StaticServer } from './static-server.js';
import { FIXTURE_DECK, FIXTURE_FILES } from './fixture.js';

const VIEWPORT = { width: 1024, height: 768 };
const NOTE = 'Repository is accessible (rw) by developers and production IPs.';

/** The frame inside the console's view `#id` once it shows step `step` with `visible` substeps revealed. */
async function viewShows(console: Page | Frame, id: string, step: string, visible = 0): Promise<void> {
  const frame = await (await console.waitForSelector(`#${id}`)).contentFrame();
  expect(frame, id).not.toBeNull();
  await frame!.waitForFunction(
    ([wanted, count]) => {
      const active = document.querySelector('.step.active.present');
      return active?.id === wanted && active.querySelectorAll('.substep-visible').length === count;
    },
    [step, visible] as const,
    { timeout: 30000 },
  );
}

async function labels(console: Page | Frame): Promise<{ current: string; next: string; notes: string; position: string }> {
  return console.evaluate(() => ({
    current: document.getElementById('current-label')!.textContent ?? '',
    next: document.getElementById('next-label')!.textContent ?? '',
    notes: document.getElementById('notes')!.textContent?.trim() ?? '',
    position: document.getElementById('position')!.textContent ?? '',
  }));
}

describe.skipIf(!HAVE_CHROMIUM)('presenter console', () => {
  let browser: Browser;
  let out: string;
  let server: StaticServer;

  beforeAll(async () => {
    out = await buildDeck({ file: path.join(REPO, 'slides', 'containers.rst') });
    server = await serveFolder(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openDeck(url: string, blockPopups = false): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    // What a popup blocker does to window.open.
    if (blockPopups) {
      await context.addInitScript(() => {
        (window as unknown as { unblockedOpen: typeof window.open }).unblockedOpen = window.open;
        window.open = () => null;
      });
    }
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(url);
    await waitForImpress(page);
    return { context, page, problems };
  }

  it('follows the seed deck from file://: current and next step, notes, and keys pressed in the console', async () => {
    const { context, page, problems } = await openDeck(pathToFileURL(path.join(out, 'index.html')).href);
    const ids = await stepIds(page);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    const consoleProblems = watchProblems(popup);
    await popup.waitForLoadState();
    expect(popup.url()).toMatch(/deck\/console\.html$/);
    const [noteStep, noteText] = await page.evaluate(() => {
      const notes = document.querySelector('.notes')!;
      return [notes.closest('.step')!.id, notes.textContent!.replace(/\s+/g, ' ').trim()];
    });
    expect(noteText).toContain(NOTE);
    for (let i = 0; i < ids.length; i++) {
      await waitForStep(page, ids[i]!);
      const next = ids[(i + 1) % ids.length]!;
      await viewShows(popup, 'current-view', ids[i]!);
      await viewShows(popup, 'next-view', next);
      const shown = await labels(popup);
      expect(shown.position).toBe(`Step ${i + 1} of ${ids.length}`);
      expect(shown.current).toContain(`${i + 1} / ${ids.length}`);
      expect(shown.next).toContain(`${((i + 1) % ids.length) + 1} / ${ids.length}`);
      expect(shown.notes.replace(/\s+/g, ' ')).toBe(ids[i] === noteStep ? noteText : 'No notes for this step.');
      if (ids[i] === noteStep) await screenshot(popup, 'console-notes');
      // Half the way with keys pressed in the presentation, half in the console.
      await (i % 2 === 0 ? page : popup).keyboard.press('ArrowRight');
    }
    await waitForStep(page, ids[0]!);
    await popup.keyboard.press('ArrowLeft');
    await waitForStep(page, ids.at(-1)!);
    const clock = await popup.evaluate(() => [document.getElementById('clock')!.textContent, document.getElementById('timer')!.textContent]);
    expect(clock[0]).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(clock[1]).toMatch(/^\d\d:\d\d$/);
    expect(clock[1]).not.toBe('00:00');
    expect([...problems, ...consoleProblems]).toEqual([]);
    await context.close();
  }, 240000);

  it('works over HTTP, and finds its presentation again after a reload', async () => {
    const { context, page, problems } = await openDeck(server.url);
    const ids = await stepIds(page);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await viewShows(popup, 'current-view', ids[0]!);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, ids[1]!);
    await viewShows(popup, 'current-view', ids[1]!);
    await viewShows(popup, 'next-view', ids[2]!);
    await page.reload();
    await waitForStep(page, ids[1]!);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, ids[2]!);
    await viewShows(popup, 'current-view', ids[2]!);
    await popup.keyboard.press('ArrowRight');
    await waitForStep(page, ids[3]!);
    // "p" after the reload brings the same console forward instead of loading a new one.
    await popup.evaluate(() => ((window as unknown as { sameConsole: boolean }).sameConsole = true));
    await page.keyboard.press('p');
    await page.waitForTimeout(500);
    expect(context.pages()).toHaveLength(2);
    expect(await popup.evaluate(() => (window as unknown as { sameConsole?: boolean }).sameConsole)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);

  it('opens in the same tab when popups are blocked, and closes with p', async () => {
    const { context, page, problems } = await openDeck(pathToFileURL(path.join(out, 'index.html')).href, true);
    const ids = await stepIds(page);
    await page.keyboard.press('p');
    const frame = await (await page.waitForSelector('#deck-console-overlay iframe')).contentFrame();
    expect(frame).not.toBeNull();
    await viewShows(frame!, 'current-view', ids[0]!);
    await viewShows(frame!, 'next-view', ids[1]!);
    const historyBefore = await page.evaluate(() => window.history.length);
    // Keys go to the console, which drives the presentation underneath.
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, ids[1]!);
    await viewShows(frame!, 'current-view', ids[1]!);
    await viewShows(frame!, 'next-view', ids[2]!);
    // One step, one entry for Back: the views inside the console add none.
    expect(await page.evaluate(() => window.history.length)).toBe(historyBefore + 1);
    expect((await labels(frame!)).position).toBe(`Step 2 of ${ids.length}`);
    await screenshot(page, 'console-in-tab');
    await page.keyboard.press('p');
    await page.waitForSelector('#deck-console-overlay', { state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);

  it('moves the presentation once for a key pressed in the in-tab console and released over the presentation', async () => {
    const { context, page, problems } = await openDeck(pathToFileURL(path.join(out, 'index.html')).href, true);
    const ids = await stepIds(page);
    await page.keyboard.press('p');
    const frame = await (await page.waitForSelector('#deck-console-overlay iframe')).contentFrame();
    await viewShows(frame!, 'current-view', ids[0]!);
    // Pressed in the console; the focus returns to the presentation before the key comes up.
    await page.keyboard.down('ArrowRight');
    await waitForStep(page, ids[1]!);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.up('ArrowRight');
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.querySelector('#impress .step.active')?.id)).toBe(ids[1]);
    // Keys pressed and released over the presentation still move it.
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, ids[2]!);
    expect(problems).toEqual([]);
    await context.close();
  }, 60000);

  describe('on load', () => {
    let fromSetting: string;
    let fromFlag: string;
    beforeAll(async () => {
      fromSetting = await buildDeck({ text: `:auto-console: true\n${FIXTURE_DECK}`, files: FIXTURE_FILES });
      fromFlag = await buildDeck({ text: FIXTURE_DECK, files: FIXTURE_FILES }, ['--auto-console']);
    });

    it('opens with :auto-console: true, in a window where popups are allowed', async () => {
      const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const [popup] = await Promise.all([context.waitForEvent('page'), page.goto(pathToFileURL(path.join(fromSetting, 'index.html')).href)]);
      await viewShows(popup, 'current-view', 'opening');
      expect(await page.$('#deck-console-overlay')).toBeNull();
      expect(problems).toEqual([]);
      await context.close();
    });

    it('opens with --auto-console in the tab where popups are blocked, and moves to a window on request', async () => {
      const { context, page, problems } = await openDeck(pathToFileURL(path.join(fromFlag, 'index.html')).href, true);
      const frame = await (await page.waitForSelector('#deck-console-overlay iframe')).contentFrame();
      await viewShows(frame!, 'current-view', 'opening');
      await viewShows(frame!, 'next-view', 'opening', 1);
      // Once popups are allowed, the button moves the console to a window of its own.
      await page.evaluate(() => (window.open = (window as unknown as { unblockedOpen: typeof window.open }).unblockedOpen));
      const [popup] = await Promise.all([context.waitForEvent('page'), frame!.click('#popout')]);
      await page.waitForSelector('#deck-console-overlay', { state: 'detached' });
      await viewShows(popup, 'next-view', 'opening', 1);
      // The page built without the flag or the setting does not open it.
      const plain = await context.newPage();
      await plain.goto(pathToFileURL(path.join(out, 'index.html')).href);
      await waitForImpress(plain);
      expect(await plain.$('#deck-console-overlay')).toBeNull();
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
