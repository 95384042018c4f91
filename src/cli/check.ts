/**
 * `deck check FILE... [--format text|json] [--strict] [--offline]`: every
 * diagnostic a build would print, without writing anything, plus the
 * checks of `src/check/` (the mistakes a speaker only notices on stage).
 * Exit codes: 0 clean (warnings allowed unless --strict), 1 errors (or
 * warnings with --strict), 2 usage.
 *
 * The file-system part of a build (which template, whether each file the
 * deck uses exists) is mirrored here read-only; keep it in step with
 * `src/build/build.ts` and `src/build/assets.ts`.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { compile, type CompileResult } from '../build/compile.js';
import {
  DEFAULT_TEMPLATE,
  includeReader,
  loadTemplate,
  referencedFrom,
  renameIncluded,
  resolveTemplateDir,
  templateNotFound,
  type IncludeRecord,
} from '../build/build.js';
import { planAssets } from '../build/assets.js';
import { check, type AssetText } from '../check/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isError } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/render.js';
import type { Deck } from '../deck/types.js';

export interface CheckIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface CheckFlags {
  format: string;
  strict?: boolean;
  offline?: boolean;
}

/** Adds the `check` command to the program; `done` receives its exit code. */
export function registerCheck(program: Command, io: CheckIo, done: (code: number) => void): void {
  program
    .command('check')
    .description("report every problem a build would, and the mistakes a speaker only notices on stage, without writing anything")
    .argument('<file...>', 'reStructuredText decks')
    .option('--format <format>', 'text, or json (an array of diagnostics) for tools', 'text')
    .option('--strict', 'fail on warnings too')
    .option('--offline', 'the venue has no network: what the page loads from elsewhere is an error, links to elsewhere are warnings')
    .action((files: string[], opts: CheckFlags) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        io.err(`error: --format must be text or json, not "${opts.format}"\n`);
        done(2);
        return;
      }
      done(runCheck(files, opts, io));
    });
}

export function runCheck(files: string[], opts: CheckFlags, io: CheckIo): number {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      diagnostics.push({ severity: 'error', code: 'cli/file-not-found', message: `No such file: "${file}".`, file, line: 1, column: 1 });
      continue;
    }
    diagnostics.push(...checkOne(file, opts, sources));
  }
  // Info messages (docutils' level 1) are not problems; build does not print them either.
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (opts.format === 'json') io.out(`${JSON.stringify(shown.map(toJson), null, 2)}\n`);
  else {
    for (const d of shown) io.out(`${formatDiagnostic(d, d.file ? sources.get(d.file) : undefined)}\n`);
    io.err(`${summary(shown, files.length)}\n`);
  }
  const failed = shown.some((d) => isError(d) || (opts.strict && d.severity === 'warning'));
  return failed ? 1 : 0;
}

function summary(shown: Diagnostic[], files: number): string {
  const errors = shown.filter(isError).length;
  const warnings = shown.length - errors;
  const decks = files === 1 ? '1 deck' : `${files} decks`;
  return shown.length === 0 ? `${decks} checked: no problems` : `${decks} checked: ${errors} error(s), ${warnings} warning(s)`;
}

/** The same keys for every diagnostic, null where unknown; a line without a column points at its start, as the text output does. */
function toJson(d: Diagnostic): Record<string, string | number | null> {
  return {
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? (d.line !== undefined ? 1 : null),
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint ?? null,
  };
}

function checkOne(file: string, opts: CheckFlags, sources: Map<string, string>): Diagnostic[] {
  const source = fs.readFileSync(file, 'utf8');
  sources.set(file, source);
  const deckDir = path.dirname(file);
  const found: Diagnostic[] = [];
  let templateDir = DEFAULT_TEMPLATE;
  const included: IncludeRecord = { dependencies: [], sources, names: new Map() };
  const result = compile(source, {
    sourceName: file,
    sourceDir: '.',
    readFile: includeReader(deckDir, included),
    template: (deck) => {
      templateDir = chooseTemplate(deck, file, found);
      return loadTemplate(templateDir);
    },
  });
  const missing = missingFiles(result, file, deckDir, included.names);
  const assets = [...readAssets(result, deckDir, file, sources), ...templateAssets(templateDir)];
  const checked = result.fileLines(check({ deck: result.deck, positions: result.positions, file, assets, offline: opts.offline ?? false }));
  // Included files as the author can open them (stylesheets are named so already).
  renameIncluded(result.diagnostics, included.names);
  renameIncluded(checked, included.names);
  return inReadingOrder([...result.diagnostics, ...found, ...missing, ...checked], file);
}

/** The deck's diagnostics first, then each other file's (stylesheets, included files); each by line, those without a line first. */
function inReadingOrder(diagnostics: Diagnostic[], deck: string): Diagnostic[] {
  const files = [deck, ...new Set(diagnostics.map((d) => d.file ?? deck))];
  const rank = (d: Diagnostic) => files.indexOf(d.file ?? deck);
  return diagnostics
    .map((d, order) => ({ d, order }))
    .sort((a, b) => rank(a.d) - rank(b.d) || (a.d.line ?? 0) - (b.d.line ?? 0) || a.order - b.order)
    .map(({ d }) => d);
}


/** The deck's `:template:` (relative to the deck), else the default, as `deck build` chooses without `--template`. */
function chooseTemplate(deck: Deck, file: string, found: Diagnostic[]): string {
  const setting = deck.settings['template']?.trim();
  if (!setting) return DEFAULT_TEMPLATE;
  const wanted = resolveTemplateDir(setting, path.dirname(file));
  if (fs.existsSync(path.join(wanted, 'template.html'))) return wanted;
  found.push(templateNotFound(setting, file, deck.settingLines['template']));
  return DEFAULT_TEMPLATE;
}

/** `build/missing-file` for every local file the page uses (and its stylesheets pull in) that is not there. */
function missingFiles(result: CompileResult, file: string, deckDir: string, names: Map<string, string>): Diagnostic[] {
  // An included file's reference is reported in that file.
  const requests = result.page.files.map((f) => ({ url: f.url, file: referencedFrom(f, file, names), ...(f.line !== undefined ? { line: f.line } : {}) }));
  return planAssets(requests, deckDir).diagnostics;
}

/** The text of the deck's own stylesheets and scripts that exist; each is also a source for code frames. */
function readAssets(result: CompileResult, deckDir: string, file: string, sources: Map<string, string>): AssetText[] {
  const found: AssetText[] = [];
  const requests = result.page.files.filter((a) => a.kind === 'css' || a.kind === 'js').map((a) => ({ url: a.url, file }));
  // The deck's own files (as the build would bundle them), not what CSS pulls in.
  const own = new Set(planAssets(requests, deckDir).files);
  for (const asset of result.page.files) {
    if (asset.kind !== 'css' && asset.kind !== 'js') continue;
    const relative = [...own].find((f) => f === path.normalize(asset.url.replace(/[?#].*$/s, '')));
    if (relative === undefined) continue;
    const absolute = path.join(deckDir, relative);
    const name = path.join(path.dirname(file), relative);
    const text = fs.readFileSync(absolute, 'utf8');
    sources.set(name, text);
    found.push({ url: asset.url, file: name, text });
  }
  return found;
}

/** The template's stylesheets and scripts: a template may read step fields of its own. */
function templateAssets(dir: string): AssetText[] {
  const { html, files } = loadTemplate(dir);
  const own = files
    .filter((name) => /\.(css|js)$/i.test(name))
    .map((name) => ({ url: name, file: path.join(dir, name), text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  return [{ url: 'template.html', file: path.join(dir, 'template.html'), text: html }, ...own];
}
