/**
 * Templates in a real browser: the package's "simple" template, chosen by
 * --template or by the deck's :template:, and a template of the author's
 * own with its stylesheet and font, all keep every speaker feature. A
 * template that does not exist is an error that names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';
import { HAVE_CHROMIUM, launch } from './chromium.js';
import { buildDeck, screenshot, waitForImpress, waitForStep, watchProblems } from './harness.js';
import { FIXTURE_DECK, FIXTURE_FILES } from './fixture.js';

/** A template of the author's own: a page, a stylesheet and a font file it loads. */
function ownTemplate(): string {
  const dir = tempDir('deck-template-');
  fs.mkdirSync(path.join(dir, 'fonts'));
  // Any bytes do as a font for the request; the browser falls back when it cannot decode them.
  fs.copyFileSync(path.join(REPO, 'templates', 'simple', 'css', 'simple.css'), path.join(dir, 'fonts', 'talk.woff2'));
  fs.writeFileSync(
    path.join(dir, 'talk.css'),
    '@font-face { font-family: Talk; src: url(fonts/talk.woff2) format("woff2"); }\nbody { font-family: Talk, sans-serif; background: #102030; color: #fff; }\n.step { width: 1024px; height: 768px; }\n',
  );
  fs.writeFileSync(
    path.join(dir, 'template.html'),
    '<!DOCTYPE html>\n<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title><link rel="stylesheet" href="talk.css">{{head}}</head>\n' +
      '<body>{{body-start}}{{header}}<div id="impress"{{impress-attributes}}>{{steps}}</div>{{footer}}<script src="js/impress.js"></script>{{body-end}}<script>impress().init();</script></body></html>\n',
  );
  return dir;
}

describe.skipIf(!HAVE_CHROMIUM)('templates', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const builds: Record<string, () => Promise<string>> = {
    '--template simple': () => buildDeck({ text: FIXTURE_DECK, files: FIXTURE_FILES }, ['--template', 'simple', '--slide-numbers']),
    ':template: simple': () => buildDeck({ text: `:template: simple\n:slide-numbers: true\n${FIXTURE_DECK}`, files: FIXTURE_FILES }),
    'a template folder of its own': () => buildDeck({ text: FIXTURE_DECK, files: FIXTURE_FILES }, ['--template', ownTemplate(), '--slide-numbers']),
  };

  for (const [name, build] of Object.entries(builds)) {
    it(`${name}: the theme's files load and the speaker features work`, async () => {
      const out = await build();
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const requested: string[] = [];
      page.on('requestfinished', (request) => requested.push(path.relative(out, new URL(request.url()).pathname)));
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
      await waitForImpress(page);
      const own = name.includes('own');
      expect(requested).toEqual(expect.arrayContaining(own ? ['talk.css', 'fonts/talk.woff2'] : ['css/simple.css', 'js/start.js']));
      expect(requested).not.toContain('css/deck.css');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(own ? 'rgb(16, 32, 48)' : 'rgb(16, 17, 20)');
      await page.keyboard.press('g');
      await page.keyboard.type('lists');
      await page.keyboard.press('Enter');
      await waitForStep(page, 'lists');
      expect(await page.textContent('#deck-slide-number')).toBe('2');
      const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
      await popup.waitForSelector('#current-label:has-text("Lists")');
      if (name === '--template simple') await screenshot(page, 'template-simple');
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('a template that is missing', () => {
  it('a template that does not exist is an error naming it, and the default template is used', async () => {
    const dir = tempDir('deck-template-missing-');
    const deck = path.join(dir, 'talk.rst');
    fs.writeFileSync(deck, `:title: T\n:template: nowhere\n\n----\n\nHello\n`);
    const errors: string[] = [];
    const code = await main(['build', deck, '--out', path.join(dir, 'dist')], { out: () => {}, err: (text) => errors.push(text) });
    expect(code).toBe(1);
    expect(errors.join('')).toMatch(/talk\.rst:2:\d+: error: No template at "nowhere".*\[build\/template-not-found\]/);
    expect(fs.existsSync(path.join(dir, 'dist', 'css', 'deck.css'))).toBe(true);
  });
});
