/**
 * What a venue without network cannot load: stylesheets, scripts, images
 * and videos the page fetches from another host (an `:css:` on a CDN, an
 * `.. image:: https://…`, a web font `@import`ed by the deck's stylesheet,
 * a `<script src>` in raw HTML). They are warnings, errors with `offline`.
 * With `offline`, hyperlinks to other sites are warnings too: the page
 * works, but the speaker cannot follow them on stage.
 * `data:` URLs are inside the page and fine.
 */

import type { Diagnostic, Severity, SourceLine } from '../diagnostics/diagnostic.js';
import { isElement, startOf, textContent, type Element } from '../rst/nodes.js';
import { deckFiles } from '../emit/assets.js';
import type { AssetText, Check, CheckInput } from './types.js';
import { diagnostic } from './steps.js';

const NETWORK = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const HINT = 'Download it next to the deck and refer to it by a relative path; deck bundles every local file into the build.';

export function needsNetwork(url: string): boolean {
  return NETWORK.test(url.trim()) && !/^file:/i.test(url.trim());
}

interface Found {
  url: string;
  what: string;
  file: string;
  /** Where it is: in `file`, or in the included file it names. */
  at: SourceLine | undefined;
}

/** Every element with the place of the nearest node that has one (docutils gives `image` none of its own). */
function* walkWithLines(node: Element, inherited: SourceLine | undefined): Generator<[Element, SourceLine | undefined]> {
  const at = startOf(node) ?? inherited;
  yield [node, at];
  for (const child of node.children) if (isElement(child)) yield* walkWithLines(child, at);
}

/** Tags whose src (or, for link, href) the browser fetches while showing the page. */
const RAW_LOAD = /<(img|script|link|iframe|video|audio|source|embed|object)\b[^>]*?\b(src|href|data|poster)\s*=\s*["']?([^"'\s>]+)/gi;
const CSS_LOAD = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

function fromRawHtml(text: string, file: string, at: SourceLine | undefined): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(RAW_LOAD)) {
    const [, tag, attribute, url] = match;
    if (attribute!.toLowerCase() === 'href' && tag!.toLowerCase() !== 'link') continue;
    if (needsNetwork(url!)) found.push({ url: url!, what: `raw HTML <${tag!.toLowerCase()}>`, file, at });
  }
  return found;
}

function fromStylesheet(asset: AssetText): Found[] {
  const found: Found[] = [];
  for (const match of asset.text.matchAll(CSS_LOAD)) {
    const url = match[2] ?? match[4] ?? '';
    const line = asset.text.slice(0, match.index).split('\n').length;
    if (needsNetwork(url)) found.push({ url, what: match[4] ? 'the stylesheet @import' : 'the stylesheet url()', file: asset.file, at: { line } });
  }
  return found;
}

function loadedResources(input: CheckInput): Found[] {
  const found: Found[] = [];
  for (const file of deckFiles(input.deck)) {
    if (needsNetwork(file.url)) found.push({ url: file.url, what: `the :${file.setting}: ${file.kind === 'css' ? 'stylesheet' : 'script'}`, file: input.file, at: file.at });
  }
  for (const [node, at] of walkWithLines(input.deck.root, undefined)) {
    const uri = node.attributes['uri'];
    if (node.type === 'image' && typeof uri === 'string' && needsNetwork(uri)) found.push({ url: uri, what: 'the image', file: input.file, at });
    const format = node.attributes['format'];
    if (node.type === 'raw' && typeof format === 'string' && format.split(/\s+/).includes('html')) {
      found.push(...fromRawHtml(textContent(node), input.file, at));
    }
  }
  for (const asset of input.assets ?? []) {
    if (/\.css$/i.test(asset.url.replace(/[?#].*$/, ''))) found.push(...fromStylesheet(asset));
  }
  return found;
}

function externalLinks(input: CheckInput): Found[] {
  const found: Found[] = [];
  for (const [node, at] of walkWithLines(input.deck.root, undefined)) {
    const uri = node.attributes['refuri'];
    if (node.type === 'reference' && typeof uri === 'string' && /^(?:https?:)?\/\//i.test(uri)) found.push({ url: uri, what: 'the link', file: input.file, at });
  }
  return found;
}

function checkExternal(input: CheckInput): Diagnostic[] {
  const severity: Severity = input.offline ? 'error' : 'warning';
  const loads = loadedResources(input).map((r) =>
    diagnostic(severity, 'check/external-resource', `${capitalize(r.what)} "${r.url}" is loaded from the network, which a venue may not have.`, r.file, r.at, HINT),
  );
  if (!input.offline) return loads;
  const links = externalLinks(input).map((r) =>
    diagnostic('warning', 'check/external-link', `The link "${r.url}" leads off the deck; without network it cannot be followed on stage.`, r.file, r.at, 'Show what it points to in the deck (a screenshot, a quote), or leave the link for the audience to follow later.'),
  );
  return [...loads, ...links];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const externalResources: Check = { name: 'external-resource', run: checkExternal };
