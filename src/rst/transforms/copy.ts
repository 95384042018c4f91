/**
 * Deep copies of doctree nodes, for transforms that reuse content in a new
 * place (substitutions, table-of-contents entries). Copies carry no
 * `position`: they are generated, not read from the source.
 */

import { cloneAttributes, element, isText, text, type Element, type Node } from '../nodes.js';

/** docutils `Element.copy()`: the element and its attributes, no children. */
export function shallowCopy(node: Element): Element {
  const copy = element(node.type, cloneAttributes(node.attributes));
  if (node.line !== undefined) copy.line = node.line;
  if (node.source !== undefined) copy.source = node.source;
  if (node.includedLine !== undefined) copy.includedLine = node.includedLine;
  if (node.rawsource !== undefined) copy.rawsource = node.rawsource;
  if (node.pending) copy.pending = { transform: node.pending.transform, details: { ...node.pending.details } };
  return copy;
}

/** docutils `Node.deepcopy()`. */
export function deepCopy<T extends Node>(node: T): T {
  if (isText(node)) return text(node.value) as T;
  const copy = shallowCopy(node);
  copy.children = node.children.map((child) => deepCopy(child));
  return copy as T;
}
