/**
 * What the browser tests share: building a deck with the CLI, watching a
 * page for errors and failed requests, moving through steps and reading
 * where impress.js put the camera.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

export const ARTIFACTS = path.join(REPO, 'test-artifacts');

/** Builds `deck` (a path, or rST text written to a temporary folder) with extra CLI flags; returns the output folder. */
export async function buildDeck(deck: { file: string } | { text: string; files?: Record<string, string> }, flags: string[] = []): Promise<string> {
  const dir = tempDir('deck-browser-');
  let file: string;
  if ('file' in deck) file = deck.file;
  else {
    file = path.join(dir, 'talk.rst');
    fs.writeFileSync(file, deck.text);
    for (const [name, content] of Object.entries(deck.files ?? {})) fs.writeFileSync(path.join(dir, name), content);
  }
  const out = path.join(dir, 'dist');
  const messages: string[] = [];
  const io = { out: () => {}, err: (text: string) => messages.push(text) };
  const code = await main(['build', file, '--out', out, ...flags], io);
  expect(code, messages.join('')).toBe(0);
  return out;
}

/** Collects console errors, page errors, failed requests and HTTP errors of a page (and of the frames in it). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

export async function waitForImpress(page: Page | Frame): Promise<void> {
  await page.waitForFunction(() => document.body.classList.contains('impress-enabled') && document.querySelector('.step.present') !== null);
}

/** Ids of the steps in the order impress.js walks them. */
export function stepIds(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('#impress .step')].map((step) => step.id));
}

/** Waits until impress.js has arrived on step `id` (the step is active and entered). */
export async function waitForStep(page: Page | Frame, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.querySelector('.step.active.present')?.id === wanted, id, { timeout: 30000 });
}

export function activeId(page: Page | Frame): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector('.step.active')?.id);
}

export interface Camera {
  /** Largest difference between the canvas's computed transform and the one the step's data-* give. */
  canvasError: number;
  /** The scale of #impress, and the one expected from data-scale and the window size. */
  rootScale: number;
  expectedRootScale: number;
  /** Distance in px between the centre of the active step on screen and the centre of the window. */
  offCentre: number;
}

/**
 * Where impress.js put the camera, against the active step's coordinates:
 * the canvas is moved by −x, −y, −z and turned by the opposite rotations in
 * reverse order (z, y, x), and #impress scales by the window scale over
 * data-scale, so the step lands centred on the screen.
 */
export function camera(page: Page): Promise<Camera> {
  return page.evaluate(() => {
    const step = document.querySelector<HTMLElement>('.step.active')!;
    const root = document.getElementById('impress')!;
    const canvas = root.firstElementChild as HTMLElement;
    const n = (value: string | undefined, fallback = 0) => (value === undefined || value === '' ? fallback : Number(value));
    const d = step.dataset;
    const expected = new DOMMatrix()
      .rotateAxisAngleSelf(0, 0, 1, -n(d.rotateZ))
      .rotateAxisAngleSelf(0, 1, 0, -n(d.rotateY))
      .rotateAxisAngleSelf(1, 0, 0, -n(d.rotateX))
      .translateSelf(-n(d.x), -n(d.y), -n(d.z));
    const actual = new DOMMatrix(getComputedStyle(canvas).transform);
    const keys = ['m11', 'm12', 'm13', 'm14', 'm21', 'm22', 'm23', 'm24', 'm31', 'm32', 'm33', 'm34', 'm41', 'm42', 'm43', 'm44'] as const;
    const canvasError = Math.max(...keys.map((key) => Math.abs(actual[key] - expected[key])));
    const windowScale = Math.min(1, window.innerHeight / 768, window.innerWidth / 1024);
    const rootMatrix = new DOMMatrix(getComputedStyle(root).transform);
    const rect = step.getBoundingClientRect();
    const offCentre = Math.hypot(rect.left + rect.width / 2 - window.innerWidth / 2, rect.top + rect.height / 2 - window.innerHeight / 2);
    return { canvasError, rootScale: rootMatrix.a, expectedRootScale: windowScale / n(d.scale, 1), offCentre };
  });
}

export async function expectCameraOn(page: Page, label: string): Promise<void> {
  // CSS transitions can end a little after impress.js announces the step on a
  // loaded machine: wait for the camera to settle, then check where it is.
  await expect
    .poll(async () => (await camera(page)).canvasError, { timeout: 5000, interval: 50 })
    .toBeLessThan(0.01);
  const found = await camera(page);
  expect(found.canvasError, `${label}: canvas transform`).toBeLessThan(0.01);
  expect(found.rootScale, `${label}: scale`).toBeCloseTo(found.expectedRootScale, 4);
  expect(found.offCentre, `${label}: step centred`).toBeLessThan(2);
}

/** How many distinct colours a screenshot has (a blank page has one), counted in the page itself. */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  const data = `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4 * 7) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return colours.size;
  }, data);
}

/** Saves a screenshot of the page under test-artifacts/ and checks it shows something. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.png`), png);
  expect(await distinctColours(page, png), `${name}.png is blank`).toBeGreaterThan(8);
}
