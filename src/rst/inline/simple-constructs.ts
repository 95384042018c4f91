/**
 * Constructs with a start-string, some text and an end-string (docutils'
 * `Inliner.inline_obj` and its users): emphasis, strong emphasis, inline
 * literals, inline internal targets and substitution references.
 *
 *     > | *emphasis* **strong** ``literal`` _`target` |subst|_
 */

import { addToList, element } from '../nodes.js';
import { fullyNormalizeName, unescape } from '../names.js';
import type { EndMatch } from './end-strings.js';
import type { InitialMatch } from './initial.js';
import { matchChars } from './punctuation.js';
import type { ConstructResult, InlineState } from './state.js';

type StartMatch = Extract<InitialMatch, { kind: 'start' }>;

interface InlineObject extends ConstructResult {
  /** The end-string as matched ('' when none was found). */
  endString: string;
}

/**
 * `inline_obj`: finds the end-string for the start-string at
 * `match.start`, and builds `nodeType` around the text between them, or a
 * problematic node and a warning when there is none.
 */
function inlineObject(
  state: InlineState,
  match: StartMatch,
  from: number,
  find: (from: number) => EndMatch | undefined,
  nodeType: string,
  restoreBackslashes = false,
): InlineObject {
  const { text } = state;
  const { start, end } = match;
  if (state.quotedStart(start, end, from, matchChars)) {
    return { beforeEnd: end, nodes: [], remaining: end, messages: [], endString: '' };
  }
  const endMatch = find(end);
  if (endMatch && endMatch.start > end) {
    let value = text.slice(end, endMatch.start);
    if (restoreBackslashes) value = unescape(value, true);
    const node = state.element(
      nodeType,
      {},
      [state.textNode(value, end, endMatch.start)],
      start,
      endMatch.end,
    );
    return { beforeEnd: start, nodes: [node], remaining: endMatch.end, messages: [], endString: endMatch.endString };
  }
  const msg = state.warning(
    `Inline ${nodeType} start-string without end-string.`,
    'rst/inline-start-string-without-end-string',
  );
  const value = unescape(text.slice(start, end), true);
  const prb = state.problematicAt(value, msg, start, end);
  return { beforeEnd: start, nodes: [prb], remaining: end, messages: [msg], endString: '' };
}

export function emphasis(state: InlineState, match: StartMatch, from: number): ConstructResult {
  return inlineObject(state, match, from, (at) => state.ends.emphasis.find(at), 'emphasis');
}

export function strong(state: InlineState, match: StartMatch, from: number): ConstructResult {
  return inlineObject(state, match, from, (at) => state.ends.strong.find(at), 'strong');
}

export function literal(state: InlineState, match: StartMatch, from: number): ConstructResult {
  return inlineObject(state, match, from, (at) => state.ends.literal.find(at), 'literal', true);
}

/** `` _`name` ``: an explicit target inside the text. */
export function inlineInternalTarget(state: InlineState, match: StartMatch, from: number): ConstructResult {
  const result = inlineObject(state, match, from, (at) => state.ends.target.find(at), 'target');
  const target = result.nodes[0];
  if (target && target.type === 'target' && 'children' in target) {
    addToList(target, 'names', fullyNormalizeName(unescape(textOf(target))));
    state.noteExplicitTarget(target);
  }
  return result;
}

/** `|name|`, `|name|_` and `|name|__`. */
export function substitutionReference(state: InlineState, match: StartMatch, from: number): ConstructResult {
  const result = inlineObject(
    state,
    match,
    from,
    (at) => state.ends.substitution.find(at),
    'substitution_reference',
  );
  const subref = result.nodes[0];
  if (result.nodes.length !== 1 || !subref || subref.type !== 'substitution_reference' || !('children' in subref)) {
    return result;
  }
  const subrefText = unescape(textOf(subref));
  state.document.noteSubstitutionRef(subref, subrefText);
  // Shown if the substitution is undefined: the markup, end-string and all.
  subref.rawsource = unescape(state.text.slice(match.start, result.remaining), true);
  const { endString } = result;
  if (!endString.endsWith('_')) return result;
  // Shown if the target is missing: docutils rebuilds it from the name's text.
  const reference = element('reference', {}, [subref]);
  reference.rawsource = `|${subrefText}${endString}`;
  if (subref.position) reference.position = subref.position;
  if (endString.endsWith('__')) {
    reference.attributes.anonymous = 1;
  } else {
    reference.attributes.refname = fullyNormalizeName(subrefText);
    state.document.noteRefname(reference);
  }
  // The substitution reference itself covers `|name|` only; its markup,
  // shown when it cannot be resolved, has the underscores too.
  const position = state.position(match.start, result.remaining - (endString.length - 1));
  if (position) subref.position = position;
  else delete subref.position;
  return { ...result, nodes: [reference] };
}

function textOf(node: { children: { type: string }[] }): string {
  return node.children.map((child) => ('value' in child ? String(child.value) : '')).join('');
}
