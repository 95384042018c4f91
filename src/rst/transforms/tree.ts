/**
 * Parent links and in-place edits for the transforms.
 *
 * Doctree nodes keep no parent pointer, so the transforms share one index
 * built when they start. Every edit a transform makes goes through this
 * class, which keeps the index up to date; edits splice the existing
 * `children` arrays (never replace them) because docutils' transforms walk
 * live lists while they edit, and the traversal order must stay the same.
 */

import { isText, listAttribute, type Element, type Node } from '../nodes.js';

/** docutils' `Element.basic_attributes`: what `replace_self` carries over. */
const BASIC_ATTRIBUTES = ['ids', 'classes', 'names', 'dupnames'] as const;

export type NodeTest = string | ((node: Element) => boolean);

function matches(node: Element, test: NodeTest | undefined): boolean {
  if (test === undefined) return true;
  return typeof test === 'string' ? node.type === test : test(node);
}

export class Tree {
  private readonly parents = new WeakMap<Node, Element>();

  constructor(readonly root: Element) {
    this.adopt(root);
  }

  /** Records `node` as the parent of its whole subtree. */
  private adopt(node: Element): void {
    for (const child of node.children) {
      this.parents.set(child, node);
      if (!isText(child)) this.adopt(child);
    }
  }

  parent(node: Node): Element | undefined {
    return this.parents.get(node);
  }

  insert(parent: Element, index: number, nodes: Node[]): void {
    parent.children.splice(index, 0, ...nodes);
    for (const node of nodes) this.setParent(node, parent);
  }

  append(parent: Element, ...nodes: Node[]): void {
    this.insert(parent, parent.children.length, nodes);
  }

  remove(node: Node): void {
    const parent = this.parent(node);
    if (!parent) return;
    const index = parent.children.indexOf(node);
    if (index >= 0) parent.children.splice(index, 1);
    this.parents.delete(node);
  }

  /** Replaces `parent`'s children with `nodes` (docutils `node[:] = nodes`). */
  setChildren(parent: Element, nodes: Node[]): void {
    parent.children.splice(0, parent.children.length, ...nodes);
    for (const node of nodes) this.setParent(node, parent);
  }

  /**
   * docutils `replace_self`: `node` gives way to `replacement`; the first
   * replacement element inherits its ids, classes, names and dupnames.
   */
  replaceSelf(node: Element, replacement: Node | Node[]): void {
    const nodes = Array.isArray(replacement) ? replacement : [replacement];
    const first = nodes[0];
    if (first && !isText(first)) {
      for (const key of BASIC_ATTRIBUTES) {
        const values = listAttribute(node, key).filter((v) => !listAttribute(first, key).includes(v));
        if (values.length) first.attributes[key] = [...listAttribute(first, key), ...values];
      }
    }
    this.replace(node, nodes);
  }

  /** docutils `parent.replace(old, new)`: no attributes move. */
  replace(old: Node, nodes: Node[]): void {
    const parent = this.parent(old);
    if (!parent) return;
    const index = parent.children.indexOf(old);
    if (index < 0) return;
    parent.children.splice(index, 1, ...nodes);
    this.parents.delete(old);
    for (const node of nodes) this.setParent(node, parent);
  }

  private setParent(node: Node, parent: Element): void {
    this.parents.set(node, parent);
    if (!isText(node)) this.adopt(node);
  }

  /**
   * docutils `findall(cls)`: `from` and its descendants, parents first.
   * Lazy over the live children arrays, as docutils' generator is, so a
   * transform that edits what follows sees its edits.
   */
  *findall(test?: NodeTest, from: Element = this.root): Generator<Element> {
    if (matches(from, test)) yield from;
    for (const child of from.children) {
      if (!isText(child)) yield* this.findall(test, child);
    }
  }

  /** A snapshot of `findall` (for transforms that edit what they walk). */
  all(test?: NodeTest, from: Element = this.root): Element[] {
    return [...this.findall(test, from)];
  }

  /**
   * docutils `next_node(ascend=True, descend=…)`: the first element after
   * `node` in document order (its children first when `descend`), then its
   * following siblings, then those of its ancestors.
   */
  nextNode(node: Element, descend = true): Node | undefined {
    if (descend && node.children.length > 0) return node.children[0];
    let current: Node = node;
    for (;;) {
      const parent = this.parent(current);
      if (!parent) return undefined;
      const index = parent.children.indexOf(current);
      const sibling = parent.children[index + 1];
      if (sibling) return sibling;
      current = parent;
    }
  }

  /** docutils `get_source_line`: the line of `node` or of its nearest ancestor that has one. */
  lineOf(node: Node): number | undefined {
    let current: Node | undefined = node;
    while (current) {
      if (!isText(current) && current.line !== undefined) return current.line;
      current = this.parent(current);
    }
    return undefined;
  }
}
