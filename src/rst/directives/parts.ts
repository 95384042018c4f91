/**
 * Document parts (docutils `directives/parts.py`): `contents` and `sectnum`
 * leave `pending` nodes for their transforms; `header` and `footer` fill
 * the document's `decoration`.
 */

import { element, listAttribute, textContent, type Element, type Node } from '../nodes.js';
import { fullyNormalizeName, unescape } from '../names.js';
import type { RstDocument } from '../document.js';
import type { Directive } from './types.js';
import { choice, classOption, flag, integer, nonnegativeInt, unchangedRequired } from './options.js';
import { assertHasContent, classList, directiveError } from './base.js';

/** A `pending` node waiting for `transform` (registered with the document). */
export function pendingNode(
  document: RstDocument,
  transform: string,
  details: Record<string, unknown>,
  rawsource?: string,
): Element {
  const node = element('pending');
  node.pending = { transform, details };
  if (rawsource !== undefined) node.rawsource = rawsource;
  document.notePending(node);
  return node;
}

const contents: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    depth: nonnegativeInt,
    local: flag,
    backlinks: (value) => {
      const chosen = choice(value, ['top', 'entry', 'none']);
      return chosen === 'none' ? null : chosen;
    },
    class: classOption,
  },
  hasContent: false,
  run(call) {
    const { state } = call;
    if (!(state.matchTitles || state.parent.type === 'sidebar')) {
      throw directiveError(`The "${call.name}" directive may not be used within topics or body elements.`);
    }
    const document = state.document;
    let title: Element | undefined;
    let messages: Node[] = [];
    if (call.arguments.length > 0) {
      const parsed = state.inlineText(call.arguments[0]!, call.absLineno);
      title = element('title', {}, parsed.nodes);
      messages = parsed.messages;
    } else if (!('local' in call.options)) {
      title = element('title', {}, [{ type: 'text', value: 'Contents' }]);
    }
    const topic = element('topic', { classes: ['contents', ...classList(call.options.class)] });
    topic.line = call.lineno;
    if ('local' in call.options) topic.attributes.classes = [...listAttribute(topic, 'classes'), 'local'];
    let name = 'Contents';
    if (title) {
      name = unescape(textContent(title));
      topic.children.push(title);
    }
    name = fullyNormalizeName(name);
    if (!document.hasName(name)) topic.attributes.names = [...listAttribute(topic, 'names'), name];
    document.noteImplicitTarget(topic);
    topic.children.push(pendingNode(document, 'docutils.transforms.parts.Contents', { ...call.options }, call.blockText));
    return [topic, ...messages];
  },
};

const sectnum: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: { depth: integer, start: integer, prefix: unchangedRequired, suffix: unchangedRequired },
  hasContent: false,
  run: (call) => [pendingNode(call.state.document, 'docutils.transforms.parts.SectNum', { ...call.options }, call.blockText)],
};

/** Element types docutils' `get_decoration` lets stay before the decoration (Titular, meta). */
const BEFORE_DECORATION = new Set(['title', 'subtitle', 'rubric', 'meta']);

/**
 * docutils `document.get_decoration`: created once, placed after titles
 * and meta. Like the header and footer put in it, it takes the parser's
 * line as docutils inserts it into the document.
 */
export function getDecoration(document: RstDocument): Element {
  if (!document.decoration) {
    const decoration = inDocument(element('decoration'), document);
    document.decoration = decoration;
    const children = document.root.children;
    const index = children.findIndex((child) => !BEFORE_DECORATION.has(child.type));
    if (index < 0) children.push(decoration);
    else children.splice(index, 0, decoration);
  }
  return document.decoration;
}

/** `node`, given the parser's line (docutils' `setup_child` for an element inserted into the document). */
function inDocument(node: Element, document: RstDocument): Element {
  if (document.currentLine !== undefined) node.line = document.currentLine;
  return node;
}

function decorationPart(document: RstDocument, type: 'header' | 'footer'): Element {
  const decoration = getDecoration(document);
  const children = decoration.children;
  if (type === 'header') {
    if (children[0]?.type !== 'header') children.unshift(inDocument(element('header'), document));
    return children[0] as Element;
  }
  if (children[children.length - 1]?.type !== 'footer') children.push(inDocument(element('footer'), document));
  return children[children.length - 1] as Element;
}

function decorationDirective(type: 'header' | 'footer'): Directive {
  return {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    hasContent: true,
    run(call) {
      assertHasContent(call);
      call.state.nestedParse(call.content, decorationPart(call.state.document, type));
      return [];
    },
  };
}

export const partDirectives: Record<string, Directive> = {
  contents,
  sectnum,
  header: decorationDirective('header'),
  footer: decorationDirective('footer'),
};
