/**
 * Implicit inline markup in the plain text between constructs (docutils'
 * `Inliner.implicit_inline` and `standalone_uri`): standalone URIs and
 * e-mail addresses become references.
 *
 * Like docutils, a URI-shaped word with an unknown scheme (`note:this`)
 * leaves the whole stretch of text as it is.
 */

import { text as textNode, type Node } from '../nodes.js';
import { unescape } from '../names.js';
import type { InlineState } from './state.js';
import { searchUri, type UriMatch } from './standalone-uri.js';
import { URI_SCHEMES } from './uri-schemes.js';

/** Text and references for `text[start:end]`, searched as its own string. */
export function implicitInline(state: InlineState, start: number, end: number): Node[] {
  const out: Node[] = [];
  // docutils recurses on the text before and after each match; the text
  // after is handled by this loop so long texts do not deepen the stack.
  let from = start;
  while (from < end) {
    const match = searchUri(state.text, from, end);
    if (!match || (match.scheme !== undefined && !URI_SCHEMES.has(match.scheme))) {
      out.push(state.textNode(state.text.slice(from, end), from, end));
      break;
    }
    for (const node of implicitInline(state, from, match.start)) out.push(node);
    out.push(standaloneUri(state, match));
    from = match.end;
  }
  return out;
}

function standaloneUri(state: InlineState, match: UriMatch): Node {
  const whole = state.text.slice(match.start, match.end);
  const refuri = (match.scheme === undefined ? 'mailto:' : '') + unescape(whole);
  return state.element('reference', { refuri }, [textNode(whole)], match.start, match.end);
}
