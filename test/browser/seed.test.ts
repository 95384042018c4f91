/**
 * The built seed deck in a real browser: opened from file://, it shows the
 * first step with no console errors and no failed requests, and impress.js
 * places the steps where our layout put them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { HAVE_CHROMIUM, launch } from './chromium.js';

describe.skipIf(!HAVE_CHROMIUM)('seed deck in Chromium', () => {
  let browser: Browser;
  let out: string;
  beforeAll(async () => {
    out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deck-browser-')), 'dist');
    const silent = { out: () => {}, err: () => {} };
    expect(await main(['build', path.join(REPO, 'slides', 'containers.rst'), '--out', out], silent)).toBe(0);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the first step from file:// with no console errors or failed requests', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await page.waitForFunction(() => document.body.classList.contains('impress-enabled'));
    const active = await page.evaluate(() => document.querySelector('.step.active')?.id);
    const first = await page.evaluate(() => document.querySelector('.step')?.id);
    expect(active).toBe(first);
    expect(await page.evaluate(() => document.querySelectorAll('.step').length)).toBe(83);
    const shot = await page.screenshot();
    fs.mkdirSync(path.join(REPO, 'test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(REPO, 'test-artifacts', 'seed-first-step.png'), shot);
    expect(shot.length).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
