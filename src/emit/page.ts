/**
 * The parts of the page around the steps: head links and scripts, meta
 * tags, the attributes of `#impress`, header and footer.
 */

import type { Deck } from '../deck/types.js';
import { unescape } from '../rst/names.js';
import type { SourceLine } from '../diagnostics/diagnostic.js';
import { isElement, lineOf, LIST_ATTRIBUTES, textContent, walkElements, type Element } from '../rst/nodes.js';
import type { DeckFile } from './assets.js';
import { formatAttributes, isAttributeName, stringAttribute, type AttributeList } from './html.js';
import { RUNTIME_ICON, RUNTIME_SCRIPTS, RUNTIME_STYLESHEETS } from './runtime.js';
import { firstTitle } from './steps.js';
import type { EmitOptions } from './types.js';

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

/** The presenter features a page has: the option (a command-line flag) first, then the deck's setting, else off. */
export interface Features {
  slideNumbers: boolean;
  skipHelp: boolean;
  autoConsole: boolean;
}

export function resolveFeatures(deck: Deck, options: Pick<EmitOptions, 'slideNumbers' | 'skipHelp' | 'autoConsole'>): Features {
  const setting = (key: string, option: boolean | undefined): boolean => {
    if (option !== undefined) return option;
    const value = deck.settings[key];
    return value !== undefined && isTrue(value);
  };
  return {
    slideNumbers: setting('slide-numbers', options.slideNumbers),
    skipHelp: setting('skip-help', options.skipHelp),
    autoConsole: setting('auto-console', options.autoConsole),
  };
}

/**
 * Attributes of `#impress`: every `data-*` setting, console stylesheets, and
 * `data-deck-auto-console` for deck's console. (Not impress.js's own
 * `data-console-autolaunch`: that would open impress.js's console too.)
 */
export function impressAttributes(deck: Deck, features: Features): string {
  const attributes: AttributeList = [];
  for (const [key, value] of Object.entries(deck.settings)) {
    if (key.startsWith('data-')) attributes.push([key, value]);
    else if (IMPRESS_SETTINGS[key]) attributes.push([IMPRESS_SETTINGS[key]!, value.split(/\s+/)[0]]);
  }
  if (features.autoConsole) attributes.push(['data-deck-auto-console', 'true']);
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

/** A name as a message can show it: quoted, with control characters as \u escapes. */
function visibleName(name: string): string {
  return JSON.stringify(name).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Says an attribute was left out, and where. */
export type AttributeReport = (code: string, message: string, at?: SourceLine) => void;

/**
 * `.. meta::` elements anywhere in the tree become head tags with their
 * attributes; a name HTML cannot hold is left out, with a warning.
 */
function metaElements(root: Element, report: AttributeReport): string[] {
  const tags: string[] = [];
  for (const node of walkElements(root)) {
    if (node.type !== 'meta') continue;
    const keys = Object.keys(node.attributes).filter((key) => !(LIST_ATTRIBUTES as readonly string[]).includes(key));
    for (const key of keys.filter((name) => !isAttributeName(name))) {
      report('emit/bad-attribute-name', `The meta attribute ${visibleName(key)} is left out: HTML attribute names cannot hold spaces, quotes, "=", "<", ">", "/" or control characters.`, lineOf(node));
    }
    const attributes: AttributeList = keys.map((key) => [key, stringAttribute(node, key)]);
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

export function headContent(deck: Deck, files: DeckFile[], report: AttributeReport): string {
  const lines = [
    `<link${formatAttributes([['rel', 'icon'], ['href', RUNTIME_ICON], ['type', 'image/svg+xml']])}>`,
    ...RUNTIME_STYLESHEETS.map((url) => `<link${formatAttributes([['rel', 'stylesheet'], ['href', url]])}>`),
    ...authors(deck).map((name) => meta('author', name)),
    ...(['description', 'keywords'] as const)
      .filter((key) => deck.settings[key] !== undefined)
      .map((key) => meta(key, deck.settings[key]!)),
    ...metaElements(deck.root, report),
    ...files.filter((file) => file.kind === 'css' && file.placement === 'head').map(link),
    ...files.filter((file) => file.kind === 'js' && file.placement === 'head').map(script),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** deck's runtime scripts, then the deck's own `:js-body:` / `:js:` scripts. */
export function bodyEndContent(files: DeckFile[]): string {
  const runtime = RUNTIME_SCRIPTS.map((url) => `<script${formatAttributes([['src', url]])}></script>\n`);
  const own = files.filter((file) => file.kind === 'js' && file.placement === 'body').map((file) => `${script(file)}\n`);
  return [...runtime, ...own].join('');
}

/**
 * impress.js shows its keyboard help in `#impress-help` (on `h`, and for a
 * few seconds at the start) unless the deck skips it; `#deck-slide-number`
 * shows the step number when the deck asks for it (deck/slide-number.js
 * fills it in).
 */
export function bodyStartContent(features: Features): string {
  const help = features.skipHelp ? '' : '<div id="impress-help" role="note" aria-label="Keyboard shortcuts"></div>\n';
  const number = features.slideNumbers ? '<div id="deck-slide-number" class="slide-number" aria-live="polite"></div>\n' : '';
  return help + number;
}
