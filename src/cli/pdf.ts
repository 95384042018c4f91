/**
 * `deck pdf FILE [--out talk.pdf]`: one page per step (or per substep state
 * with `--substeps`), as the audience sees it, text kept as text
 * (src/export/pdf.ts). Exit codes: 0 written, 1 errors in the deck (the PDF
 * is written all the same) or no such file, 2 usage, 4 no browser.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isError } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/render.js';
import { findBrowser } from '../export/browser.js';
import type { PdfOptions } from '../export/pdf.js';
import { progressBar } from '../export/progress.js';
import { tierForBuild } from './tiering.js';
import { reportOutputFailureOrThrow } from '../build/safe-output.js';

export interface PdfIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface PdfFlags {
  out?: string;
  size: string;
  substeps?: boolean;
  notes?: boolean;
  browser?: string;
  template?: string;
}

/** Adds the `pdf` command to the program; `done` receives its exit code. */
export function registerPdf(program: Command, io: PdfIo, done: (code: number) => void): void {
  program
    .command('pdf')
    .description('export a deck to PDF: one page per step as the audience sees it, text kept as text')
    .argument('<file>', 'reStructuredText deck')
    .option('-o, --out <file>', 'PDF file to write (default: the deck\'s name with .pdf, in the current folder)')
    .option('--size <WxH>', 'page size in CSS pixels', '1920x1080')
    .option('--substeps', 'one page per substep state instead of one per step')
    .option('--notes', 'a handout page with the speaker notes after each step that has notes')
    .option('--browser <path>', 'Chromium or Chrome executable (default: found on the system)')
    .option('-t, --template <dir>', "template folder, or a built-in template's name")
    .action(async (file: string, opts: PdfFlags) => {
      done(await runPdf(file, opts, io));
    });
}

const SIZE = /^(\d{2,5})x(\d{2,5})$/;

export async function runPdf(file: string, opts: PdfFlags, io: PdfIo): Promise<number> {
  const size = SIZE.exec(opts.size.trim());
  if (!size) {
    io.err(`error: --size must be WIDTHxHEIGHT in pixels, like 1920x1080, not "${opts.size}"\n`);
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    io.err(`${file}:1:1: error: No such file: "${file}". [cli/file-not-found]\n`);
    return 1;
  }
  const browser = findBrowser(opts.browser);
  if ('missing' in browser) {
    io.err(`error: ${browser.missing}\n`);
    return 4;
  }
  const out = opts.out ?? `${path.basename(file).replace(/\.(rst|txt)$/, '')}.pdf`;
  let drawn = false;
  const options: PdfOptions = {
    out,
    browser: browser.path,
    width: Number(size[1]),
    height: Number(size[2]),
    progress: (done, total) => {
      io.err(`\r${progressBar(done, total)}`);
      drawn = true;
    },
  };
  if (opts.substeps) options.substeps = true;
  if (opts.notes) options.notes = true;
  if (opts.template !== undefined) options.templateDir = opts.template;
  const started = performance.now();
  // The browser driver loads only when a PDF is asked for.
  const { exportPdf } = await import('../export/pdf.js');
  tierForBuild([file]);
  let result: Awaited<ReturnType<typeof exportPdf>>;
  try {
    result = await exportPdf(file, options);
  } catch (error) {
    if (drawn) io.err('\n');
    return reportOutputFailureOrThrow(error, out, 'pdf', io.err);
  }
  if (drawn) io.err('\n');
  for (const d of result.build.diagnostics) {
    if (d.severity === 'info') continue;
    io.err(`${formatDiagnostic(d, d.file ? result.build.sources.get(d.file) : undefined)}\n`);
  }
  const errors = result.build.diagnostics.filter(isError).length;
  const ms = Math.round(performance.now() - started);
  const kb = Math.round(result.bytes / 1024);
  io.err(`wrote ${out} (${result.pages} pages, ${kb} KB) in ${ms} ms${errors ? ` with ${errors} error(s)` : ''}\n`);
  return errors > 0 ? 1 : 0;
}
