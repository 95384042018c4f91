/**
 * `deck build`: compiles decks into a static folder (the edge that touches
 * the file system). The folder is staged and swapped in atomically.
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { diagnosticAt, type Diagnostic, type SourceLine } from '../diagnostics/diagnostic.js';
import { compile } from './compile.js';
import { copyAssets } from './assets.js';
import { copyKatex } from './katex.js';
import { inlineFolder } from './single-file.js';
import { commitStaging, copyTree, createStaging, discardStaging } from './output.js';
import { checkOutput, checkUnlistedOutput, deckFolder, markOutput } from './safe-output.js';
import type { AssetReference, EmitTemplate } from '../emit/types.js';
import { RUNTIME_FOLDER } from '../emit/runtime.js';
import type { Deck } from '../deck/types.js';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildOptions {
  out: string;
  /** A template folder, or the name of one of the package's templates (`default`, `simple`); wins over the deck's `:template:`. */
  templateDir?: string;
  skipNotes?: boolean;
  /** Presenter features; each, when given, wins over the deck's setting. */
  slideNumbers?: boolean;
  skipHelp?: boolean;
  autoConsole?: boolean;
  /** Fold each build into its index.html alone (src/build/single-file.ts). */
  singleFile?: boolean;
  /**
   * `out` is in a folder deck made for itself (deck serve's work folder):
   * nobody's files can be there, so it is neither checked nor marked
   * (safe-output.ts), which would cost every rebuild time.
   */
  privateOutput?: boolean;
}

/** deck's own browser-side files (presenter console, goto …), copied to `deck/` in every build (see src/emit/runtime.ts). */
const RUNTIME_DIR = path.join(PACKAGE_ROOT, 'assets', RUNTIME_FOLDER);
export const DEFAULT_TEMPLATE = path.join(PACKAGE_ROOT, 'templates', 'default');

