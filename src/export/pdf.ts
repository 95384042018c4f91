/**
 * `deck pdf`: builds the deck into a temporary folder, opens it in Chromium
 * from file:// (as a speaker who double-clicks index.html would), lets
 * impress.js place the camera on every step, lays those views out one per
 * page (src/export/print-layout.ts) and prints them. The edge that drives a
 * browser; the temporary folder is removed whatever happens.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build, type BuildReport } from '../build/build.js';
import { checkOutputFile } from '../build/safe-output.js';
import { BROWSER_ARGS } from './browser.js';
import { cameraFor, countSteps, layOutPages, settle, type PrintState } from './print-layout.js';

export interface PdfOptions {
  out: string;
  browser: string;
  width: number;
  height: number;
  /** One page per substep state instead of one per step. */
  substeps?: boolean;
  /** A handout page with the speaker notes after each step that has some. */
  notes?: boolean;
  templateDir?: string;
  /** Called as cameras are placed: `done` of `total` pages. */
  progress?: (done: number, total: number) => void;
}

export interface PdfReport {
  build: BuildReport;
  pages: number;
  bytes: number;
}

export async function exportPdf(file: string, options: PdfOptions): Promise<PdfReport> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-pdf-'));
  try {
    const folder = path.join(temp, 'site');
    const buildOptions: Parameters<typeof build>[1] = { out: folder, skipHelp: true, autoConsole: false };
    if (options.templateDir !== undefined) buildOptions.templateDir = options.templateDir;
    const report = build([file], buildOptions);
    // Before printing, which takes a while: the PDF may not overwrite a file the deck uses.
    checkOutputFile(options.out, report.dependencies);
    const pdf = await print(pathToFileURL(path.join(folder, 'index.html')).href, options);
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, pdf.bytes);
    return { build: report, pages: pdf.pages, bytes: pdf.bytes.length };
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function print(url: string, options: PdfOptions): Promise<{ bytes: Buffer; pages: number }> {
  const browser = await chromium.launch({ executablePath: options.browser, args: BROWSER_ARGS });
  try {
    // The viewport is the paper, so impress.js scales each step to fit it as it would fit a screen of that shape.
    const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.classList.contains('impress-enabled') && document.querySelector('.step.present') !== null);
    const steps = await page.evaluate(countSteps);
    const states: PrintState[] = [];
    const total = () => states.length + (steps - done);
    let done = 0;
    for (let index = 0; index < steps; index++) {
      const camera = await page.evaluate(cameraFor, index);
      const shown = options.substeps ? range(camera.substeps + 1) : [camera.substeps];
      shown.forEach((visible, k) => {
        states.push({ index, visible, camera, notesAfter: Boolean(options.notes && camera.hasNotes && k === shown.length - 1) });
      });
      done++;
      options.progress?.(states.length, total());
    }
    const pages = await page.evaluate(layOutPages, { width: options.width, height: options.height, states, notesTitle: 'Notes for step' });
    await page.evaluate(settle);
    const bytes = await page.pdf({
      width: `${options.width}px`,
      height: `${options.height}px`,
      printBackground: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
    });
    return { bytes, pages };
  } finally {
    await browser.close();
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
