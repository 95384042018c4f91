/**
 * Speaker features in a real browser, on a small deck that has them all:
 * substeps revealed one by one (and the console showing the next one),
 * header and footer fixed on every step, slide numbers, the help popup,
 * goto with "g", reloads that keep the step, the deck's transition time and
 * perspective, and reduced motion.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAVE_CHROMIUM, launch } from './chromium.js';
import { activeId, buildDeck, expectCameraOn, screenshot, stepIds, waitForImpress, waitForStep, watchProblems } from './harness.js';
import { FIXTURE_DECK, FIXTURE_FILES } from './fixture.js';

const VIEWPORT = { width: 1024, height: 768 };

function opacities(page: Page, stepId: string): Promise<number[]> {
  return page.evaluate(
    (id) => [...document.getElementById(id)!.querySelectorAll('.substep')].map((element) => Number(getComputedStyle(element).opacity)),
    stepId,
  );
}

describe.skipIf(!HAVE_CHROMIUM)('speaker features', () => {
  let browser: Browser;
  let out: string;
  let outSkipHelp: string;

  beforeAll(async () => {
    const deck = { text: FIXTURE_DECK, files: FIXTURE_FILES };
    out = await buildDeck(deck, ['--slide-numbers']);
    outSkipHelp = await buildDeck(deck, ['--skip-help']);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(folder = out, options: { reducedMotion?: 'reduce' | 'no-preference' } = { reducedMotion: 'reduce' }) {
    const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, ...options });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await waitForImpress(page);
    return { context, page, problems, ids: await stepIds(page) };
  }

  it('reveals substeps one by one, on paragraphs and on every item of a list, and hides them going back', async () => {
    const { context, page, problems, ids } = await open();
    expect(ids).toEqual(['opening', 'lists', 'turned', 'end']);
    expect(await opacities(page, 'opening')).toEqual([0, 0]);
    await page.keyboard.press('ArrowRight');
    expect(await opacities(page, 'opening')).toEqual([1, 0]);
    await page.keyboard.press('Space');
    expect(await opacities(page, 'opening')).toEqual([1, 1]);
    expect(await activeId(page)).toBe('opening');
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 'lists');
    expect(await opacities(page, 'lists')).toEqual([0, 0, 0]);
    for (const expected of [[1, 0, 0], [1, 1, 0], [1, 1, 1]]) {
      await page.keyboard.press('ArrowRight');
      expect(await opacities(page, 'lists')).toEqual(expected);
    }
    await screenshot(page, 'substeps-all-revealed');
    await page.keyboard.press('ArrowLeft');
    expect(await opacities(page, 'lists')).toEqual([1, 1, 0]);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 'turned');
    await expectCameraOn(page, 'rotated step');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the next substep in the presenter console, then the next step', async () => {
    const { context, page, problems } = await open();
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    const view = async (id: string) => (await popup.waitForSelector(`#${id}`)).contentFrame();
    const shows = async (id: string, step: string, visible: number) => {
      const frame = (await view(id))!;
      await frame.waitForFunction(
        ([wanted, count]) => {
          const active = document.querySelector('.step.active.present');
          return active?.id === wanted && active.querySelectorAll('.substep-visible').length === count;
        },
        [step, visible] as const,
        { timeout: 30000 },
      );
    };
    await shows('current-view', 'opening', 0);
    await shows('next-view', 'opening', 1);
    expect(await popup.textContent('#next-label')).toContain('1 of 2 substeps shown');
    expect(await popup.textContent('#notes')).toContain('Greet the room.');
    await page.keyboard.press('ArrowRight');
    await shows('current-view', 'opening', 1);
    await shows('next-view', 'opening', 2);
    await popup.keyboard.press('ArrowRight');
    await shows('current-view', 'opening', 2);
    await shows('next-view', 'lists', 0);
    await popup.keyboard.press('ArrowRight');
    await waitForStep(page, 'lists');
    await shows('current-view', 'lists', 0);
    await shows('next-view', 'lists', 1);
    expect(await popup.textContent('#notes')).toContain('Say alpha, beta and gamma.');
    await screenshot(popup, 'console-substeps');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps header and footer in place on every step, and numbers the steps', async () => {
    const { context, page, problems, ids } = await open();
    const decorations = () =>
      page.evaluate(() =>
        ['deck-header', 'deck-footer'].map((id) => {
          const element = document.getElementById(id)!;
          const rect = element.getBoundingClientRect();
          return { text: element.textContent!.trim(), top: Math.round(rect.top), bottom: Math.round(rect.bottom), left: Math.round(rect.left), visible: getComputedStyle(element).visibility === 'visible' };
        }),
      );
    const first = await decorations();
    expect(first[0]!.text).toBe('Rehearsal — header');
    expect(first[1]!.text).toBe('deck.example — footer');
    expect(first[0]!.top).toBe(0);
    expect(first[1]!.bottom).toBe(VIEWPORT.height);
    for (let i = 0; i < ids.length; i++) {
      await page.evaluate((id) => window.impress().goto(id), ids[i]!);
      await waitForStep(page, ids[i]!);
      expect(await decorations()).toEqual(first);
      expect(await page.textContent('#deck-slide-number')).toBe(String(i + 1));
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('goes to a step by number or id with "g", and a reload returns to it', async () => {
    const { context, page, problems } = await open();
    const goTo = async (typed: string) => {
      await page.keyboard.press('g');
      await page.waitForSelector('#deck-goto-input:focus');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
    };
    await goTo('3');
    await waitForStep(page, 'turned');
    expect(await page.textContent('#deck-slide-number')).toBe('3');
    await goTo('lists');
    await waitForStep(page, 'lists');
    // An unknown step: the dialog says so and stays; keys typed there move nothing.
    await page.keyboard.press('g');
    await page.waitForSelector('#deck-goto-input:focus');
    await page.keyboard.type('nowhere ');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#deck-goto-message')).toContain('No step "nowhere"');
    expect(await page.isVisible('#deck-goto')).toBe(true);
    // The focused field shows a clear outline.
    const outline = await page.$eval('#deck-goto-input', (input) => {
      const style = getComputedStyle(input);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#deck-goto')).toBe(false);
    expect(await activeId(page)).toBe('lists');
    await page.waitForFunction(() => window.location.hash === '#/lists');
    await page.reload();
    await waitForImpress(page);
    await waitForStep(page, 'lists');
    expect(await page.textContent('#deck-slide-number')).toBe('2');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the keyboard help on "h", unless built with --skip-help', async () => {
    const { context, page, problems } = await open();
    // impress.js shows it for a few seconds at the start; "h" toggles it.
    expect(await page.isVisible('#impress-help')).toBe(true);
    expect(await page.textContent('#impress-help')).toContain('Go to a step');
    await page.keyboard.press('h');
    expect(await page.isVisible('#impress-help')).toBe(false);
    await page.keyboard.press('h');
    expect(await page.isVisible('#impress-help')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
    const skipped = await open(outSkipHelp);
    expect(await skipped.page.$('#impress-help')).toBeNull();
    expect(await skipped.page.$('#deck-slide-number')).toBeNull();
    await skipped.page.keyboard.press('h');
    expect(skipped.problems).toEqual([]);
    await skipped.context.close();
  });

  it("flies with the deck's transition time and perspective, and jumps when the viewer prefers reduced motion", async () => {
    const { context, page, problems } = await open(out, { reducedMotion: 'no-preference' });
    const root = () =>
      page.evaluate(() => {
        const element = document.getElementById('impress')!;
        const canvas = element.firstElementChild as HTMLElement;
        return { perspective: element.style.perspective, duration: canvas.style.transitionDuration, transform: getComputedStyle(canvas).transform };
      });
    await page.evaluate(() => window.impress().goto('lists'));
    const moving = await root();
    expect(moving.duration).toBe('300ms');
    expect(moving.perspective).toBe('2000px');
    await waitForStep(page, 'lists');
    const arrived = await root();
    expect(arrived.transform).not.toBe(moving.transform);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(() => window.impress().goto('turned'));
    const jumped = await root();
    expect(jumped.duration).toBe('0ms');
    await expectCameraOn(page, 'without the flight');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leaves the notes out of the page with --skip-notes, and the console says there are none', async () => {
    const folder = await buildDeck({ text: FIXTURE_DECK, files: FIXTURE_FILES }, ['--skip-notes']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Greet the room.');
    expect(fs.readFileSync(path.join(folder, 'index.html'), 'utf8')).not.toMatch(/Greet the room|class="notes"/);
    const { context, page, problems } = await open(folder);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await popup.waitForSelector('#current-label:has-text("Opening")');
    expect(await popup.textContent('#notes')).toBe('No notes for this step.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is accessible by default: page language, text alternatives', async () => {
    const { context, page } = await open();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const alts = await page.$$eval('img', (images) => images.map((image) => image.getAttribute('alt')));
    expect(alts).toEqual(['The deck logo']);
    await context.close();
  });
});

declare global {
  interface Window {
    impress: () => { goto: (target: string | number) => unknown };
  }
}
