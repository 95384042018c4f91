import { cloneAttributes, isElement, type Element, type Node } from '../rst/nodes.js';

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
