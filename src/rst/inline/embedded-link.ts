/**
 * The embedded URI or alias at the end of a phrase reference (docutils'
 * `patterns.embedded_link` and the first half of `phrase_ref`):
 *
 *     > | `Python <https://python.org>`_   `the docs <docs_>`_
 *                 ^^^^^^^^^^^^^^^^^^^^            ^^^^^^^
 */

import { element, type Element, type Position } from '../nodes.js';
import { fullyNormalizeName, unescape } from '../names.js';
import { pySplit } from '../py-space.js';
import { NUL, isSpaceAt } from './scanner.js';
import { isEmailAddress, matchesUriAtStart } from './standalone-uri.js';

export interface EmbeddedLink {
  /** Start of the link in the phrase, white space before `<` included. */
  start: number;
  end: number;
  makeTarget(position: Position | undefined): { target: Element; alias: string; aliasType: 'name' | 'uri' };
}

/**
 * `((?:[ \n]+|^)<(?!\s)(([^<>]|\x00[<>])+)(?<![\s\x00])>)$` searched in
 * `escaped`: the text ends with `>`, and the last unescaped `<` before it
 * starts the link, after white space or at the very start.
 */
export function embeddedLink(escaped: string): EmbeddedLink | undefined {
  const close = escaped.length - 1;
  if (close < 2 || escaped[close] !== '>') return undefined;
  const last = close - 1;
  if (escaped[last] === NUL || isSpaceAt(escaped, last)) return undefined;
  let open = last;
  while (open >= 0) {
    const ch = escaped[open];
    if ((ch === '<' || ch === '>') && escaped[open - 1] !== NUL) break;
    open--;
  }
  if (open < 0 || escaped[open] !== '<' || open + 1 > last || isSpaceAt(escaped, open + 1)) return undefined;
  let start = open;
  while (start > 0 && (escaped[start - 1] === ' ' || escaped[start - 1] === '\n')) start--;
  if (start === open && open !== 0) return undefined;
  const aliasText = escaped.slice(open + 1, close);
  const rawLink = escaped.slice(start, escaped.length);
  return {
    start,
    end: escaped.length,
    makeTarget: (position) => makeTarget(aliasText, rawLink, position),
  };
}

/** The target of an embedded link; its `rawsource`, shown if it cannot be resolved, is the link as written (escapes as NULs), white space before it included. */
function makeTarget(
  aliasText: string,
  rawLink: string,
  position: Position | undefined,
): { target: Element; alias: string; aliasType: 'name' | 'uri' } {
  const rawAliasText = unescape(aliasText, true);
  const underscoreEscaped = rawAliasText.endsWith('\\_');
  if (aliasText.endsWith('_') && !(underscoreEscaped || matchesUriAtStart(aliasText))) {
    const alias = fullyNormalizeName(unescape(aliasText.slice(0, -1)));
    const target = element('target', { refname: alias }, [], position);
    target.rawsource = rawLink;
    return { target, alias, aliasType: 'name' };
  }
  // Unescaped white space inside a URI is dropped; escaped white space stays.
  const parts = aliasText.split(`${NUL} `).flatMap((part) => part.split(`${NUL}\n`));
  let alias = parts.map((part) => pySplit(part).join('')).join(' ');
  alias = unescape(alias);
  if (isEmailAddress(alias)) alias = `mailto:${alias}`;
  if (alias.endsWith('\\_')) alias = `${alias.slice(0, -2)}_`;
  const target = element('target', { refuri: alias }, [], position);
  target.rawsource = rawLink;
  return { target, alias, aliasType: 'uri' };
}
