/**
 * The directive registry: canonical name → directive, and the English names
 * (with aliases) that reach them, as docutils' `directives._directive_registry`
 * and `languages/en.py` keep them. A new directive is one file plus one line
 * here.
 */

import type { Element } from '../nodes.js';
import type { MessageOptions, RstDocument } from '../document.js';
import type { Directive } from './types.js';
import { admonitionDirectives } from './admonitions.js';
import { bodyDirectives } from './body.js';
import { codeDirectives } from './code.js';
import { imageDirectives } from './images.js';
import { partDirectives } from './parts.js';
import { includeDirectives } from './include.js';
import { rawDirectives } from './raw.js';
import { substitutionDirectives } from './substitutions.js';
import { metaDirectives } from './meta.js';
import { miscDirectives } from './misc.js';
import { tableDirectives } from './tables.js';
import { csvTableDirectives } from './csv-table.js';
import { roleDirectives } from '../roles/directives.js';

export const directives = new Map<string, Directive>(
  Object.entries({
    ...admonitionDirectives,
    ...bodyDirectives,
    ...codeDirectives,
    ...imageDirectives,
    ...partDirectives,
    ...includeDirectives,
    ...rawDirectives,
    ...substitutionDirectives,
    ...metaDirectives,
    ...miscDirectives,
    ...tableDirectives,
    ...csvTableDirectives,
    ...roleDirectives,
  }),
);

/** English directive names (docutils `languages/en.py`), lower case, → canonical name. */
const ENGLISH_NAMES: Record<string, string> = {
  'code-block': 'code',
  sourcecode: 'code',
  'section-numbering': 'sectnum',
};
for (const name of directives.keys()) ENGLISH_NAMES[name] ??= name;

export interface DirectiveLookup {
  directive: Directive | undefined;
  /** INFO messages docutils emits when a name is not an English directive name. */
  messages: Element[];
}

/** docutils `directives.directive()`: language lookup, then the registry. */
export function lookupDirective(typeName: string, document: RstDocument, at: () => Pick<MessageOptions, 'line' | 'source' | 'diagnosticLine' | 'diagnosticFile'>): DirectiveLookup {
  const normname = typeName.toLowerCase();
  const canonical = Object.prototype.hasOwnProperty.call(ENGLISH_NAMES, normname)
    ? ENGLISH_NAMES[normname]
    : undefined;
  if (canonical !== undefined) return { directive: directives.get(canonical), messages: [] };
  const info = document.info(
    `No directive entry for "${typeName}" in module "docutils.parsers.rst.languages.en".\n` +
      `Trying "${typeName}" as canonical directive name.`,
    at(),
  );
  return { directive: directives.get(normname), messages: [info] };
}