export interface BuildReport {
  diagnostics: Diagnostic[];
  /** Source text by file name, for code frames. */
  sources: Map<string, string>;
  written: string[];
  /**
   * Absolute paths of everything the build read or looked for: the decks,
   * the files they include (also ones that were missing), their local assets
   * (with what CSS files pull in) and the template folder. A watcher rebuilds
   * when any of them changes.
   */
  dependencies: string[];
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

/**
 * The time `.. date::` shows: SOURCE_DATE_EPOCH when set (reproducible
 * builds, as Debian and CI systems use it), else the clock.
 */
function buildTime(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH !== '' ? new Date(epoch * 1000) : new Date();
}

/** What an include reader records of the files a deck includes. */
export interface IncludeRecord {
  /** Every path asked for, absolute, also ones that were missing. */
  dependencies: string[];
  /** The text of each file read, for code frames, under the name `asGiven` gives it. */
  sources: Map<string, string>;
  /** The parser's name of each file read → the name `asGiven` gives it. */
  names: Map<string, string>;
}

/** Reads included files, refusing anything outside the deck's folder, and records them in `record`. */
export function includeReader(deckDir: string, record: IncludeRecord) {
  const root = path.resolve(deckDir);
  return (file: string): string | undefined => {
    const absolute = path.resolve(root, file);
    if (absolute !== root && !absolute.startsWith(root + path.sep)) return undefined;
    record.dependencies.push(absolute);
    try {
      const text = fs.readFileSync(absolute, 'utf8');
      const name = asGiven(deckDir, file);
      record.names.set(file, name);
      if (!record.sources.has(name)) record.sources.set(name, text);
      return text;
    } catch {
      return undefined;
    }
  };
}

/** Names the included files diagnostics are in as the author can open them (`asGiven`), as code frames find them. */
export function renameIncluded(diagnostics: Diagnostic[], names: Map<string, string>): void {
  for (const d of diagnostics) {
    const name = d.file === undefined ? undefined : names.get(d.file);
    if (name !== undefined) d.file = name;
  }
}

/** The file whose markup references an asset: the deck, or an included file as `renameIncluded` names it. */
export function referencedFrom(asset: AssetReference, deckFile: string, names: Map<string, string>): string {
  return (asset.source === undefined ? undefined : names.get(asset.source)) ?? deckFile;
}

/**
 * An included file's name as the deck's was given: the parser names it
 * relative to the deck's folder, the author runs deck from somewhere else.
 */
function asGiven(deckDir: string, file: string): string {
  return path.isAbsolute(file) ? file : path.join(deckDir, file);
}

const EXTERNAL_URL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i;

/** The files in the deck's folder that a page's `urls` name (existing or not). */
export function localFiles(urls: string[], deckDir: string): string[] {
  const root = path.resolve(deckDir);
  const found: string[] = [];
  for (const url of urls) {
    if (EXTERNAL_URL.test(url)) continue;
    let relative: string;
    try {
      relative = decodeURI(url.replace(/[?#].*$/s, ''));
    } catch {
      continue;
    }
    const absolute = path.resolve(root, relative);
    if (absolute.startsWith(root + path.sep)) found.push(absolute);
  }
  return found;
}

/** The deck-folder files a page refers to (existing or not) and the files copied from there into `target`. */
function assetDependencies(urls: string[], deckDir: string, target: string): string[] {
  const root = path.resolve(deckDir);
  const found = localFiles(urls, deckDir);
  // What CSS files pulled in is known only from what was copied.
  for (const entry of fs.readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(target, path.join(entry.parentPath, entry.name));
    const source = path.join(root, relative);
    if (relative !== 'index.html' && fs.existsSync(source)) found.push(source);
  }
  return found;
}

/** Builds `files` into `options.out`, replacing it; throws UnsafeOutput (safe-output.ts) when that would delete the author's files. */
export function build(files: string[], options: BuildOptions): BuildReport {
  const report: BuildReport = { diagnostics: [], sources: new Map(), written: [], dependencies: [] };
  const check = options.privateOutput ? undefined : () => checkOutput(options.out, files);
  const staging = createStaging(options.out, check);
  try {
    for (const file of files) {
      const folder = deckFolder(file, files.length);
      buildOne(file, path.join(staging, folder), options, report);
      report.written.push(path.join(options.out, folder, 'index.html'));
    }
    if (!options.privateOutput) {
      checkUnlistedOutput(options.out, staging);
      markOutput(staging);
    }
    commitStaging(staging, options.out);
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
  report.dependencies = [...new Set(report.dependencies)].sort();
  return report;
}

/**
 * A template given as a folder, or by the name of one of the package's
 * templates (`--template simple`) when no such folder exists where it was given.
 */
export function resolveTemplateDir(value: string, base: string): string {
  const given = path.resolve(base, value);
  if (fs.existsSync(given)) return given;
  const builtIn = path.join(PACKAGE_ROOT, 'templates', value);
  return /^[\w-]+$/.test(value) && fs.existsSync(path.join(builtIn, 'template.html')) ? builtIn : given;
}

/**
 * Which template a deck uses: `--template`, else the deck's `:template:`
 * (relative to the deck), else the default. One that has no
 * `template.html` is an error, and the default is used instead.
 */
function chooseTemplate(deck: Deck, file: string, options: BuildOptions, report: BuildReport): { dir: string; template: EmitTemplate } {
  const setting = deck.settings['template']?.trim();
  const wanted = options.templateDir !== undefined
    ? resolveTemplateDir(options.templateDir, process.cwd())
    : setting ? resolveTemplateDir(setting, path.dirname(file)) : DEFAULT_TEMPLATE;
  // The folder rather than its files, so that a file added to it counts too.
  report.dependencies.push(wanted);
  if (fs.existsSync(path.join(wanted, 'template.html'))) return { dir: wanted, template: loadTemplate(wanted) };
  const at = options.templateDir === undefined ? deck.settingLines['template'] : undefined;
  report.diagnostics.push(templateNotFound(options.templateDir ?? setting ?? '', file, at));
  return { dir: DEFAULT_TEMPLATE, template: loadTemplate(DEFAULT_TEMPLATE) };
}

/** The error for a template folder without a template.html, at the `:template:` setting when it came from one. */
export function templateNotFound(given: string, file: string, at: SourceLine | undefined): Diagnostic {
  return diagnosticAt(
    'error',
    'build/template-not-found',
    `No template at "${given}": a template is a folder with a template.html; the default template is used instead.`,
    file,
    at,
  );
}

function buildOne(file: string, target: string, options: BuildOptions, report: BuildReport): void {
  report.dependencies.push(path.resolve(file));
  const source = fs.readFileSync(file, 'utf8');
  report.sources.set(file, source);
  const deckDir = path.dirname(file);
  let templateDir = DEFAULT_TEMPLATE;
  const features: { slideNumbers?: boolean; skipHelp?: boolean; autoConsole?: boolean } = {};
  for (const key of ['slideNumbers', 'skipHelp', 'autoConsole'] as const) {
    if (options[key] !== undefined) features[key] = options[key];
  }
  const included: IncludeRecord = { dependencies: report.dependencies, sources: report.sources, names: new Map() };
  const result = compile(source, {
    sourceName: file,
    sourceDir: '.',
    readFile: includeReader(deckDir, included),
    template: (deck) => {
      const chosen = chooseTemplate(deck, file, options, report);
      templateDir = chosen.dir;
      return chosen.template;
    },
    skipNotes: options.skipNotes ?? false,
    now: buildTime(),
    features,
  });
  renameIncluded(result.diagnostics, included.names);
  report.diagnostics.push(...result.diagnostics);
  fs.mkdirSync(target, { recursive: true });
  copyTree(templateDir, target, (relative) => relative === 'template.html' || relative === 'README.md');
  copyTree(RUNTIME_DIR, path.join(target, RUNTIME_FOLDER));
  if (result.page.features.includes('math')) copyKatex(target);
  fs.mkdirSync(path.join(target, 'js'), { recursive: true });
  fs.copyFileSync(impressPath(), path.join(target, 'js', 'impress.js'));
  const requests = result.page.files.map((f) => {
    // An included file's reference is reported in that file.
    const r: { url: string; file: string; line?: number } = { url: f.url, file: referencedFrom(f, file, included.names) };
    if (f.line !== undefined) r.line = f.line;
    return r;
  });
  report.diagnostics.push(...copyAssets(requests, deckDir, target));
  report.dependencies.push(...assetDependencies(result.page.files.map((f) => f.url), deckDir, target));
  fs.writeFileSync(path.join(target, 'index.html'), result.page.html);
  if (options.singleFile) report.diagnostics.push(...inlineFolder(target, file));
}
