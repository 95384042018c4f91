/**
 * Build-time syntax highlighting with highlight.js.
 *
 * Only the core and the languages a deck uses are loaded (with the
 * languages they embed): loading all ~190 took ~190 ms of every build with
 * a code block. `hljs-index.ts`, generated from the installed highlight.js,
 * says which module serves each name and alias, so every language
 * highlight.js knows still works.
 */

import { dropForbiddenCharacters } from './escape.js';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { HLJS_EMBEDS, HLJS_NAMES, HLJS_ORDER } from './hljs-index.js';
import { requirePackageFile } from './installed.js';

/**
 * docutils/Pygments lexer names that highlight.js spells differently or
 * lacks. Names highlight.js knows as names or aliases (python, bash, yaml,
 * console, sh, js ...) need no entry. `null` means "known, but plain text".
 */
const PYGMENTS_NAMES: Record<string, string | null> = {
  'shell-session': 'shell',
  'bash-session': 'shell',
  'sh-session': 'shell',
  pycon: 'python-repl',
  python3: 'python',
  py3: 'python',
  ipython3: 'python',
  python2: 'python',
  py2: 'python',
  numpy: 'python',
  'html+jinja': 'django',
  'html+django': 'django',
  jinja: 'django',
  'yaml+jinja': 'yaml',
  docker: 'dockerfile',
  'c++': 'cpp',
  'objective-c': 'objectivec',
  postgresql: 'pgsql',
  psql: 'pgsql',
  text: null,
  none: null,
  plain: null,
  rst: null,
  restructuredtext: null,
  pytb: null,
  py3tb: null,
};

export interface Highlighted {
  /** The highlight.js language name used, or undefined for plain text. */
  language?: string;
  /** Escaped HTML: highlight.js spans, or the plain text. */
  html: string;
}

/** The highlight.js language for a docutils language name, or undefined when there is none. */
export function resolveLanguage(name: string): string | undefined {
  const key = name.toLowerCase();
  if (Object.hasOwn(PYGMENTS_NAMES, key)) return PYGMENTS_NAMES[key] ?? undefined;
  return Object.hasOwn(HLJS_NAMES, key) ? key : undefined;
}

/**
 * Highlighted blocks kept for the next request of the same code: `deck
 * serve` rebuilds a deck on every save, and a deck repeats its snippets.
 * Bounded by total characters; the oldest entries go first.
 */
const remembered = new Map<string, string>();
let rememberedSize = 0;
const REMEMBER_CHARACTERS = 8_000_000;

/** Highlights `code` in `language`; undefined when highlight.js does not know the language. */
export function highlight(code: string, language: string): Highlighted | undefined {
  const resolved = resolveLanguage(language);
  if (resolved === undefined) return undefined;
  const key = `${resolved}\n${code}`;
  let html = remembered.get(key);
  if (html === undefined) {
    const result = withLanguage(resolved).highlight(code, { language: HLJS_NAMES[resolved], ignoreIllegals: true });
    html = dropForbiddenCharacters(result.value);
    remember(key, html);
  }
  return { language: resolved, html };
}

function remember(key: string, html: string): void {
  remembered.set(key, html);
  rememberedSize += key.length + html.length;
  for (const [oldKey, oldHtml] of remembered) {
    if (rememberedSize <= REMEMBER_CHARACTERS) break;
    remembered.delete(oldKey);
    rememberedSize -= oldKey.length + oldHtml.length;
  }
}

/** Whether `name` is one docutils accepts as "plain text" (no highlighting wanted, nothing to report). */
export function isPlainTextLanguage(name: string): boolean {
  const key = name.toLowerCase();
  return Object.hasOwn(PYGMENTS_NAMES, key) && PYGMENTS_NAMES[key] === null;
}

/** highlight.js's core, loaded on the first code block, so decks without code start faster. */
let hljsCache: HLJSApi | undefined;
const registered = new Set<string>();
/** An instance with every language, for languages that guess what they embed. */
let fullCache: HLJSApi | undefined;

/** The languages `name` needs: itself and what it embeds, or "*" for all of them. */
function needed(name: string): string[] | '*' {
  const found = new Set<string>();
  const pending = [HLJS_NAMES[name]];
  while (pending.length > 0) {
    const key = pending.pop();
    if (key === undefined || found.has(key)) continue;
    found.add(key);
    const embeds = HLJS_EMBEDS[key];
    if (embeds === '*') return '*';
    if (embeds !== undefined) pending.push(...embeds.map((embedded) => HLJS_NAMES[embedded]));
  }
  return [...found];
}

/**
 * highlight.js with `name`'s language and every language it embeds
 * registered: the shared core, or, for a language that guesses what it
 * embeds (http bodies), an instance with all languages registered in
 * highlight.js's own order, since that order breaks the guess's ties.
 */
function withLanguage(name: string): HLJSApi {
  const load = (key: string): LanguageFn => requirePackageFile('highlight.js', `lib/languages/${key}.js`) as LanguageFn;
  hljsCache ??= requirePackageFile('highlight.js', 'lib/core.js') as HLJSApi;
  const languages = needed(name);
  if (languages === '*') {
    if (!fullCache) {
      const full = hljsCache.newInstance();
      for (const key of HLJS_ORDER) full.registerLanguage(key, load(key));
      fullCache = full;
    }
    return fullCache;
  }
  for (const key of languages) {
    if (registered.has(key)) continue;
    registered.add(key);
    hljsCache.registerLanguage(key, load(key));
  }
  return hljsCache;
}
