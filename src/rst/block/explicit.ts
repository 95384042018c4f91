/**
 * Explicit markup (`.. ` blocks): footnotes, citations, hyperlink targets,
 * substitution definitions, directives and comments, as docutils'
 * `Body.explicit_construct` recognises them, first match wins.
 */

import { isEmailAddress } from '../inline/standalone-uri.js';
import { element, text, isText, walkElements, type Element, type Node } from '../nodes.js';
import { escapeToNull, fullyNormalizeName, splitEscapedWhitespace, unescape, whitespaceNormalizeName } from '../names.js';
import { isBlank, PY_SPACE_CLASS, pyRstrip, pySplit, pyStrip } from '../py-space.js';
import { runDirective } from '../directives/run.js';
import type { DirectiveState } from '../directives/types.js';
import { pformat } from '../pformat.js';
import { StringList } from '../string-list.js';
import { posix } from 'node:path';
import { literalBlock, type RstState } from './state.js';

export const SIMPLENAME = '(?:(?!_)[\\p{L}\\p{N}_])+(?:[-._+:](?:(?!_)[\\p{L}\\p{N}_])+)*';
/** docutils' `non_whitespace_escape_before`, `\s` being Python's. */
const NWEB = `(?<![${PY_SPACE_CLASS}\\x00])`;

