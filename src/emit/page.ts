/**
 * The parts of the page around the steps: head links and scripts, meta
 * tags, the attributes of `#impress`, header and footer.
 */

import type { Deck } from '../deck/types.js';
import { unescape } from '../rst/names.js';
import { isElement, textContent, walkElements, type Element } from '../rst/nodes.js';
import type { DeckFile } from './assets.js';
import { formatAttributes, stringAttribute, type AttributeList } from './html.js';
import { firstTitle } from './steps.js';

/**
 * Document settings that become attributes of `#impress`, as Hovercraft's
 * template maps them; impress.js reads the `data-*` ones, its console the others.
 */
const IMPRESS_SETTINGS: Record<string, string> = {
  'css-console': 'data-console-css',
  'css-preview': 'data-console-css-iframe',
};

function isTrue(value: string): boolean {
  return !/^(false|no|off|0)$/i.test(value.trim());
}

/** Attributes of `#impress`: every `data-*` setting, console stylesheets, console autolaunch. */
export function impressAttributes(deck: Deck): string {
  const attributes: AttributeList = [];
  for (const [key, value] of Object.entries(deck.settings)) {
    if (key.startsWith('data-')) attributes.push([key, value]);
    else if (IMPRESS_SETTINGS[key]) attributes.push([IMPRESS_SETTINGS[key]!, value.split(/\s+/)[0]]);
    else if (key === 'auto-console' && isTrue(value)) attributes.push(['data-console-autolaunch', 'true']);
  }
  return formatAttributes(attributes);
}

/** The page title: `.. title::` or `:title:`, else the first step title, else the file name. */
export function pageTitle(deck: Deck, sourceName: string): string {
  const explicit = deck.title ?? deck.settings['title'];
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  for (const step of deck.steps) {
    const title = firstTitle(step);
    if (title) return unescape(textContent(title));
  }
  const base = sourceName.split(/[\\/]/).pop() ?? sourceName;
  return base.replace(/\.[^.]*$/, '');
}

/** Authors from docinfo (outside the steps, where Hovercraft leaves them). */
function authors(deck: Deck): string[] {
  const names: string[] = [];
  for (const node of deck.root.children) {
    if (!isElement(node) || node.type !== 'docinfo') continue;
    for (const item of walkElements(node)) {
      if (item.type === 'author') names.push(unescape(textContent(item)));
    }
  }
  return names;
}

function meta(name: string, content: string): string {
  return `<meta${formatAttributes([['name', name], ['content', content]])}>`;
}

/** `.. meta::` elements anywhere in the tree become head tags with their attributes. */
function metaElements(root: Element): string[] {
  const tags: string[] = [];
  for (const node of walkElements(root)) {
    if (node.type !== 'meta') continue;
    const attributes: AttributeList = Object.keys(node.attributes)
      .filter((key) => !['ids', 'classes', 'names', 'dupnames', 'backrefs'].includes(key))
      .map((key) => [key, stringAttribute(node, key)]);
    tags.push(`<meta${formatAttributes(attributes)}>`);
  }
  return tags;
}

function link(file: DeckFile): string {
  return `<link${formatAttributes([['rel', 'stylesheet'], ['href', file.url], ['media', file.media]])}>`;
}

function script(file: DeckFile): string {
  return `<script${formatAttributes([['src', file.url]])}></script>`;
}

export function headContent(deck: Deck, files: DeckFile[]): string {
  const lines = [
    ...authors(deck).map((name) => meta('author', name)),
    ...(['description', 'keywords'] as const)
      .filter((key) => deck.settings[key] !== undefined)
      .map((key) => meta(key, deck.settings[key]!)),
    ...metaElements(deck.root),
    ...files.filter((file) => file.kind === 'css' && file.placement === 'head').map(link),
    ...files.filter((file) => file.kind === 'js' && file.placement === 'head').map(script),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

export function bodyEndContent(files: DeckFile[]): string {
  return files
    .filter((file) => file.kind === 'js' && file.placement === 'body')
    .map((file) => `${script(file)}\n`)
    .join('');
}

/** impress.js shows its keyboard help in `#impress-help` unless the deck says `:skip-help:`. */
export function bodyStartContent(deck: Deck): string {
  const skip = deck.settings['skip-help'];
  return skip !== undefined && isTrue(skip) ? '' : '<div id="impress-help"></div>\n';
}
