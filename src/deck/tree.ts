import { cloneAttributes, isElement, type Element, type Node } from '../rst/nodes.js';

/** The 1-based source line of a node, as docutils records it. */
export function sourceLine(node: Element): number | undefined {
  return node.line ?? node.position?.start.line;
}

/** A deep copy, so that split never changes the tree it was given. */
export function cloneTree<T extends Node>(node: T): T {
  if (!isElement(node)) return { ...node };
  const copy: Element = {
    ...node,
    attributes: cloneAttributes(node.attributes),
    children: node.children.map(cloneTree),
  };
  return copy as T;
}
