/**
 * The decks being served: each rebuild writes a new generation folder under
 * the server's temporary work folder (never the source tree), and becomes
 * the served one only if it has no error diagnostics, so a page keeps the
 * last good deck while the speaker fixes a mistake. The very first build is
 * served whatever it holds: there is nothing better to show.
 *
 * Served pages get the live-reload client; `deck build` output never does,
 * because only this copy is changed.
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from '../build/build.js';
import { isError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { indexPage } from './index-page.js';
import { CLIENT_PATH } from './protocol.js';
import { createStaticSite, type Handler } from './static-site.js';
import { changedSince, stampFiles, type Stamps } from './stamps.js';

export interface SiteOptions {
  files: string[];
  /** A private, empty folder for generations. */
  workDir: string;
  templateDir?: string;
  skipNotes?: boolean;
}

/** What one rebuild did. */
export interface Attempt {
  build: string;
  /** Whether this build is now the one served. */
  served: boolean;
  /** Served, and only the pages differ from the build before (no stylesheet, script or picture). */
  pageOnly: boolean;
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  sources: Map<string, string>;
  /** Files to watch for the next rebuild. */
  dependencies: string[];
  ms: number;
}

export interface Site {
  rebuild(): Attempt;
  /** Whether anything the latest build read (or looked for) is different now. */
  changed(): boolean;
  /** The served build's id and its handler. */
  served(): { build: string; handler: Handler } | undefined;
  latest(): Attempt | undefined;
}

interface Generation {
  build: string;
  folder: string;
  handler: Handler;
}

export function createSite(options: SiteOptions): Site {
  const session = crypto.randomBytes(4).toString('hex');
  let count = 0;
  let served: Generation | undefined;
  let latest: Attempt | undefined;
  const deckFiles = options.files.map((f) => path.resolve(f));

  let stamps: Stamps = new Map();

  const rebuild = (): Attempt => {
    const started = performance.now();
    const id = `${session}-${++count}`;
    const folder = path.join(options.workDir, `build-${count}`);
    // Taken before building, so that a write during the build counts as a change.
    const before = stampFiles(new Set([...(latest?.dependencies ?? []), ...deckFiles]));
    const outcome = runBuild(options, folder);
    const errors = outcome.diagnostics.filter(isError);
    const dependencies = outcome.dependencies ?? [...new Set([...(latest?.dependencies ?? []), ...deckFiles])];
    stamps = new Map(dependencies.map((file) => [file, before.get(file) ?? stampFiles([file]).get(file)!]));
    let isServed = false;
    let pageOnly = false;
    if (outcome.written && (errors.length === 0 || !served)) {
      finishPages(outcome.written, options.files, folder, id);
      const previous = served;
      if (previous) pageOnly = keepValidators(previous.folder, folder, outcome.written) === 0;
      served = { build: id, folder, handler: createStaticSite(folder) };
      // Off the path from save to reload; requests already go to the new folder.
      if (previous) setImmediate(() => removeFolder(previous.folder));
      isServed = true;
    } else {
      removeFolder(folder);
    }
    latest = {
      build: id,
      served: isServed,
      pageOnly,
      diagnostics: outcome.diagnostics,
      errors,
      sources: outcome.sources,
      dependencies,
      ms: Math.round(performance.now() - started),
    };
    return latest;
  };

  return {
    rebuild,
    changed: () => changedSince(stamps),
    served: () => (served ? { build: served.build, handler: served.handler } : undefined),
    latest: () => latest,
  };
}

interface Outcome {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  dependencies?: string[];
  written?: string[];
}

/** Runs `deck build`'s code; bad input of any kind becomes a diagnostic, never a crash. */
function runBuild(options: SiteOptions, folder: string): Outcome {
  const missing = options.files.filter((f) => !isFile(f));
  if (missing.length > 0) {
    return {
      diagnostics: missing.map((file) => ({
        severity: 'error',
        code: 'serve/file-not-found',
        message: `No such file: "${file}".`,
        file,
        hint: 'The server keeps watching it and rebuilds when it is back.',
      })),
      sources: new Map(),
    };
  }
  const buildOptions: BuildOptions = { out: folder, privateOutput: true };
  if (options.templateDir) buildOptions.templateDir = options.templateDir;
  if (options.skipNotes) buildOptions.skipNotes = true;
  try {
    const report = build(options.files, buildOptions);
    return { diagnostics: report.diagnostics, sources: report.sources, dependencies: report.dependencies, written: report.written };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [{ severity: 'error', code: 'serve/build-failed', message: `The build failed: ${message}` }],
      sources: new Map(),
    };
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Gives files that did not change since the previous build their old
 * modification time, so their ETag stays the same and a reloading page gets
 * a 304 and keeps what it already decoded and compiled. Returns how many
 * files other than the pages are new, changed or gone.
 */
function keepValidators(previous: string, next: string, pages: string[]): number {
  const isPage = new Set(pages.map((page) => path.relative(next, page)));
  const remaining = new Set(listFiles(previous));
  let differences = 0;
  for (const relative of listFiles(next)) {
    remaining.delete(relative);
    const file = path.join(next, relative);
    const old = path.join(previous, relative);
    const before = statOrUndefined(old);
    if (before && before.size === fs.statSync(file).size && fs.readFileSync(old).equals(fs.readFileSync(file))) {
      fs.utimesSync(file, before.atime, before.mtime);
    } else if (!isPage.has(relative)) {
      differences++;
    }
  }
  return differences + remaining.size;
}

function listFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

/** Adds the live-reload client to every page, and an index page when there are several decks. */
function finishPages(written: string[], files: string[], folder: string, id: string): void {
  const tag = `<script src="${CLIENT_PATH}" data-build="${id}"></script>\n`;
  for (const page of written) {
    const html = fs.readFileSync(page, 'utf8');
    // In the head, so that it runs before impress.js starts and can choose the step to start on.
    const at = html.search(/<\/head>/i);
    fs.writeFileSync(page, at >= 0 ? html.slice(0, at) + tag + html.slice(at) : tag + html);
  }
  if (files.length > 1) {
    const entries = files.map((file) => ({ file, folder: path.basename(path.dirname(written[files.indexOf(file)]!)) }));
    fs.writeFileSync(path.join(folder, 'index.html'), indexPage(entries));
  }
}
