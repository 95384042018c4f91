/**
 * `deck build --single-file`: folds a built folder into its `index.html`.
 * Stylesheets become `<style>` (their `url()`s and `@import`s inlined in
 * turn), scripts become inline `<script>`, and pictures, fonts and the
 * favicon become data URIs; then everything but `index.html` is removed, so
 * the page works with the network off and nothing beside it.
 *
 * It reads the HTML our emitter and templates write (quoted attributes, one
 * tag per element), not arbitrary HTML. What a script loads at run time
 * cannot be seen here, except the presenter console's page and the
 * stylesheets the console loads (`data-console-css*` on `#impress`).
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const EXTERNAL_URL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i;

const MIME: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.html': 'text/html',
  '.txt': 'text/plain',
};

/**
 * The presenter console host opens `deck/console.html` beside itself, which
 * a single file cannot offer: the console page, inlined in turn, travels
 * in the page as a string (`window.deckConsolePage`), which the host writes
 * into the window or frame it opens.
 */
const CONSOLE_HOST = 'deck/console-host.js';
const CONSOLE_PAGE = 'deck/console.html';

interface Inliner {
  folder: string;
  /** The deck, for diagnostics. */
  file: string;
  diagnostics: Diagnostic[];
}

/** Rewrites `folder/index.html` with everything inside and removes the rest of the folder. */
export function inlineFolder(folder: string, file: string): Diagnostic[] {
  const inliner: Inliner = { folder: path.resolve(folder), file, diagnostics: [] };
  const index = path.join(inliner.folder, 'index.html');
  const html = inlineHtml(fs.readFileSync(index, 'utf8'), '', inliner);
  for (const entry of fs.readdirSync(inliner.folder)) {
    if (entry !== 'index.html') fs.rmSync(path.join(inliner.folder, entry), { recursive: true, force: true });
  }
  fs.writeFileSync(index, html);
  return inliner.diagnostics;
}

const LINK = /<link\b[^>]*>/gi;
const SCRIPT = /<script\b([^>]*)>\s*<\/script>/gi;
const MEDIA = /<(img|source|video|audio|embed|object|input|track)\b[^>]*>/gi;
const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/gi;
/** A tag naming stylesheets the presenter console loads at run time (`:css-console:`, `:css-preview:`). */
const CONSOLE_STYLESHEETS = /<[a-z][^>]*\sdata-console-css(?:-iframe)?="[^"]*"[^>]*>/gi;

/** Inlines what a page of the build at folder `base` (`''`: the top) links to. */
function inlineHtml(html: string, base: string, inliner: Inliner): string {
  // Stylesheets and scripts last, so that markup-like text inside them is left alone.
  return html
    .replace(STYLE_ELEMENT, (_all, open: string, css: string, close: string) => open + inlineCss(css, base, inliner, new Set()) + close)
    .replace(MEDIA, (tag) => replaceAttributes(tag, ['src', 'data', 'poster'], base, inliner))
    .replace(STYLE_ATTRIBUTE, (_all, css: string) => ` style="${escapeAttribute(inlineCss(decodeAttribute(css), base, inliner, new Set()))}"`)
    .replace(CONSOLE_STYLESHEETS, (tag) => inlineConsoleStylesheets(tag, base, inliner))
    .replace(LINK, (tag) => inlineLink(tag, base, inliner))
    .replace(SCRIPT, (tag, attributes: string) => inlineScript(tag, attributes, base, inliner));
}

function inlineLink(tag: string, base: string, inliner: Inliner): string {
  const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  const href = attribute(tag, 'href');
  if (href === undefined || EXTERNAL_URL.test(href)) return tag;
  if (rel.includes('stylesheet')) {
    const css = read(href, base, inliner);
    if (css === undefined) return tag;
    const media = attribute(tag, 'media');
    const open = media ? `<style media="${escapeAttribute(media)}">` : '<style>';
    const target = joinUrl(base, href);
    return `${open}${escapeRawText(inlineCss(css.toString('utf8'), dirOf(target), inliner, new Set([target])), 'style')}</style>`;
  }
  return replaceAttributes(tag, ['href'], base, inliner);
}

