/**
 * Parent links for a doctree that a split pass rearranges. docutils nodes
 * know their parent; ours do not, so the passes that move nodes keep this
 * index in step with every insert and removal they make.
 */

import { isElement, type Element, type Node } from '../rst/nodes.js';

export class ParentIndex {
  private readonly parents = new Map<Node, Element>();

  constructor(root: Element) {
    this.index(root);
  }

  private index(node: Element): void {
    for (const child of node.children) {
      this.parents.set(child, node);
      if (isElement(child)) this.index(child);
    }
  }

  parentOf(node: Node): Element | undefined {
    return this.parents.get(node);
  }

  insert(parent: Element, index: number, node: Node): void {
    parent.children.splice(index, 0, node);
    this.parents.set(node, parent);
  }

  remove(node: Node): void {
    const parent = this.parents.get(node);
    if (!parent) return;
    parent.children.splice(parent.children.indexOf(node), 1);
    this.parents.delete(node);
  }
}

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

export function cloneAttributes(attributes: Element['attributes']): Element['attributes'] {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]),
  );
}
