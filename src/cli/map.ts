/**
 * `deck map FILE [--out map.svg]`: draws the canvas of a deck as an SVG
 * (`src/map/`). The step size comes from the last `.step { width; height }`
 * rule with pixel sizes in the deck's stylesheets, else the template's,
 * else 1024×768. Errors in the deck are printed (the map is drawn all the
 * same); `deck check` reports the rest.
 * Exit codes: 0 written, 1 no such deck, 2 usage.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { compile } from '../build/compile.js';
import { DEFAULT_TEMPLATE, loadTemplate, localFiles, resolveTemplateDir } from '../build/build.js';
import { checkOutputFile, reportOutputFailureOrThrow } from '../build/safe-output.js';
import { isError } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/render.js';
import { drawMap, type MapInput } from '../map/index.js';
import type { Size } from '../map/geometry.js';

export interface MapIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Adds the `map` command to the program; `done` receives its exit code. */
export function registerMap(program: Command, io: MapIo, done: (code: number) => void): void {
  program
    .command('map')
    .description('draw the whole canvas as an SVG: every step numbered at its place, the camera path, overlaps highlighted')
    .argument('<file>', 'reStructuredText deck')
    .option('-o, --out <file>', "SVG file to write, or '-' for standard output", 'map.svg')
    .action((file: string, opts: { out: string }) => {
      done(runMap(file, opts.out, io));
    });
}

export function runMap(file: string, out: string, io: MapIo): number {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    io.err(`${file}:1:1: error: No such file: "${file}". [cli/file-not-found]\n`);
    return 1;
  }
  const source = fs.readFileSync(file, 'utf8');
  const deckDir = path.dirname(file);
  let templateDir = DEFAULT_TEMPLATE;
  const read = [file];
  const result = compile(source, {
    sourceName: file,
    sourceDir: '.',
    readFile: (name) => readInside(deckDir, name, read),
    template: (deck) => {
      const setting = deck.settings['template']?.trim();
      const wanted = setting ? resolveTemplateDir(setting, deckDir) : DEFAULT_TEMPLATE;
      templateDir = fs.existsSync(path.join(wanted, 'template.html')) ? wanted : DEFAULT_TEMPLATE;
      return loadTemplate(templateDir);
    },
  });
  for (const d of result.diagnostics.filter(isError)) io.err(`${formatDiagnostic(d, d.file === file ? source : undefined)}\n`);
  const input: MapInput = { deck: result.deck, positions: result.positions };
  const size = stepSize(result.page.files.filter((f) => f.kind === 'css').map((f) => readInside(deckDir, f.url, read))) ?? stepSize(templateStylesheets(templateDir, read));
  // Its pictures too: the map must not be written over one.
  read.push(...localFiles(result.page.files.map((f) => f.url), deckDir));
  if (size) input.stepSize = size;
  const svg = drawMap(input);
  if (out === '-') io.out(svg);
  else {
    try {
      checkOutputFile(out, read);
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, svg);
    } catch (error) {
      return reportOutputFailureOrThrow(error, out, 'map', io.err);
    }
    const drawn = result.positions.filter(Boolean).length;
    io.err(`wrote ${out} (${drawn} steps)\n`);
  }
  return 0;
}

/** A file of the deck's folder, recorded in `read`; undefined when it is outside or missing. */
function readInside(dir: string, name: string, read: string[]): string | undefined {
  const root = path.resolve(dir);
  const absolute = path.resolve(root, name.replace(/[?#].*$/s, ''));
  if (!absolute.startsWith(root + path.sep)) return undefined;
  read.push(absolute);
  try {
    return fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
}

function templateStylesheets(dir: string, read: string[]): (string | undefined)[] {
  return loadTemplate(dir).files.filter((f) => f.endsWith('.css')).map((f) => readInside(dir, f, read));
}

const STEP_RULE = /(?:^|[};])\s*\.step\s*\{([^}]*)\}/g;

/** The last `.step { … }` rule (the selector alone) giving a width or height in px. */
export function stepSize(stylesheets: (string | undefined)[]): Size | undefined {
  let size: Partial<Size> = {};
  for (const css of stylesheets) {
    if (!css) continue;
    const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of text.matchAll(STEP_RULE)) {
      const width = /(?:^|;|\s)width\s*:\s*([\d.]+)px/.exec(match[1]!);
      const height = /(?:^|;|\s)height\s*:\s*([\d.]+)px/.exec(match[1]!);
      if (width) size = { ...size, width: Number(width[1]) };
      if (height) size = { ...size, height: Number(height[1]) };
    }
  }
  if (size.width === undefined && size.height === undefined) return undefined;
  return { width: size.width ?? 1024, height: size.height ?? 768 };
}
