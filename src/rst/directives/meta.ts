/**
 * `meta` (docutils `directives/misc.py` Meta and MetaBody): a field list
 * whose fields become `meta` elements at the top of the document.
 *
 *   > | :description lang=en: An amusing story
 *        ^^^^^^^^^^^ ^^^^^^^  ^^^^^^^^^^^^^^^ content
 *        name        attributes
 */

import { element, type Element, type Node } from '../nodes.js';
import { unescape } from '../names.js';
import type { StringList } from '../string-list.js';
import type { Directive, DirectiveCall } from './types.js';
import { assertHasContent, literalBlock, scratch } from './base.js';
import { escapeToNull } from './options.js';
import { FIELD_MARKER } from './option-block.js';
import { isPySpace, pyLstrip, pySplit, pyStrip } from './python.js';
import { fillSources, includedSource } from '../block/positions.js';


class NameValueError extends Error {}

/** docutils `utils.extract_name_value`: `name=value name="quoted value" ...`. */
export function extractNameValue(input: string): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  let line = input;
  while (line) {
    const equals = line.indexOf('=');
    if (equals === -1) throw new NameValueError('missing "="');
    const attname = pyStrip(line.slice(0, equals));
    if (equals === 0 || !attname) throw new NameValueError('missing attribute name before "="');
    line = pyLstrip(line.slice(equals + 1));
    if (!line) throw new NameValueError(`missing value after "${attname}="`);
    let data: string;
    if (line[0] === "'" || line[0] === '"') {
      const endquote = line.indexOf(line[0], 1);
      if (endquote === -1) throw new NameValueError(`attribute "${attname}" missing end quote (${line[0]})`);
      if (line.length > endquote + 1 && !isPySpace(line[endquote + 1]!)) {
        throw new NameValueError(`attribute "${attname}" end quote (${line[0]}) not followed by whitespace`);
      }
      data = line.slice(1, endquote);
      line = pyLstrip(line.slice(endquote + 1));
    } else {
      const space = line.indexOf(' ');
      data = space === -1 ? line : line.slice(0, space);
      line = space === -1 ? '' : pyLstrip(line.slice(space + 1));
    }
    list.push([attname.toLowerCase(), data]);
  }
  return list;
}

/** docutils' `extract_name_value(token)[0]`. */
function firstNameValue(token: string): [string, string] {
  const found = extractNameValue(token)[0];
  if (found === undefined) throw new NameValueError('missing "="');
  return found;
}

/** One field → a `meta` element, or the message docutils gives instead. */
function parseMeta(call: DirectiveCall, name: string, body: string[], lastLine: string, fieldLine: number): Element {
  const document = call.state.document;
  const node = element('meta', { content: unescape(escapeToNull(body.join(' '))) });
  if (body.length === 0) {
    return document.info(`No content for meta tag "${name}".`, { diagnosticLine: fieldLine, children: [literalBlock(lastLine)] });
  }
  const tokens = pySplit(name);
  // A name of white space alone has no tokens (docutils fails there): it names the tag as it is.
  const first = tokens[0] ?? name;
  try {
    const [attname, value] = firstNameValue(first);
    node.attributes[attname] = value;
  } catch (error) {
    if (!(error instanceof NameValueError)) throw error;
    node.attributes.name = first;
  }
  for (const token of tokens.slice(1)) {
    try {
      const [attname, value] = firstNameValue(token);
      node.attributes[attname] = value;
    } catch (error) {
      if (!(error instanceof NameValueError)) throw error;
      return document.error(`Error parsing meta tag attribute "${token}": ${error.message}.`, {
        diagnosticLine: fieldLine,
        children: [literalBlock(lastLine)],
      });
    }
  }
  return node;
}

/** The field's body: the rest of its line plus indented (or blank) lines, de-indented. */
function fieldBody(content: StringList, start: number, first: string): { body: string[]; end: number } {
  let end = start + 1;
  while (end < content.length && (content.lines[end] === '' || content.lines[end]![0] === ' ')) end++;
  const rest = content.lines.slice(start + 1, end);
  const indents = rest.filter((l) => pyStrip(l) !== '').map((l) => l.length - pyLstrip(l).length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  const body = [first, ...rest.map((l) => l.slice(indent))];
  while (body.length > 0 && pyStrip(body[0]!) === '') body.shift();
  return { body, end };
}

/** Reads the fields; stops at the first line that is neither a field nor blank. */
function parseFields(call: DirectiveCall, into: Element): boolean {
  const { content } = call;
  let i = 0;
  while (i < content.length) {
    const line = content.lines[i]!;
    if (pyStrip(line) === '') {
      i++;
      continue;
    }
    const match = FIELD_MARKER.exec(line);
    if (!match) return false;
    const marker = match[0].slice(1);
    const name = unescape(escapeToNull(marker.slice(0, marker.lastIndexOf(':'))));
    const { body, end } = fieldBody(content, i, line.slice(match[0].length));
    // docutils gives its messages the line the parser is on, past the directive; ours point at the field.
    const fieldLine = content.lineNumber(i) ?? call.lineno;
    const made = parseMeta(call, name, body, content.lines[end - 1]!, fieldLine);
    if (made.type === 'meta') placeAt(made, content, i, call.state.document.sourceName);
    into.children.push(made);
    i = end;
  }
  return true;
}

/**
 * The field's line on its tag, for messages about it: the tag goes to the
 * top of the document, away from the directive, so the parser gives it no
 * position. In an included file, the line is that file's.
 */
function placeAt(node: Element, content: StringList, index: number, documentName: string): void {
  const item = content.itemAt(index);
  if (!item || item.offset < 0) return;
  node.line = item.offset + 1;
  const file = includedSource(item.source, documentName);
  if (file !== undefined) fillSources([node], { line: node.line, file });
}

/** Titular elements and meta stay before inserted meta elements (docutils' insertion point). */
const BEFORE_META = new Set(['title', 'subtitle', 'rubric', 'meta']);

const meta: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(call) {
    assertHasContent(call);
    const collected = scratch();
    if (!parseFields(call, collected)) {
      collected.children.push(
        call.state.document.error('Invalid meta directive.', {
          line: call.lineno,
          children: [literalBlock(call.blockText)],
        }),
      );
    }
    const root = call.state.document.root;
    // docutils: `first_child_not_matching_class(...) or 0`, so "none found" also means the top.
    const index = Math.max(0, root.children.findIndex((child: Node) => !BEFORE_META.has(child.type)));
    root.children.splice(index, 0, ...collected.children);
    return [];
  },
};

export const metaDirectives: Record<string, Directive> = { meta };
