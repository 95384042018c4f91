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
  return decodeURI(url.replace(/[?#].*$/, ''));
}

/** Copies every asset (and what CSS files pull in) from `deckDir` to `outDir`. */
export function copyAssets(requests: AssetRequest[], deckDir: string, outDir: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  const queue = [...requests];
  while (queue.length > 0) {
    const request = queue.shift()!;
    if (EXTERNAL.test(request.url) || request.url.startsWith('/')) continue;
    const relative = path.normalize(stripQuery(request.url));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      diagnostics.push(problem(request, `"${request.url}" is outside the deck's folder and cannot be bundled.`));
      continue;
    }
    if (done.has(relative)) continue;
    done.add(relative);
    const from = path.join(deckDir, relative);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) {
      diagnostics.push(problem(request, `File not found: "${request.url}".`));
      continue;
    }
    if (!insideFolder(fs.realpathSync(from), fs.realpathSync(deckDir))) {
      // A symbolic link leading out of the deck's folder would publish that file.
      diagnostics.push(problem(request, `"${request.url}" links to a file outside the deck's folder and cannot be bundled.`));
      continue;
    }
    const to = path.join(outDir, relative);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    if (relative.endsWith('.css')) queue.push(...cssReferences(from, relative));
  }
  return diagnostics;
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
