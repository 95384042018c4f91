/**
 * Copies the local files a deck uses into the output folder, keeping their
 * relative paths, and follows `url(...)` references inside CSS files.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface AssetRequest {
  url: string;
  /** Where the reference is, for diagnostics. */
  file: string;
  line?: number;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

function stripQuery(url: string): string {
  try {
    return decodeURI(url.replace(/[?#].*$/s, ''));
  } catch {
    return url;
  }
}

export interface AssetPlan {
  /** Local files to bundle, as paths relative to the deck's folder. */
  files: string[];
  /** Files that are missing, outside the deck's folder, or links out of it. */
  diagnostics: Diagnostic[];
}

/**
 * Resolves every local file the page uses — and what its stylesheets pull
 * in with url() and @import — against the deck's folder, without writing
 * anything: `deck build` copies the plan, `deck check` only reports it.
 */
export function planAssets(requests: AssetRequest[], deckDir: string): AssetPlan {
  const plan: AssetPlan = { files: [], diagnostics: [] };
  const done = new Set<string>();
  const queue = [...requests];
  const root = fs.realpathSync(deckDir);
  while (queue.length > 0) {
    const request = queue.shift()!;
    if (EXTERNAL.test(request.url) || request.url.startsWith('/')) continue;
    const relative = path.normalize(stripQuery(request.url));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      plan.diagnostics.push(problem(request, `"${request.url}" is outside the deck's folder and cannot be bundled.`));
      continue;
    }
    if (done.has(relative)) continue;
    done.add(relative);
    const from = path.join(deckDir, relative);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) {
      plan.diagnostics.push(problem(request, `File not found: "${request.url}".`));
      continue;
    }
    if (!insideFolder(fs.realpathSync(from), root)) {
      // A symbolic link leading out of the deck's folder would publish that file.
      plan.diagnostics.push(problem(request, `"${request.url}" links to a file outside the deck's folder and cannot be bundled.`));
      continue;
    }
    plan.files.push(relative);
    if (relative.endsWith('.css')) queue.push(...cssReferences(from, relative));
  }
  return plan;
}

/** Copies every asset of the plan from `deckDir` to `outDir`; returns the plan's diagnostics. */
export function copyAssets(requests: AssetRequest[], deckDir: string, outDir: string): Diagnostic[] {
  const plan = planAssets(requests, deckDir);
  for (const relative of plan.files) {
    const to = path.join(outDir, relative);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(deckDir, relative), to);
  }
  return plan.diagnostics;
}

function insideFolder(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}

function cssReferences(file: string, relative: string): AssetRequest[] {
  const css = fs.readFileSync(file, 'utf8');
  const found: AssetRequest[] = [];
  for (const match of css.matchAll(CSS_URL)) {
    const url = match[2] ?? match[4] ?? '';
    if (!url || EXTERNAL.test(url) || url.startsWith('data:')) continue;
    const line = css.slice(0, match.index).split('\n').length;
    found.push({ url: path.join(path.dirname(relative), stripQuery(url)), file: relative, line });
  }
  return found;
}

function problem(request: AssetRequest, message: string): Diagnostic {
  const d: Diagnostic = { severity: 'error', code: 'build/missing-file', message, file: request.file };
  if (request.line !== undefined) d.line = request.line;
  return d;
}
