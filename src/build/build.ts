/**
 * `deck build`: compiles decks into a static folder (the edge that touches
 * the file system). The folder is staged and swapped in atomically.
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compile } from './compile.js';
import { copyAssets } from './assets.js';
import { commitStaging, copyTree, createStaging, discardStaging } from './output.js';
import type { EmitTemplate } from '../emit/types.js';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  out: string;
  templateDir?: string;
  skipNotes?: boolean;
}

export interface BuildReport {
  diagnostics: Diagnostic[];
  /** Source text by file name, for code frames. */
  sources: Map<string, string>;
  written: string[];
}

export function loadTemplate(dir: string): EmitTemplate {
  const html = fs.readFileSync(path.join(dir, 'template.html'), 'utf8');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => f !== 'template.html' && f !== 'README.md')
    .sort();
  return { html, files };
}

function impressPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('impress.js/package.json')), 'js', 'impress.js');
}

/** Reads included files, refusing anything outside the deck's folder. */
function includeReader(deckDir: string) {
  const root = path.resolve(deckDir);
  return (file: string): string | undefined => {
    const absolute = path.resolve(root, file);
    if (absolute !== root && !absolute.startsWith(root + path.sep)) return undefined;
    try {
      return fs.readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
}

export function build(files: string[], options: BuildOptions): BuildReport {
  const report: BuildReport = { diagnostics: [], sources: new Map(), written: [] };
  const templateDir = options.templateDir ?? path.join(PACKAGE_ROOT, 'templates', 'default');
  const template = loadTemplate(templateDir);
  const staging = createStaging(options.out);
  try {
    for (const file of files) {
      const folder = files.length === 1 ? '' : path.basename(file).replace(/\.(rst|txt)$/, '');
      buildOne(file, path.join(staging, folder), template, templateDir, options, report);
      report.written.push(path.join(options.out, folder, 'index.html'));
    }
    commitStaging(staging, options.out);
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
  return report;
}

function buildOne(
  file: string,
  target: string,
  template: EmitTemplate,
  templateDir: string,
  options: BuildOptions,
  report: BuildReport,
): void {
  const source = fs.readFileSync(file, 'utf8');
  report.sources.set(file, source);
  const deckDir = path.dirname(file);
  const result = compile(source, {
    sourceName: file,
    sourceDir: '.',
    readFile: includeReader(deckDir),
    template,
    skipNotes: options.skipNotes ?? false,
  });
  report.diagnostics.push(...result.diagnostics);
  fs.mkdirSync(target, { recursive: true });
  copyTree(templateDir, target, (relative) => relative === 'template.html' || relative === 'README.md');
  fs.mkdirSync(path.join(target, 'js'), { recursive: true });
  fs.copyFileSync(impressPath(), path.join(target, 'js', 'impress.js'));
  const requests = result.page.files.map((f) => {
    const r: { url: string; file: string; line?: number } = { url: f.url, file };
    if (f.line !== undefined) r.line = f.line;
    return r;
  });
  report.diagnostics.push(...copyAssets(requests, deckDir, target));
  fs.writeFileSync(path.join(target, 'index.html'), result.page.html);
}
