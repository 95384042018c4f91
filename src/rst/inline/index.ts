/**
 * The inline parser (docutils `Inliner.parse`): turns a paragraph's text
 * into Text and inline elements plus system messages.
 *
 * The main loop finds the next start-string or whole construct, lets the
 * construct's handler decide how much it consumes, and leaves the text in
 * between to the implicit markup (standalone URIs). Handlers live one per
 * file: `simple-constructs.ts`, `interpreted.ts`, `references.ts`.
 */

import { Span, text as textNode, type Element, type Node } from '../nodes.js';
import { implicitInline } from './implicit.js';
import type { InitialMatch } from './initial.js';
import { interpretedOrPhraseRef } from './interpreted.js';
import { footnoteReference, reference } from './references.js';
import {
  emphasis,
  inlineInternalTarget,
  literal,
  strong,
  substitutionReference,
} from './simple-constructs.js';
import { InlineState, type ConstructResult, type InlineContextExtras } from './state.js';
import type { InlineContext, InlineParser, InlineResult } from './types.js';

export const parseInline: InlineParser = (text, lineno, context) => {
  if (!MARKUP_CHAR.test(text)) return plainText(text, context);
  const extras = context as InlineContext & InlineContextExtras;
  const state = new InlineState(text, lineno, context.document, context.parent, context.pointAt, extras);
  const length = state.text.length;
  const processed: Node[] = [];
  const messages: Element[] = [];
  // Stretches of text not yet handed to implicitInline (docutils' `unprocessed`).
  let unprocessed: [number, number][] = [];
  let remaining = 0;
  while (remaining < length) {
    const match = state.initial.find(remaining);
    if (!match) break;
    const result = dispatch(state, match, remaining);
    unprocessed.push([remaining, result.beforeEnd]);
    for (const node of result.messages) messages.push(node);
    if (result.nodes.length > 0) {
      flush(state, unprocessed, processed);
      unprocessed = [];
      for (const node of result.nodes) processed.push(node);
    }
    remaining = result.remaining;
  }
  unprocessed.push([remaining, length]);
  flush(state, unprocessed, processed);
  return { nodes: processed, messages };
};

/**
 * A character every inline construct, escape and standalone URI or e-mail
 * address needs (their start-strings, a reference's `_`, a URI's colon, an
 * address's `@`): text without one is a single Text node, which most
 * titles, field values and short paragraphs are.
 */
const MARKUP_CHAR = /[*`_|[:@\\\x00]/;

/** What the main loop makes of text without markup: one Text node with its position (none for no text). */
function plainText(text: string, context: InlineContext): InlineResult {
  if (text === '') return { nodes: [], messages: [] };
  const { pointAt } = context;
  const position = pointAt ? Span.between(pointAt(0), pointAt(text.length)) : undefined;
  return { nodes: [textNode(text, position)], messages: [] };
}

function dispatch(state: InlineState, match: InitialMatch, from: number): ConstructResult {
  switch (match.kind) {
    case 'start':
      switch (match.marker) {
        case '*':
          return emphasis(state, match, from);
        case '**':
          return strong(state, match, from);
        case '``':
          return literal(state, match, from);
        case '_`':
          return inlineInternalTarget(state, match, from);
        case '|':
          return substitutionReference(state, match, from);
      }
      break;
    case 'backquote':
      return interpretedOrPhraseRef(state, match, from);
    case 'reference':
      return reference(state, match);
    case 'footnote':
      return footnoteReference(state, match);
  }
  const unreachable: never = match;
  throw new Error(`unhandled inline match ${JSON.stringify(unreachable)}`);
}

/**
 * Runs implicit markup over the collected stretches. They are contiguous
 * unless a role returned no nodes; docutils would then search the joined
 * text, we search each stretch (only a URI spanning the gap could differ).
 */
function flush(state: InlineState, stretches: [number, number][], out: Node[]): void {
  let start = -1;
  let end = -1;
  for (const [from, to] of stretches) {
    if (from === end) {
      end = to;
      continue;
    }
    if (start >= 0) for (const node of implicitInline(state, start, end)) out.push(node);
    start = from;
    end = to;
  }
  if (start >= 0) for (const node of implicitInline(state, start, end)) out.push(node);
}

export type { InlineContext, InlineParser, InlineResult } from './types.js';
export type { InlineContextExtras } from './state.js';
