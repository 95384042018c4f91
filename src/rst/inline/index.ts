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
  // Stretches of text not yet handed to implicitInline (docutils'
  // `unprocessed`), as start and end indices one after the other.
  const unprocessed: number[] = [];
  let remaining = 0;
  while (remaining < length) {
    const match = state.initial.find(remaining);
    if (!match) break;
    const result = dispatch(state, match, remaining);
    unprocessed.push(remaining, result.beforeEnd);
    pushAll(messages, result.messages);
    if (result.nodes.length > 0) {
      flush(state, unprocessed, processed);
      unprocessed.length = 0;
      pushAll(processed, result.nodes);
    }
    remaining = result.remaining;
  }
  unprocessed.push(remaining, length);
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
 * Runs implicit markup over the collected stretches (start, end, start,
 * end …). They are contiguous unless a role returned no nodes; docutils
 * would then search the joined text, we search each stretch (only a URI
 * spanning the gap could differ).
 */
function flush(state: InlineState, stretches: number[], out: Node[]): void {
  let start = -1;
  let end = -1;
  for (let i = 0; i < stretches.length; i += 2) {
    const from = stretches[i]!;
    const to = stretches[i + 1]!;
    if (from === end) {
      end = to;
      continue;
    }
    if (start >= 0) pushAll(out, implicitInline(state, start, end));
    start = from;
    end = to;
  }
  if (start >= 0) pushAll(out, implicitInline(state, start, end));
}

/** `list.push(...items)`, indexed: a for-of loop allocates as it goes until V8 optimises it, and a spread overflows on long lists. */
function pushAll<T>(list: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) list.push(items[i]!);
}

export type { InlineContext, InlineParser, InlineResult } from './types.js';
export type { InlineContextExtras } from './state.js';
