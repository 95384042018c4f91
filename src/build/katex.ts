/**
 * KaTeX's stylesheet and fonts, copied into builds whose page has math
 * (emit reports the `math` feature), so formulas render with the network
 * off. Only the woff2 fonts are copied and the stylesheet is rewritten to
 * name only them: every browser that runs impress.js reads woff2, and the
 * woff/ttf copies would triple the size of the build.
 */

import fs from 'node:fs';
import path from 'node:path';
import { KATEX_FOLDER } from '../emit/index.js';
import { packageFolder } from '../emit/installed.js';

function katexDist(): string {
  return path.join(packageFolder('katex'), 'dist');
}

/** `src: url(a.woff2) format("woff2"), url(a.woff) format("woff"), …` → the woff2 entry alone. */
export function woff2Only(css: string): string {
  return css.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\((["'])(?:woff|truetype)\1\)/g, '');
}

/** The font files a stylesheet names, relative to it. */
export function fontUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2]!);
}

/** Writes `KATEX_FOLDER/katex.min.css` and the fonts it names under `target`. */
export function copyKatex(target: string): void {
  const dist = katexDist();
  const folder = path.join(target, ...KATEX_FOLDER.split('/'));
  const css = woff2Only(fs.readFileSync(path.join(dist, 'katex.min.css'), 'utf8'));
  fs.mkdirSync(path.join(folder, 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'katex.min.css'), css);
  for (const url of new Set(fontUrls(css))) {
    fs.copyFileSync(path.join(dist, url), path.join(folder, url));
  }
}