const FOOTNOTE = new RegExp(`^\\.\\.[ ]+\\[([0-9]+|#|#${SIMPLENAME}|\\*)\\]([ ]+|$)`, 'u');
const CITATION = new RegExp(`^\\.\\.[ ]+\\[(${SIMPLENAME})\\]([ ]+|$)`, 'u');
const HYPERLINK_TARGET = /^\.\.[ ]+_(?![ ]|$)/;
const SUBSTITUTION_DEF = /^\.\.[ ]+\|(?![ ]|$)/;
const DIRECTIVE = new RegExp(`^\\.\\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, 'u');

const TARGET = new RegExp(
  `^(_|(?!_)(?<quote>\`?)(?![ \`])(?<name>.+?)${NWEB}\\k<quote>)(?<!(?<!\\x00):)${NWEB}[ ]?:([ ]+|$)`,
  'u',
);
const REFERENCE = new RegExp(`^((?<simple>${SIMPLENAME})_|\`(?![ ])(?<phrase>.+?)${NWEB}\`_)$`, 'u');
const SUBSTITUTION = new RegExp(`^((?![ ])(?<name>.+?)${NWEB}\\|)([ ]+|$)`, 'u');

class MarkupError extends Error {}

type Construct = (state: RstState, match: RegExpExecArray) => [Node[], boolean];

const CONSTRUCTS: [Construct, RegExp][] = [
  [footnote, FOOTNOTE],
  [citation, CITATION],
  [hyperlinkTarget, HYPERLINK_TARGET],
  [substitutionDef, SUBSTITUTION_DEF],
  [directive, DIRECTIVE],
];

export function explicitConstruct(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  const errors: Node[] = [];
  for (const [method, pattern] of CONSTRUCTS) {
    const m = pattern.exec(match.input);
    if (!m) continue;
    try {
      return method(state, m);
    } catch (e) {
      if (!(e instanceof MarkupError)) throw e;
      errors.push(state.document.warning(e.message, { ...state.reporterPlace(state.machine.absLineNumber()) }));
      break;
    }
  }
  const [nodes, blankFinish] = comment(state, match);
  return [[...nodes, ...errors], blankFinish];
}

function footnote(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  const srcline = state.srcLine();
  const r = state.machine.getFirstKnownIndented(match[0].length);
  const label = match[1]!;
  let name = fullyNormalizeName(label);
  const node = element('footnote');
  node.line = srcline;
  if (name[0] === '#') {
    name = name.slice(1);
    node.attributes.auto = 1;
    if (name) node.attributes.names = [name];
    state.document.noteAutofootnote(node);
  } else if (name === '*') {
    name = '';
    node.attributes.auto = '*';
    state.document.noteSymbolFootnote(node);
  } else {
    node.children.push(element('label', {}, [text(label)]));
    node.attributes.names = [name];
    state.document.noteFootnote(node);
  }
  if (name) state.document.noteExplicitTarget(node, node);
  else state.document.setId(node, node);
  if (r.block.length > 0) state.nestedParse(r.block, r.offset, node);
  return [[node], r.blankFinish];
}

function citation(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  const srcline = state.srcLine();
  const r = state.machine.getFirstKnownIndented(match[0].length);
  const label = match[1]!;
  const node = element('citation', {}, [element('label', {}, [text(label)])]);
  node.line = srcline;
  node.attributes.names = [fullyNormalizeName(label)];
  state.document.noteCitation(node);
  state.document.noteExplicitTarget(node, node);
  if (r.block.length > 0) state.nestedParse(r.block, r.offset, node);
  return [[node], r.blankFinish];
}

function hyperlinkTarget(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  const lineno = state.machine.absLineNumber();
  const r = state.machine.getFirstKnownIndented(match[0].length, true, false);
  const blocktext = match.input.slice(0, match[0].length) + r.block.lines.join('\n');
  const block = r.block.lines.map(escapeToNull);
  let escaped = block[0] ?? '';
  let index = 0;
  let targetMatch: RegExpExecArray | null;
  for (;;) {
    targetMatch = TARGET.exec(escaped);
    if (targetMatch) break;
    index++;
    if (index >= block.length) throw new MarkupError('malformed hyperlink target.');
    escaped += block[index];
  }
  block.splice(0, index);
  const cut = targetMatch[0].length - escaped.length - 1;
  block[0] = pyStrip(sliceFrom(block[0]! + ' ', cut));
  const target = makeTarget(state, block, blocktext, lineno, targetMatch.groups?.name ?? '');
  return [[target], r.blankFinish];
}

/** Python slice `s[n:]` with a possibly negative n. */
function sliceFrom(value: string, n: number): string {
  return n < 0 ? value.slice(Math.max(0, value.length + n)) : value.slice(n);
}

function makeTarget(state: RstState, block: string[], blockText: string, lineno: number, targetName: string): Node {
  const [kind, data] = parseTarget(block);
  // The block is the target's rawsource: an indirect target stands in it for its references if it cannot be resolved.
  if (kind === 'refname') {
    const target = element('target', { refname: fullyNormalizeName(data) });
    target.rawsource = blockText;
    addTarget(state, targetName, '', target, lineno);
    state.document.noteIndirectTarget(target);
    return target;
  }
  const target = element('target');
  target.rawsource = blockText;
  addTarget(state, targetName, data, target, lineno);
  return target;
}

function parseTarget(block: string[]): ['refname' | 'refuri', string] {
  const last = block[block.length - 1];
  if (block.length > 0 && pyStrip(last!).slice(-1) === '_') {
    const reference = block.map(pyStrip).join(' ');
    const refname = isReference(reference);
    if (refname) return ['refname', refname];
  }
  const parts = splitEscapedWhitespace(block.join(' '));
  const reference = parts.map((part) => pySplit(unescape(part)).join('')).join(' ');
  return ['refuri', reference];
}

function isReference(reference: string): string | null {
  const m = REFERENCE.exec(whitespaceNormalizeName(reference));
  if (!m) return null;
  return unescape(m.groups?.simple ?? m.groups?.phrase ?? '');
}

function addTarget(state: RstState, targetName: string, refuri: string, target: Element, lineno: number): void {
  target.line = state.srcLine(lineno);
  if (targetName) {
    const name = fullyNormalizeName(unescape(targetName));
    target.attributes.names = [name];
    if (refuri) target.attributes.refuri = adjustUri(refuri);
    state.document.noteExplicitTarget(target, state.parent);
  } else {
    if (refuri) target.attributes.refuri = refuri;
    target.attributes.anonymous = 1;
    state.document.noteAnonymousTarget(target);
  }
}

/** docutils `Inliner.adjust_uri`: bare e-mail addresses (its `email` pattern) become mailto: URIs. */
function adjustUri(uri: string): string {
  return isEmailAddress(uri) ? `mailto:${uri}` : uri;
}

export function anonymousTarget(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  const lineno = state.machine.absLineNumber();
  const r = state.machine.getFirstKnownIndented(match[0].length, true);
  const blocktext = match.input.slice(0, match[0].length) + r.block.lines.join('\n');
  const block = r.block.lines.map(escapeToNull);
  return [[makeTarget(state, block, blocktext, lineno, '')], r.blankFinish];
}

function comment(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  if (state.machine.isNextLineBlank()) {
    const first = match.input.slice(match[0].length);
    if (isBlank(first)) return [[element('comment', { 'xml:space': 'preserve' })], true];
    // The marker `include` leaves after inserted lines: the inclusion is over.
    if (first.startsWith('end of inclusion from "')) {
      state.document.includeStack.pop();
      return [[], true];
    }
  }
  const r = state.machine.getFirstKnownIndented(match[0].length);
  let block = r.block;
  while (block.length > 0 && isBlank(block.lines[block.length - 1])) block = block.slice(0, block.length - 1);
  const value = block.lines.join('\n');
  return [[element('comment', { 'xml:space': 'preserve' }, value ? [text(value)] : [])], r.blankFinish];
}

function substitutionDef(state: RstState, match: RegExpExecArray): [Node[], boolean] {
  // Its messages name the file of the line the definition starts on (docutils' `src, srcline`).
  const srcline = state.srcLine();
  const src = state.machine.sourceName();
  const at = src === undefined ? { line: srcline } : { line: srcline, source: src };
  const r = state.machine.getFirstKnownIndented(match[0].length, false, false);
  const blocktext = match.input.slice(0, match[0].length) + r.block.lines.join('\n');
  const block = new StringList([...r.block.lines], [...r.block.items]);
  let offset = r.offset;
  let escaped = escapeToNull(pyRstrip((block.lines[0] ?? '')));
  let index = 0;
  let subMatch: RegExpExecArray | null;
  for (;;) {
    subMatch = SUBSTITUTION.exec(escaped);
    if (subMatch) break;
    index++;
    if (index >= block.length) throw new MarkupError('malformed substitution definition.');
    escaped = escaped + ' ' + escapeToNull(pyStrip(block.lines[index]!));
  }
  block.lines.splice(0, index);
  block.items.splice(0, index);
  const start = subMatch[0].length - escaped.length - 1;
  block.lines[0] = sliceFrom(pyStrip(block.lines[0]!) + ' ', start).slice(0, -1);
  if (!block.lines[0]) {
    block.lines.shift();
    block.items.shift();
    offset += 1;
  }
  while (block.length > 0 && isBlank(block.lines[block.length - 1])) {
    block.lines.pop();
    block.items.pop();
  }
  const subname = subMatch.groups!.name!;
  const node = element('substitution_definition');
  node.line = srcline;
  node.rawsource = blocktext;
  if (block.length === 0) {
    return [
      [
        state.document.warning(`Substitution definition "${subname}" missing contents.`, {
          ...at,
          children: [literalBlock(blocktext)],
        }),
      ],
      r.blankFinish,
    ];
  }
  block.lines[0] = pyStrip(block.lines[0]!);
  node.attributes.names = [whitespaceNormalizeName(subname)];
  const [, blankFinish] = state.nestedListParse(block, offset, node, 'SubstitutionDef', r.blankFinish);
  const kept: Node[] = [];
  for (const child of node.children) {
    if (isText(child) || INLINE_TYPES.has(child.type)) kept.push(child);
    else state.parent.children.push(child);
  }
  node.children = kept;
  for (const el of node.children.flatMap(walkElements)) {
    if (disallowedInSubstitution(el)) {
      return [
        [
          state.document.error(`Substitution definition contains illegal element <${el.type}>:`, {
            ...at,
            children: [literalBlock(pyRstrip(pformat(el))), literalBlock(blocktext)],
          }),
        ],
        blankFinish,
      ];
    }
  }
  if (node.children.length === 0) {
    return [
      [
        state.document.warning(`Substitution definition "${subname}" empty or invalid.`, {
          ...at,
          children: [literalBlock(blocktext)],
        }),
      ],
      blankFinish,
    ];
  }
  state.document.noteSubstitutionDef(node, subname, state.parent);
  return [[node], blankFinish];
}

/** docutils element classes that are `nodes.Inline`. */
export const INLINE_TYPES = new Set([
  'emphasis', 'strong', 'literal', 'reference', 'footnote_reference', 'citation_reference',
  'substitution_reference', 'title_reference', 'abbreviation', 'acronym', 'superscript',
  'subscript', 'math', 'image', 'inline', 'problematic', 'generated', 'target', 'raw',
]);

function disallowedInSubstitution(node: Element): boolean {
  const ids = node.attributes.ids;
  return (
    (Array.isArray(ids) && ids.length > 0) ||
    (node.type === 'reference' && Boolean(node.attributes.anonymous)) ||
    (node.type === 'footnote_reference' && Boolean(node.attributes.auto))
  );
}

export function directive(state: RstState, match: RegExpExecArray, substitutionName?: string): [Node[], boolean] {
  const typeName = match[1]!;
  const lineno = state.machine.absLineNumber();
  // The lookup's message carries docutils' place, by the line the parser is on before it reads
  // the block; the author is sent to the directive. Made only for a name that needs the message.
  const currentLine = state.document.currentLine;
  const file = state.document.reporterSource() ?? state.document.sourceName;
  const lookupAt = () => ({ ...state.reporterPlace(currentLine), diagnosticLine: state.srcLine(lineno) ?? lineno, diagnosticFile: file });
  const initialOffset = state.machine.lineOffset;
  const r = state.machine.getFirstKnownIndented(match[0].length, false, true, false);
  const blockText = state.machine.inputLines.slice(initialOffset, state.machine.lineOffset + 1).text();
  const outcome = runDirective({
    typeName,
    block: r.block,
    lineno: state.srcLine(lineno) ?? lineno,
    absLineno: lineno,
    lineOffset: r.offset,
    lookupAt,
    blockText,
    blankFinish: r.blankFinish,
    state: directiveState(state, substitutionName),
  });
  return [outcome.nodes, outcome.blankFinish || state.machine.isNextLineBlank()];
}

function directiveState(state: RstState, substitutionName?: string): DirectiveState {
  const memo = state.memo;
  // Inside an included file, relative paths resolve against that file's folder (docutils' current_source).
  const current = state.machine.sourceName();
  const inIncluded = current !== undefined && current !== state.document.sourceName && !current.startsWith('internal padding');
  const result: DirectiveState = {
    document: state.document,
    parent: state.parent,
    matchTitles: state.machine.matchTitles,
    sourceDir: inIncluded ? posix.dirname(current) : memo.sourceDir,
    fileInsertionEnabled: memo.fileInsertionEnabled,
    nestedParse: (content, node, options) => {
      const offset = options?.inputOffset ?? (content.items[0] ? content.items[0].offset : state.machine.absLineOffset());
      state.nestedParse(content, offset, node, options?.matchTitles ?? false);
    },
    nodeLine: (absLine) => state.nodeLine(absLine),
    inlineText: (value, lineno, textLineno) => state.inlineText(value, lineno, textLineno),
    insertInput: (lines, source) => state.machine.insertInput(lines, source),
    readFile: (path) => memo.readFile(path),
    blockQuote: (content, lineOffset) => {
      const offset = lineOffset ?? (content.items[0] ? content.items[0].offset : state.machine.absLineOffset());
      return (state as unknown as { blockQuote(c: StringList, o: number): Node[] }).blockQuote(content, offset);
    },
  };
  if (substitutionName !== undefined) result.substitutionName = substitutionName;
  if (memo.now) result.now = memo.now;
  return result;
}
