/**
 * The doctree: unist-shaped nodes whose `type` names and attributes are
 * docutils' element names and attributes (see docutils.dtd), so that any tree
 * prints as docutils pseudo-XML (`pformat.ts`).
 *
 * Every node that comes from the source carries a `position` counted in the
 * original file; nodes a transform generates carry none.
 */

import type { SourceLine } from '../diagnostics/diagnostic.js';

export interface Point {
  /** 1-based line in the original file. */
  line: number;
  /** 1-based column in the original file. */
  column: number;
  /** 0-based UTF-16 offset in the original file. */
  offset: number;
}

export interface Position {
  readonly start: Point;
  readonly end: Point;
}

/**
 * The position the parser gives a node: one object of six numbers, its
 * points made when asked for. Every node of a large tree has a position
 * and outlives the young generation; three objects each (the span and its
 * two points) were a fifth of the parsed tree's memory, and copying them
 * out of the young generation a matching share of the parse's time.
 */
export class Span implements Position {
  constructor(
    readonly startLine: number,
    readonly startColumn: number,
    readonly startOffset: number,
    readonly endLine: number,
    readonly endColumn: number,
    readonly endOffset: number,
  ) {}

  static between(start: Point, end: Point): Span {
    return new Span(start.line, start.column, start.offset, end.line, end.column, end.offset);
  }

  get start(): Point {
    return { line: this.startLine, column: this.startColumn, offset: this.startOffset };
  }

  get end(): Point {
    return { line: this.endLine, column: this.endColumn, offset: this.endOffset };
  }
}

/** Attribute values as docutils keeps them: lists print space-separated. */
export type AttributeValue = string | number | boolean | string[];

export interface Element {
  type: string;
  attributes: Record<string, AttributeValue>;
  children: Node[];
  position?: Position;
  /**
   * The source line docutils records on the element (`node.line`), used for
   * diagnostics and for `line` attributes of system messages. 1-based.
   */
  line?: number;
  /**
   * The included file the element came from (docutils' `node.source`), as
   * the include directive named it; absent for the document's own lines.
   * `line` counts in this file.
   */
  source?: string;
  /**
   * For an element from an included file: the first line, in that file, of
   * the construct that made it (its directive's line, say), where messages
   * about it point. `line` is docutils' own and often the line after.
   */
  includedLine?: number;
  /**
   * For `pending` nodes only: the transform that will replace the node and
   * its details, printed by pformat as docutils' ".. internal attributes:".
   */
  pending?: PendingInfo;
  /** The source text docutils keeps as `rawsource` where later stages need it (transitions). */
  rawsource?: string;
}

export interface PendingInfo {
  /** Python dotted name, e.g. `docutils.transforms.parts.Contents`. */
  transform: string;
  /** Printed sorted by key; values are strings, numbers, booleans, lists or nodes. */
  details: Record<string, unknown>;
}

export interface Text {
  type: 'text';
  value: string;
  position?: Position;
}

export type Node = Element | Text;

/** Attributes docutils always keeps as lists (`Element.list_attributes`). */
export const LIST_ATTRIBUTES = ['ids', 'classes', 'names', 'dupnames', 'backrefs'] as const;

export function isText(node: Node): node is Text {
  return node.type === 'text';
}

export function isElement(node: Node): node is Element {
  return node.type !== 'text';
}

export function text(value: string, position?: Position): Text {
  // One shape for every Text node, as for elements below.
  return { type: 'text', value, position };
}

export function element(
  type: string,
  attributes: Record<string, AttributeValue> = {},
  children: Node[] = [],
  position?: Position,
): Element {
  // Every element gets every field, in one order, so all elements share one
  // hidden class: the walks over the tree (transforms, split, emit) then
  // stay monomorphic, measured ~2× faster on large decks than with fields
  // added as needed.
  return { type, attributes, children, position, line: undefined, source: undefined, includedLine: undefined, pending: undefined, rawsource: undefined };
}

/**
 * `record[key] = value`, also for a key named `__proto__` (a field in a
 * deck is an attribute like any other, not the object's prototype).
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** An own property of `record` (undefined for names only its prototype has, such as `__proto__`). */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of an element's attributes, lists copied too. */
export function cloneAttributes(attributes: Element['attributes']): Element['attributes'] {
  const copy: Element['attributes'] = {};
  for (const key in attributes) {
    const value = attributes[key]!;
    const copied = Array.isArray(value) ? [...value] : value;
    setOwn(copy, key, copied);
  }
  return copy;
}

/** Appends to a list attribute (`ids`, `names`, `classes` ...). */
export function addToList(node: Element, key: string, ...values: string[]): void {
  const current = node.attributes[key];
  const list = Array.isArray(current) ? current : [];
  node.attributes[key] = [...list, ...values];
}

export function listAttribute(node: Element, key: string): string[] {
  const value = node.attributes[key];
  return Array.isArray(value) ? value : [];
}

/** The concatenated text of a subtree (docutils `astext()` for most nodes). */
export function textContent(node: Node): string {
  if (isText(node)) return node.value;
  return node.children.map(textContent).join('');
}

/**
 * Every element of `node`'s subtree, depth first, parents before children.
 * An array built with an explicit stack: nested generators cost a
 * generator per element and a step per level for every element yielded.
 */
export function walkElements(node: Node): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isText(current)) continue;
    found.push(current);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
  return found;
}

/**
 * Where an element is: docutils' line (in the included file it came from,
 * if any), else where its position starts in the document.
 */
export function lineOf(node: Element): SourceLine | undefined {
  if (node.line !== undefined) return node.source === undefined ? { line: node.line } : { line: node.line, file: node.source };
  return node.position ? { line: node.position.start.line } : undefined;
}

/**
 * Where an element starts: its position in the document, else `lineOf`.
 * An element from an included file is placed in that file, at the first
 * line of its construct there (its position is the enclosing construct's
 * in the document).
 */
export function startOf(node: Element): SourceLine | undefined {
  if (node.source !== undefined && node.includedLine !== undefined) return { line: node.includedLine, file: node.source };
  if (node.source !== undefined && node.line !== undefined) return lineOf(node);
  return node.position ? { line: node.position.start.line } : lineOf(node);
}

/**
 * `subtreeLine` as a place: the smallest or largest line among the
 * subtree's elements from the same file as the first one with a line.
 */
export function subtreePlace(node: Node, which: 'first' | 'last'): SourceLine | undefined {
  const located = walkElements(node).filter((element) => element.line !== undefined);
  const first = located[0];
  if (!first) return undefined;
  let best = first.line!;
  for (const element of located) {
    if (element.source !== first.source) continue;
    if (which === 'first' ? element.line! < best : element.line! > best) best = element.line!;
  }
  return first.source === undefined ? { line: best } : { line: best, file: first.source };
}

/** The smallest or largest line in `node`'s subtree. */
export function subtreeLine(node: Node, which: 'first' | 'last'): number | undefined {
  if (isText(node)) return undefined;
  let found = node.line;
  for (const child of node.children) {
    const line = subtreeLine(child, which);
    if (line === undefined) continue;
    if (found === undefined || (which === 'first' ? line < found : line > found)) found = line;
  }
  return found;
}
