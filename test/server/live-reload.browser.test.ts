/**
 * Rehearsing in a real browser: `deck serve --watch` on a copy of slides/,
 * Chromium on step 10, and edits on disk. The page follows every save
 * without a manual reload (patching a step's text in place, reloading when
 * the steps change), stays on the same step (by id, also when a step is
 * inserted before it, and with its substeps), and shows an overlay naming
 * the line of a broken table until the table is fixed.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HAVE_CHROMIUM, launch } from '../browser/chromium.js';
import { copySlides, eventually, runServe, type RunningServe } from './helpers.js';

const STEP_ID = 'clone_part1';
const STEP_FIELDS = ':id: clone_part1\n:data-x: r100\n:data-y: r-50\n:data-scale: 0.7\n';

describe.skipIf(!HAVE_CHROMIUM)('deck serve --watch in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let serve: RunningServe;
  let deck: string;
  let original: string;

  /** Replaces the step's fields with themselves plus `body`, as an editor save would. */
  const saveStep = (body: string, before = ''): void => {
    expect(original).toContain(STEP_FIELDS);
    fs.writeFileSync(deck, original.replace(STEP_FIELDS, `${before}${STEP_FIELDS}\n${body}\n`));
  };
  const activeId = () => page.evaluate(() => document.querySelector('#impress .step.active')?.id);
  const stepText = () => page.evaluate((id) => document.getElementById(id)?.textContent ?? '', STEP_ID);
  const overlayText = () =>
    page.evaluate(() => document.querySelector('deck-error-overlay')?.shadowRoot?.querySelector('.backdrop')?.textContent ?? undefined);
  /** Waits until a build holding `text` is shown and impress.js has placed us on a step; returns that step's id. */
  const shown = (text: string) =>
    eventually(`a build with "${text}"`, () =>
      page.evaluate(
        ({ id, text }) => {
          const ready = document.body.classList.contains('impress-enabled');
          const active = document.querySelector('#impress .step.active');
          return ready && active && document.getElementById(id)?.textContent?.includes(text) ? active.id : undefined;
        },
        { id: STEP_ID, text },
      ),
    );
  /** A mark on the current page, gone after any reload. */
  const markPage = () => page.evaluate(() => ((window as unknown as { stillSamePage: boolean }).stillSamePage = true));
  const samePage = () => page.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage === true);

  beforeAll(async () => {
    const copy = copySlides();
    deck = copy.deck;
    original = fs.readFileSync(deck, 'utf8');
    serve = await runServe(['--watch', '--port', '0', deck]);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
    if (serve) expect(await serve.stop()).toBe(0);
  });

  it('opens the deck and goes to step 10', async () => {
    await page.goto(serve.url);
    await page.waitForFunction(() => document.body.classList.contains('impress-enabled'));
    const tenth = await page.evaluate(() => document.querySelectorAll('#impress .step')[9]!.id);
    expect(tenth).toBe(STEP_ID);
    await page.evaluate((id) => (window as unknown as { impress(): { goto(id: string): void } }).impress().goto(id), STEP_ID);
    await eventually('step 10 to be active', async () => (await activeId()) === STEP_ID);
    expect(await stepText()).not.toContain('Rehearsed');
  });

  it('shows text edited on disk on the same step, without a manual reload', async () => {
    await markPage();
    saveStep('Rehearsed once on stage.');
    expect(await shown('Rehearsed once on stage.')).toBe(STEP_ID);
    // Only the step's text changed: it was patched in place, without a reload.
    expect(await samePage()).toBe(true);
  });

  it('stays on the same step when a step is inserted before it', async () => {
    const countBefore = await page.evaluate(() => document.querySelectorAll('#impress .step').length);
    const indexBefore = await page.evaluate((id) => [...document.querySelectorAll('#impress .step')].findIndex((s) => s.id === id), STEP_ID);
    await markPage();
    saveStep('Rehearsed twice.', 'A step inserted before.\n\n----\n\n');
    expect(await shown('Rehearsed twice.')).toBe(STEP_ID);
    expect(await page.evaluate(() => document.querySelectorAll('#impress .step').length)).toBe(countBefore + 1);
    const indexAfter = await page.evaluate((id) => [...document.querySelectorAll('#impress .step')].findIndex((s) => s.id === id), STEP_ID);
    expect(indexAfter).toBe(indexBefore + 1);
    expect(await activeId()).toBe(STEP_ID);
    const previous = await page.evaluate((id) => document.getElementById(id)?.previousElementSibling?.textContent ?? '', STEP_ID);
    expect(previous).toContain('A step inserted before.');
    // The steps changed around it: the page reloaded by itself and came back to it.
    expect(await samePage()).toBe(false);
  });

  it('keeps the substeps shown across a reload', async () => {
    const substeps = '.. class:: substep\n\nFirst point.\n\n.. class:: substep\n\nSecond point.\n\n.. class:: substep\n\nThird point.\n';
    saveStep(`Rehearsed with points.\n\n${substeps}`);
    expect(await shown('Third point.')).toBe(STEP_ID);
    expect(await page.evaluate((id) => document.querySelectorAll(`#${id} .substep`).length, STEP_ID)).toBe(3);
    // impress.js takes keys once the step is entered.
    await eventually('step 10 to be entered', () => page.evaluate(() => document.body.className.includes('impress-on-clone_part1')));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const visible = () => page.evaluate((id) => document.querySelectorAll(`#${id} .substep-visible`).length, STEP_ID);
    await eventually('two substeps shown', async () => (await visible()) === 2);
    saveStep(`Rehearsed with points, again.\n\n${substeps}`);
    expect(await shown('points, again.')).toBe(STEP_ID);
    await eventually('the same two substeps shown again', async () => (await visible()) === 2);
  });

  it('reloads with the new stylesheet when the CSS changes', async () => {
    const css = deck.replace(/containers\.rst$/, 'my.css');
    await markPage();
    fs.appendFileSync(css, `\n#${STEP_ID} { outline: 7px solid rgb(1, 2, 3); }\n`);
    await eventually('the new style', () =>
      page.evaluate((id) => {
        const step = document.getElementById(id);
        return step && getComputedStyle(step).outlineColor === 'rgb(1, 2, 3)';
      }, STEP_ID),
    );
    expect(await samePage()).toBe(false);
    await eventually('the reloaded page back on step 10', async () => (await activeId()) === STEP_ID);
  });

  it('shows an overlay naming the line of a broken table, and removes it when fixed', async () => {
    const table = (last: string) => `Rehearsed with a table.\n\n+-----+-----+\n| a   | b   |\n${last}\n| c   | d   |\n+-----+-----+\n`;
    saveStep(table('+-----+--'));
    const tableLine = fs.readFileSync(deck, 'utf8').split('\n').indexOf('+-----+-----+') + 1;
    await markPage();
    const text = await eventually('the error overlay', overlayText);
    expect(text).toContain(`${deck}:${tableLine}:1`);
    expect(text).toContain('Malformed table.');
    expect(text).toContain(`${tableLine} | +-----+-----+`);
    // The last good build is still there, on the same step, not reloaded.
    expect(await stepText()).toContain('points, again.');
    expect(await activeId()).toBe(STEP_ID);
    expect(await samePage()).toBe(true);
    saveStep(table('+-----+-----+'));
    expect(await shown('Rehearsed with a table.')).toBe(STEP_ID);
    expect(await overlayText()).toBeUndefined();
    expect(await page.evaluate((id) => document.querySelectorAll(`#${id} table td`).length, STEP_ID)).toBe(4);
    const terminal = serve.err.join('');
    expect(terminal).toContain(`${deck}:${tableLine}:1: error: Malformed table. [rst/malformed-table]`);
  });
});
