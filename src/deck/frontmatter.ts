/**
 * Hovercraft runs docutils with `doctitle_xform` and `docinfo_xform` on.
 * `parse(…, {hovercraft: true})` is meant to apply both; when the tree
 * shows they have not run (a lone top-level section, or a field list as
 * first body element) this applies their effect on slides:
 *
 * - DocTitle: a lone section becomes the document title (its title, ids
 *   and names move to the document, its content to document level, a lone
 *   subsection becomes the subtitle); `document.title` is set from it.
 * - DocInfo: the first field list becomes `docinfo`; bibliographic fields
 *   (`:author:`, `:date:` …) turn into their elements, so they are not
 *   presentation settings; `:abstract:` and `:dedication:` become topics.
 *
 * Both transforms do nothing on a tree they have already been applied to.
 * Keep in step with docutils 0.19 `transforms/frontmatter.py`.
 */

import { fullyNormalizeName, makeId } from '../rst/names.js';
import { element, isElement, LIST_ATTRIBUTES, text, textContent, type Element, type Node } from '../rst/nodes.js';

const PRE_BIBLIOGRAPHIC = new Set([
  'title', 'subtitle', 'meta', 'decoration', 'header', 'footer', 'comment',
  'substitution_definition', 'target', 'system_message', 'pending', 'raw',
]);

/** Bibliographic field name → element; `authors`, `dedication` and `abstract` are special. */
const BIBLIOGRAPHIC = new Set([
  'author', 'authors', 'organization', 'address', 'contact', 'version',
  'revision', 'status', 'date', 'copyright', 'dedication', 'abstract',
]);
const TOPIC_TITLES: Record<string, string> = { dedication: 'Dedication', abstract: 'Abstract' };

function firstNotPreBibliographic(node: Element, skip = PRE_BIBLIOGRAPHIC): number | undefined {
  const index = node.children.findIndex((child) => isElement(child) && !skip.has(child.type));
  return index === -1 ? undefined : index;
}

/** The lone section docutils would promote, with its index. */
function candidateSection(node: Element): number | undefined {
  const index = firstNotPreBibliographic(node);
  if (index === undefined || node.children.length > index + 1) return undefined;
  return node.children[index]!.type === 'section' ? index : undefined;
}

function mergeAttributes(target: Element, source: Element): void {
  for (const [key, value] of Object.entries(source.attributes)) {
    if ((LIST_ATTRIBUTES as readonly string[]).includes(key) && Array.isArray(value)) {
      const current = target.attributes[key];
      target.attributes[key] = [...(Array.isArray(current) ? current : []), ...value];
    } else {
      target.attributes[key] = Array.isArray(value) ? [...value] : value;
    }
  }
}

function promoteTitle(document: Element): boolean {
  const first = document.children[0];
  if (first && first.type === 'title') return false;
  const index = candidateSection(document);
  if (index === undefined) return false;
  const section = document.children[index] as Element;
  mergeAttributes(document, section);
  document.children = [...section.children.slice(0, 1), ...document.children.slice(0, index), ...section.children.slice(1)];
  return true;
}

function promoteSubtitle(document: Element): void {
  const index = candidateSection(document);
  if (index === undefined) return;
  const section = document.children[index] as Element;
  const subtitle = element('subtitle');
  mergeAttributes(subtitle, section);
  const title = section.children[0];
  subtitle.children = title && isElement(title) ? title.children : [];
  if (section.position) subtitle.position = section.position;
  document.children = [document.children[0]!, subtitle, ...document.children.slice(1, index), ...section.children.slice(1)];
}

export function applyDocTitle(document: Element): void {
  if (promoteTitle(document)) promoteSubtitle(document);
  const first = document.children[0];
  if (document.attributes['title'] === undefined && first && isElement(first) && first.type === 'title') {
    document.attributes['title'] = textContent(first);
  }
}

/** The single paragraph of a field body, or undefined. */
function soleParagraph(body: Element): Element | undefined {
  const only = body.children.length === 1 ? body.children[0] : undefined;
  return only && isElement(only) && only.type === 'paragraph' ? only : undefined;
}

function authorsOf(body: Element): Node[][] | undefined {
  const paragraph = soleParagraph(body);
  if (paragraph) {
    const all = textContent(paragraph);
    const separator = [';', ','].find((sep) => splitUnescaped(all, sep).length > 1);
    const names = separator ? splitUnescaped(all, separator) : [all];
    const authors = names.map((name) => name.trim()).filter(Boolean);
    return authors.length ? authors.map((name) => [text(name)]) : undefined;
  }
  const paragraphs = body.children.filter(isElement).filter((child) => child.type !== 'comment');
  if (paragraphs.length === 0 || paragraphs.some((child) => child.type !== 'paragraph')) return undefined;
  return paragraphs.map((child) => child.children);
}

function splitUnescaped(value: string, separator: string): string[] {
  return value.split(new RegExp(`(?<!\\x00)${separator}`));
}

/** One field of the candidate list → its docinfo element(s), or undefined to keep it as a field. */
function bibliographic(field: Element, topics: Map<string, Element>): Element | undefined {
  const [nameNode, body] = field.children.filter(isElement);
  if (!nameNode || !body || field.children.length !== 2 || body.children.length === 0) return undefined;
  const name = fullyNormalizeName(textContent(nameNode));
  if (!BIBLIOGRAPHIC.has(name)) return undefined;
  if (name in TOPIC_TITLES) {
    if (topics.has(name)) return undefined;
    topics.set(name, element('topic', { classes: [name] }, [element('title', {}, [text(TOPIC_TITLES[name]!)]), ...body.children]));
    return element('_topic');
  }
  if (name === 'authors') {
    const authors = authorsOf(body);
    return authors && element('authors', {}, authors.map((children) => element('author', {}, children)));
  }
  const paragraph = soleParagraph(body);
  if (!paragraph) return undefined;
  const node = element(name, {}, paragraph.children);
  if (paragraph.position) node.position = paragraph.position;
  return node;
}

export function applyDocInfo(document: Element): void {
  const index = firstNotPreBibliographic(document);
  if (index === undefined) return;
  const candidate = document.children[index] as Element;
  if (candidate.type !== 'field_list') return;
  const docinfo = element('docinfo');
  if (candidate.position) docinfo.position = candidate.position;
  const topics = new Map<string, Element>();
  for (const field of candidate.children.filter(isElement)) {
    const extracted = bibliographic(field, topics);
    if (extracted?.type === '_topic') continue;
    if (extracted) {
      docinfo.children.push(extracted);
      continue;
    }
    const nameNode = field.children.find(isElement);
    const classValue = makeId(fullyNormalizeName(nameNode ? textContent(nameNode) : ''));
    if (classValue) field.attributes['classes'] = [...(field.attributes['classes'] as string[] | undefined ?? []), classValue];
    docinfo.children.push(field);
  }
  const nodes: Element[] = docinfo.children.length ? [docinfo] : [];
  for (const name of ['dedication', 'abstract']) if (topics.has(name)) nodes.push(topics.get(name)!);
  document.children.splice(index, 1);
  const titular = new Set(['title', 'subtitle', 'rubric', 'decoration', 'header', 'footer', 'meta']);
  const at = firstNotPreBibliographic(document, titular) ?? document.children.length;
  document.children.splice(at, 0, ...nodes);
}
