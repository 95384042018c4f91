/**
 * frontmatter.DocInfo: a field list first in the document (after the
 * title) becomes `docinfo`. Registered bibliographic fields (`:Author:`,
 * `:Date:` …) turn into their elements, `:Authors:` splits into authors,
 * `:Dedication:` and `:Abstract:` become topics after the docinfo; other
 * fields stay fields, classed with their name. Expanded RCS keywords
 * (`$Date: 2001/08/15 … $`) are cleaned up.
 */

import { element, isText, listAttribute, text, textContent, type Element, type Node } from '../nodes.js';
import { fullyNormalizeName, makeId } from '../names.js';
import { pyStrip } from '../py-space.js';
import { isPreBibliographic, isTitularOrDecorative } from './node-classes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

/** English field names (docutils `languages/en.py`) → kind of element. */
const TEXT_FIELDS = new Set(['author', 'organization', 'address', 'contact', 'version', 'revision', 'status', 'date', 'copyright']);
const TOPIC_LABELS: Record<string, string> = { dedication: 'Dedication', abstract: 'Abstract' };
const AUTHOR_SEPARATORS = [';', ','];

const RCS_KEYWORDS: [RegExp, string][] = [
  [/\$Date: (\d\d\d\d)[-/](\d\d)[-/](\d\d)[ T][\d:]+[^$]* \$/i, '$1-$2-$3'],
  [/\$RCSfile: (.+),v \$/i, '$1'],
  [/\$[a-zA-Z]+: (.+) \$/, '$1'],
];

/** Thrown inside this file only: the field stays a plain field. */
class NotBibliographic extends Error {}

function cleanRcsKeywords(paragraph: Node | undefined): void {
  if (!paragraph || isText(paragraph) || paragraph.children.length !== 1) return;
  const only = paragraph.children[0]!;
  if (!isText(only)) return;
  for (const [pattern, replacement] of RCS_KEYWORDS) {
    if (pattern.test(only.value)) {
      paragraph.children[0] = text(only.value.replace(new RegExp(pattern.source, `${pattern.flags}g`), replacement));
      return;
    }
  }
}

interface Extraction {
  context: TransformContext;
  docinfo: Element;
  topics: Map<string, Element>;
}

function warn(context: TransformContext, field: Element, message: string): void {
  const body = field.children[field.children.length - 1] as Element;
  context.tree.append(body, context.report(2, message, { baseNode: field }));
}

function isParagraph(node: Node | undefined): boolean {
  return !!node && !isText(node) && node.type === 'paragraph';
}

function textField(extraction: Extraction, field: Element, name: string, kind: string): void {
  const body = field.children[1] as Element;
  if (body.children.length > 1) {
    warn(extraction.context, field, `Cannot extract compound bibliographic field "${name}".`);
    throw new NotBibliographic();
  }
  const paragraph = body.children[0];
  if (!isParagraph(paragraph)) {
    warn(extraction.context, field, `Cannot extract bibliographic field "${name}" containing anything other than a single paragraph.`);
    throw new NotBibliographic();
  }
  cleanRcsKeywords(paragraph);
  // `address` is a FixedTextElement: docutils marks its white space significant.
  const attributes: Element['attributes'] = kind === 'address' ? { 'xml:space': 'preserve' } : {};
  extraction.docinfo.children.push(element(kind, attributes, [...(paragraph as Element).children]));
}

function authorsFromOneParagraph(body: Element): Node[][] {
  const all = [...walkTexts(body)].join('');
  if (!all) throw new NotBibliographic();
  let names = [all];
  for (const separator of AUTHOR_SEPARATORS) {
    // An escaped separator does not split.
    names = all.split(new RegExp(`(?<!\\x00)${separator}`));
    if (names.length > 1) break;
  }
  return names.map(pyStrip).filter(Boolean).map((name) => [text(name)]);
}

function* walkTexts(node: Element): Generator<string> {
  for (const child of node.children) {
    if (isText(child)) yield child.value;
    else yield* walkTexts(child);
  }
}

function authorsFromBulletList(list: Element): Node[][] {
  const authors: Node[][] = [];
  for (const item of list.children) {
    if (isText(item) || item.type === 'comment') continue;
    if (item.children.length !== 1 || !isParagraph(item.children[0])) throw new NotBibliographic();
    authors.push([...(item.children[0] as Element).children]);
  }
  if (authors.length === 0) throw new NotBibliographic();
  return authors;
}

