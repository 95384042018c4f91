/**
 * Build-time syntax highlighting with highlight.js.
 *
 * The full bundle is imported on purpose: measured on this project's
 * machine, importing it costs about 130–170 ms once per process, against
 * about 95 ms for the core plus two dozen common languages. The difference
 * is small next to a build, and a talk in any of highlight.js's ~190
 * languages gets colours without a list to maintain.
 */

import { dropForbiddenCharacters } from './escape.js';
import { createRequire } from 'node:module';
import type { HLJSApi } from 'highlight.js';

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
  if (key in PYGMENTS_NAMES) return PYGMENTS_NAMES[key] ?? undefined;
  return loadHljs().getLanguage(key) ? key : undefined;
}

/** Highlights `code` in `language`; undefined when highlight.js does not know the language. */
export function highlight(code: string, language: string): Highlighted | undefined {
  const resolved = resolveLanguage(language);
  if (resolved === undefined) return undefined;
  const result = loadHljs().highlight(code, { language: resolved, ignoreIllegals: true });
  return { language: resolved, html: dropForbiddenCharacters(result.value) };
}

/** Whether `name` is one docutils accepts as "plain text" (no highlighting wanted, nothing to report). */
export function isPlainTextLanguage(name: string): boolean {
  const key = name.toLowerCase();
  return key in PYGMENTS_NAMES && PYGMENTS_NAMES[key] === null;
}

/** highlight.js is loaded on the first code block, so decks without code start faster. */
let hljsCache: HLJSApi | undefined;
function loadHljs(): HLJSApi {
  hljsCache ??= createRequire(import.meta.url)('highlight.js') as HLJSApi;
  return hljsCache;
}