function inlineScript(tag: string, attributes: string, base: string, inliner: Inliner): string {
  const src = attribute(tag, 'src');
  if (src === undefined || EXTERNAL_URL.test(src)) return tag;
  const code = read(src, base, inliner);
  if (code === undefined) return tag;
  const rest = attributes.replace(/\s(?:src|defer|async)(?:="[^"]*")?/gi, '');
  const script = `<script${rest}>${escapeRawText(code.toString('utf8'), 'script')}</script>`;
  if (joinUrl(base, relativeUrl(src)) !== CONSOLE_HOST) return script;
  // Without its page the console host would fail at load: it is left out.
  const page = consolePage(inliner);
  return page === '' ? '' : page + script;
}

/**
 * The presenter console page with its stylesheet and script inside, as a
 * script that hands it to the console host. Every `<` is escaped, so
 * nothing in it can end the script element.
 */
function consolePage(inliner: Inliner): string {
  const page = read(CONSOLE_PAGE, '', inliner);
  if (page === undefined) return '';
  const inlined = inlineHtml(page.toString('utf8'), dirOf(CONSOLE_PAGE), inliner);
  return `<script>window.deckConsolePage = ${JSON.stringify(inlined).replace(/</g, '\\u003c')};</script>`;
}

/** The console's stylesheets as data URIs, their own `url()`s and imports inlined. */
function inlineConsoleStylesheets(tag: string, base: string, inliner: Inliner): string {
  let result = tag;
  for (const name of ['data-console-css', 'data-console-css-iframe']) {
    const href = attribute(result, name);
    if (href === undefined || EXTERNAL_URL.test(href)) continue;
    const css = read(href, base, inliner);
    if (css === undefined) continue;
    const target = joinUrl(base, href);
    const inlined = inlineCss(css.toString('utf8'), dirOf(target), inliner, new Set([target]));
    const uri = `data:text/css;base64,${Buffer.from(inlined).toString('base64')}`;
    result = result.replace(new RegExp(`(\\s${name}=)"[^"]*"`, 'i'), (_all, prefix: string) => `${prefix}"${uri}"`);
  }
  return result;
}

/** Replaces local URLs in the named attributes with data URIs. */
function replaceAttributes(tag: string, names: string[], base: string, inliner: Inliner): string {
  let result = tag;
  for (const name of names) {
    const value = attribute(result, name);
    if (value === undefined || EXTERNAL_URL.test(value)) continue;
    const uri = dataUri(value, base, inliner);
    if (uri !== undefined) result = result.replace(new RegExp(`(\\s${name}=)"[^"]*"`, 'i'), (_all, prefix: string) => `${prefix}"${uri}"`);
  }
  return result;
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;
const CSS_IMPORT = /@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)')\s*\)?\s*([^;]*);/gi;

/** Inlines a stylesheet's imports and `url()`s; `base` is its folder inside the build, `seen` stops import cycles. */
function inlineCss(css: string, base: string, inliner: Inliner, seen: Set<string>): string {
  const imported = css.replace(CSS_IMPORT, (all, double?: string, single?: string, media?: string) => {
    const url = double ?? single ?? '';
    if (EXTERNAL_URL.test(url)) return all;
    const target = joinUrl(base, url);
    if (seen.has(target)) return '';
    const text = read(url, base, inliner);
    if (text === undefined) return all;
    const inner = inlineCss(text.toString('utf8'), dirOf(target), inliner, new Set([...seen, target]));
    return media?.trim() ? `@media ${media.trim()} {\n${inner}\n}` : inner;
  });
  return imported.replace(CSS_URL, (all, double?: string, single?: string, bare?: string) => {
    const url = double ?? single ?? bare ?? '';
    if (url === '' || EXTERNAL_URL.test(url)) return all;
    const uri = dataUri(url, base, inliner);
    return uri === undefined ? all : `url("${uri}")`;
  });
}

function dataUri(url: string, base: string, inliner: Inliner): string | undefined {
  const bytes = read(url, base, inliner);
  if (bytes === undefined) return undefined;
  const type = MIME[path.extname(relativeUrl(url)).toLowerCase()] ?? 'application/octet-stream';
  const fragment = /#.*$/s.exec(url)?.[0] ?? '';
  return `data:${type};base64,${bytes.toString('base64')}${fragment}`;
}

/** The bytes of a file of the build, or a warning when it is missing or outside the folder. */
function read(url: string, base: string, inliner: Inliner): Buffer | undefined {
  const relative = joinUrl(base, relativeUrl(url));
  const absolute = path.resolve(inliner.folder, relative);
  if (absolute.startsWith(inliner.folder + path.sep)) {
    try {
      return fs.readFileSync(absolute);
    } catch {
      // reported below
    }
  }
  inliner.diagnostics.push({
    severity: 'warning',
    code: 'build/single-file-missing',
    message: `"${url}" is not a file of the build, so the single-file page keeps a link to it that will not load.`,
    file: inliner.file,
  });
  return undefined;
}

/** The path part of a relative URL, decoded. */
function relativeUrl(url: string): string {
  const bare = url.replace(/[?#].*$/s, '');
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

function joinUrl(base: string, url: string): string {
  return path.posix.normalize(path.posix.join(base, url));
}

function dirOf(url: string): string {
  const dir = path.posix.dirname(relativeUrl(url));
  return dir === '.' ? '' : dir;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decodeAttribute(match[1]!) : undefined;
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Keeps inlined code from closing its element early (`</script` inside a string). */
function escapeRawText(text: string, element: 'script' | 'style'): string {
  return text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}
