/**
 * Whole constructs the initial search recognises at once (docutils'
 * `reference`, `anonymous_reference`, `footnote_reference`):
 *
 *     > | name_  name__  [1]_  [#]_  [#label]_  [*]_  [CIT2002]_
 */

import { fullyNormalizeName, whitespaceNormalizeName } from '../names.js';
import type { InitialMatch } from './initial.js';
import type { ConstructResult, InlineState } from './state.js';

type ReferenceMatch = Extract<InitialMatch, { kind: 'reference' }>;
type FootnoteMatch = Extract<InitialMatch, { kind: 'footnote' }>;

export function reference(state: InlineState, match: ReferenceMatch): ConstructResult {
  const name = state.text.slice(match.start, match.nameEnd);
  const node = state.element(
    'reference',
    { name: whitespaceNormalizeName(name) },
    [state.textNode(name, match.start, match.nameEnd)],
    match.start,
    match.end,
  );
  node.rawsource = state.text.slice(match.start, match.end);
  if (match.anonymous) {
    node.attributes.anonymous = 1;
    state.document.noteAnonymousRef(node);
  } else {
    node.attributes.refname = fullyNormalizeName(name);
    state.document.noteRefname(node);
  }
  return { beforeEnd: match.start, nodes: [node], remaining: match.end, messages: [] };
}

export function footnoteReference(state: InlineState, match: FootnoteMatch): ConstructResult {
  const { document } = state;
  const { label } = match;
  let refname = fullyNormalizeName(label);
  const labelText = (): ReturnType<InlineState['textNode']> => state.textNode(label, match.start + 1, match.end - 2);
  if (match.citation) {
    const node = state.element('citation_reference', { refname }, [labelText()], match.start, match.end);
    node.rawsource = `[${label}]_`;
    document.noteCitationRef(node);
    return { beforeEnd: match.start, nodes: [node], remaining: match.end, messages: [] };
  }
  const node = state.element('footnote_reference', {}, [], match.start, match.end);
  node.rawsource = `[${label}]_`;
  if (refname.startsWith('#')) {
    refname = refname.slice(1);
    node.attributes.auto = 1;
    document.noteAutofootnoteRef(node);
  } else if (refname === '*') {
    refname = '';
    node.attributes.auto = '*';
    document.noteSymbolFootnoteRef(node);
  } else {
    node.children.push(labelText());
  }
  if (refname) {
    node.attributes.refname = refname;
    document.noteFootnoteRef(node);
  }
  // trim_footnote_reference_space is off by default (brackets style).
  return { beforeEnd: match.start, nodes: [node], remaining: match.end, messages: [] };
}