function authorsFromParagraphs(body: Element): Node[][] {
  const items = body.children.filter((child): child is Element => !isText(child));
  if (items.some((item) => item.type !== 'paragraph' && item.type !== 'comment')) throw new NotBibliographic();
  return items.filter((item) => item.type !== 'comment').map((item) => [...item.children]);
}

function authorsField(extraction: Extraction, field: Element, name: string): void {
  const body = field.children[1] as Element;
  try {
    let authors: Node[][];
    const only = body.children.length === 1 ? body.children[0]! : undefined;
    if (only) {
      if (isParagraph(only)) authors = authorsFromOneParagraph(body);
      else if (!isText(only) && only.type === 'bullet_list') authors = authorsFromBulletList(only);
      else throw new NotBibliographic();
    } else {
      authors = authorsFromParagraphs(body);
    }
    const nodes = authors.filter((author) => author.length > 0).map((author) => element('author', {}, author));
    if (nodes.length === 0) throw new NotBibliographic();
    extraction.docinfo.children.push(element('authors', {}, nodes));
  } catch (error) {
    if (!(error instanceof NotBibliographic)) throw error;
    warn(
      extraction.context,
      field,
      `Bibliographic field "${name}" incompatible with extraction: it must contain either a single paragraph (with authors separated by one of "${AUTHOR_SEPARATORS.join('')}"), multiple paragraphs (one per author), or a bullet list with one paragraph (one author) per item.`,
    );
    throw error;
  }
}

function topicField(extraction: Extraction, field: Element, name: string, kind: string): void {
  if (extraction.topics.has(kind)) {
    warn(extraction.context, field, `There can only be one "${name}" field.`);
    throw new NotBibliographic();
  }
  const body = field.children[1] as Element;
  const title = element('title', {}, [text(TOPIC_LABELS[kind]!)]);
  extraction.topics.set(kind, element('topic', { classes: [kind] }, [title, ...body.children]));
}

function extractField(extraction: Extraction, field: Element): void {
  const nameNode = field.children[0];
  const name = nameNode && !isText(nameNode) ? textContent(nameNode.children[0] ?? text('')) : '';
  const normed = fullyNormalizeName(name);
  try {
    const known = TEXT_FIELDS.has(normed) || normed === 'authors' || normed in TOPIC_LABELS;
    if (field.children.length !== 2 || !known) throw new NotBibliographic();
    if ((field.children[1] as Element).children.length < 1) {
      warn(extraction.context, field, `Cannot extract empty bibliographic field "${name}".`);
      throw new NotBibliographic();
    }
    if (TEXT_FIELDS.has(normed)) textField(extraction, field, name, normed);
    else if (normed === 'authors') authorsField(extraction, field, name);
    else topicField(extraction, field, name, normed);
  } catch (error) {
    if (!(error instanceof NotBibliographic)) throw error;
    const body = field.children[field.children.length - 1] as Element;
    if (body.children.length === 1 && isParagraph(body.children[0])) cleanRcsKeywords(body.children[0]);
    const classValue = makeId(normed);
    if (classValue) field.attributes.classes = [...listAttribute(field, 'classes'), classValue];
    extraction.docinfo.children.push(field);
  }
}

export const docInfo: Transform = {
  name: 'docutils.transforms.frontmatter.DocInfo',
  priority: 340,
  apply(context) {
    if (!context.settings.docinfoXform) return;
    const { root } = context;
    const index = root.children.findIndex((child) => isText(child) || !isPreBibliographic(child));
    const candidate = root.children[index];
    if (index === -1 || !candidate || isText(candidate) || candidate.type !== 'field_list') return;
    const biblioIndex = root.children.findIndex((child) => isText(child) || !isTitularOrDecorative(child));
    const extraction: Extraction = { context, docinfo: element('docinfo'), topics: new Map() };
    for (const field of candidate.children) if (!isText(field)) extractField(extraction, field);
    const nodes: Element[] = extraction.docinfo.children.length > 0 ? [extraction.docinfo] : [];
    for (const kind of ['dedication', 'abstract']) {
      const topic = extraction.topics.get(kind);
      if (topic) nodes.push(topic);
    }
    context.tree.remove(candidate);
    context.tree.insert(root, biblioIndex, nodes);
  },
};
