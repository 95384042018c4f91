/**
 * Backquoted constructs (docutils' `interpreted_or_phrase_ref`,
 * `phrase_ref` and `interpreted`): interpreted text with a role as prefix
 * or suffix or the default role, and phrase references with an optional
 * embedded URI or alias.
 *
 *     > | :emphasis:`text`  `text`:strong:  `a phrase`_  `text <https://x.org>`__
 */

import { fullyNormalizeName, unescape, whitespaceNormalizeName } from '../names.js';
import { lookupRole } from '../roles/registry.js';
import { addToList, type Element, type Node } from '../nodes.js';
import type { InitialMatch } from './initial.js';
import { matchChars } from './punctuation.js';
import type { ConstructResult, InlineState } from './state.js';
import { embeddedLink } from './embedded-link.js';

type BackquoteMatch = Extract<InitialMatch, { kind: 'backquote' }>;

export function interpretedOrPhraseRef(state: InlineState, match: BackquoteMatch, from: number): ConstructResult {
  const { text } = state;
  const { start: matchStart, end: matchEnd, roleStart } = match;
  let role = match.role;
  let position = '';
  if (role) position = 'prefix';
  else if (state.quotedStart(matchStart, matchEnd, from, matchChars)) {
    return { beforeEnd: matchEnd, nodes: [], remaining: matchEnd, messages: [] };
  }
  const endMatch = state.ends.interpreted.find(matchEnd);
  if (!endMatch || endMatch.start <= matchEnd) {
    const msg = state.warning(
      'Inline interpreted text or phrase reference start-string without end-string.',
      'rst/inline-start-string-without-end-string',
    );
    const value = unescape(text.slice(matchStart, matchEnd), true);
    const prb = state.problematicAt(value, msg, matchStart, matchEnd);
    return { beforeEnd: matchStart, nodes: [prb], remaining: matchEnd, messages: [msg] };
  }
  const textEnd = endMatch.end;
  const failWith = (message: string, code: string): ConstructResult => {
    const msg = state.warning(message, code);
    const value = unescape(text.slice(roleStart, textEnd), true);
    const prb = state.problematicAt(value, msg, roleStart, textEnd);
    return { beforeEnd: roleStart, nodes: [prb], remaining: textEnd, messages: [msg] };
  };
  if (endMatch.roleSuffix) {
    if (role) {
      return failWith(
        'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
        'rst/multiple-roles',
      );
    }
    // docutils strips one character from each end of the whole suffix,
    // reference marks included.
    role = endMatch.suffix!.slice(1, -1);
    position = 'suffix';
  }
  const escaped = text.slice(matchEnd, endMatch.start);
  const rawsource = unescape(text.slice(matchStart, textEnd), true);
  if (rawsource.endsWith('_')) {
    if (role) {
      return failWith(
        `Mismatch: both interpreted text role ${position} and reference suffix.`,
        'rst/role-and-reference-suffix',
      );
    }
    return phraseRef(state, matchStart, textEnd, rawsource, escaped, matchEnd);
  }
  const roleRawsource = unescape(text.slice(roleStart, textEnd), true);
  const { nodes, messages } = interpreted(state, roleRawsource, escaped, role, roleStart, textEnd);
  return { beforeEnd: roleStart, nodes, remaining: textEnd, messages };
}

/**
 * `Inliner.interpreted`: runs the role, or reports an unknown one. Nodes a
 * role makes without a position get the whole construct's.
 */
function interpreted(
  state: InlineState,
  rawsource: string,
  value: string,
  roleName: string,
  start: number,
  end: number,
): { nodes: Node[]; messages: Element[] } {
  const { role, messages } = lookupRole(state.document, roleName, state.lineno);
  if (!role) {
    const msg = state.document.error(`Unknown interpreted text role "${roleName}".`, {
      line: state.lineno,
      code: 'rst/unknown-interpreted-text-role',
    });
    return { nodes: [state.problematicAt(rawsource, msg, start, end)], messages: [...messages, msg] };
  }
  const result = role.run({
    name: roleName,
    rawtext: rawsource,
    text: value,
    lineno: state.lineno,
    inliner: state,
    options: {},
    content: [],
  });
  const position = state.position(start, end);
  if (position) {
    for (const node of result.nodes) if (!node.position) node.position = position;
  }
  return { nodes: result.nodes, messages: [...messages, ...result.messages] };
}

/** `Inliner.phrase_ref`: `` `text`_ ``, `` `text`__ ``, `` `text <uri>`_ ``, `` `text <alias_>`_ ``. */
function phraseRef(
  state: InlineState,
  start: number,
  end: number,
  rawsource: string,
  escaped: string,
  escapedStart: number,
): ConstructResult {
  const { document } = state;
  const link = embeddedLink(escaped);
  let value = escaped;
  let target: Element | undefined;
  let alias = '';
  let aliasType: 'name' | 'uri' = 'uri';
  if (link) {
    value = escaped.slice(0, link.start);
    const targetPosition = state.position(escapedStart + link.start, escapedStart + link.end);
    ({ target, alias, aliasType } = link.makeTarget(targetPosition));
    // docutils marks embedded URI targets `referenced` (no unused-target warning).
    if (aliasType === 'uri') document.referenced.add(target);
    if (!value) value = alias;
  }
  const unescaped = unescape(value);
  const refname = fullyNormalizeName(unescaped);
  const reference = state.element(
    'reference',
    { name: whitespaceNormalizeName(unescaped) },
    [state.textNode(value, escapedStart, escapedStart + (link ? link.start : escaped.length))],
    start,
    end,
  );
  reference.rawsource = rawsource;
  const nodes: Node[] = [reference];
  if (rawsource.endsWith('__')) {
    if (target && aliasType === 'name') {
      reference.attributes.refname = alias;
      document.noteRefname(reference);
    } else if (target) {
      reference.attributes.refuri = alias;
    } else {
      reference.attributes.anonymous = 1;
      document.noteAnonymousRef(reference);
    }
  } else if (target) {
    addToList(target, 'names', refname);
    if (aliasType === 'name') {
      reference.attributes.refname = alias;
      document.noteIndirectTarget(target);
      document.noteRefname(reference);
    } else {
      reference.attributes.refuri = alias;
      state.noteExplicitTarget(target);
    }
    nodes.push(target);
  } else {
    reference.attributes.refname = refname;
    document.noteRefname(reference);
  }
  return { beforeEnd: start, nodes, remaining: end, messages: [] };
}
