/**
 * Parent links and in-place edits for the transforms.
 *
 * Doctree nodes keep no parent pointer, so the transforms share one index
 * built when they start. Every edit a transform makes goes through this
 * class, which keeps the index up to date; edits splice the existing
 * `children` arrays (never replace them) because docutils' transforms walk
 * live lists while they edit, and the traversal order must stay the same.
 */

import { isText, listAttribute, subtreeLine, type Element, type Node } from '../nodes.js';

/** docutils' `Element.basic_attributes`: what `replace_self` carries over. */
const BASIC_ATTRIBUTES = ['ids', 'classes', 'names', 'dupnames'] as const;

export type NodeTest = string | ((node: Element) => boolean);

function matches(node: Element, test: NodeTest | undefined): boolean {
  if (test === undefined) return true;
  return typeof test === 'string' ? node.type === test : test(node);
}

/**
 * Element types that enter the tree only through the parser or this
 * class's edits, so `types` knows whether any exists. (System messages,
 * for one, are also appended directly by the document's reporter.)
 */
const TRACKED = new Set(['target', 'reference', 'substitution_reference', 'footnote_reference', 'citation_reference', 'section', 'transition', 'comment', 'problematic']);

export class Tree {
  /** A Map, not a WeakMap: much faster on large trees, and it lives only as long as one publish run. */
  private readonly parents = new Map<Node, Element>();
  /** Every element type that has been in the tree (never shrinks). */
  private readonly types = new Set<string>();
  /**
   * Whether `parents` holds Text nodes too. Transforms rarely ask for a
   * Text node's parent, and Text is half the nodes of a large tree: those
   * are recorded on the first such question.
   */
  private textIndexed = false;
  /** Per parent, the index just after the last `replace` there (a search hint). */
  private readonly replacedUpTo = new WeakMap<Element, number>();

  constructor(readonly root: Element) {
    this.adopt(root);
  }

  /** Records `node` as the parent of its whole subtree. */
  private adopt(node: Element): void {
    this.types.add(node.type);
    // Indexed: a for-of loop allocates an iterator and a result per child until V8 optimises it.
    const children = node.children;
    for (let i = 0; i < children.length; i++) this.setParent(children[i]!, node);
  }

  parent(node: Node): Element | undefined {
    if (isText(node) && !this.textIndexed) this.indexText(this.root);
    return this.parents.get(node);
  }

  /** Records the parent of every Text node under `node`, from now on kept up to date. */
  private indexText(node: Element): void {
    this.textIndexed = true;
    for (const child of node.children) {
      if (isText(child)) this.parents.set(child, node);
      else this.indexText(child);
    }
  }

  insert(parent: Element, index: number, nodes: Node[]): void {
    spliceAll(parent.children, index, 0, nodes);
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
    spliceAll(parent.children, 0, parent.children.length, nodes);
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
    // Transforms replace nodes in document order: searching from where the
    // last replacement in this parent ended keeps that linear.
    const hint = this.replacedUpTo.get(parent) ?? 0;
    let index = parent.children.indexOf(old, hint);
    if (index < 0) index = parent.children.indexOf(old);
    if (index < 0) return;
    spliceAll(parent.children, index, 1, nodes);
    this.replacedUpTo.set(parent, index + nodes.length);
    this.parents.delete(old);
    for (const node of nodes) this.setParent(node, parent);
  }

  /** Records `parent` as `node`'s (Text only once Text is indexed), and `node` as the parent of its subtree. */
  private setParent(node: Node, parent: Element): void {
    if (!isText(node)) {
      this.parents.set(node, parent);
      this.adopt(node);
    } else if (this.textIndexed) {
      this.parents.set(node, parent);
    }
  }

  /**
   * docutils `findall(cls)`: `from` and its descendants, parents first.
   * Lazy over the live children arrays, as docutils' generator is, so a
   * transform that edits what follows sees its edits.
   */
  findall(test?: NodeTest, from: Element = this.root): IterableIterator<Element> {
    // A walk of a large tree costs; one for a type that never was in it can be skipped.
    const skip = () => typeof test === 'string' && TRACKED.has(test) && !this.types.has(test);
    return new ElementWalk(from, test, skip);
  }

  /** A snapshot of `findall` (for transforms that edit what they walk). */
  all(test?: NodeTest, from: Element = this.root): Element[] {
    const found: Element[] = [];
    const walk = this.findall(test, from);
    for (let step = walk.next(); !step.done; step = walk.next()) found.push(step.value);
    return found;
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

  /**
   * The included file `node` comes from, found as docutils'
   * `get_source_line` finds it: on the first of it and its ancestors that
   * has a line or a file. Undefined: the document's own lines.
   */
  sourceOf(node: Node): string | undefined {
    let current: Node | undefined = node;
    while (current) {
      if (!isText(current) && (current.line !== undefined || current.source !== undefined)) return current.source;
      current = this.parent(current);
    }
    return undefined;
  }

  /**
   * A source line for `node` even when neither it nor its ancestors have
   * one (inline nodes of a table title, nodes a transform made): its own or
   * its source position's, else the last line before it in the document,
   * else the first after it.
   */
  nearestLine(node: Node): number | undefined {
    // A node the parser made knows where it came from, even if it left the tree.
    const own = this.lineOf(node) ?? node.position?.start.line;
    if (own !== undefined) return own;
    let current = node;
    for (let parent = this.parent(current); parent; current = parent, parent = this.parent(parent)) {
      const index = parent.children.indexOf(current);
      for (let i = index - 1; i >= 0; i--) {
        const line = subtreeLine(parent.children[i]!, 'last');
        if (line !== undefined) return line;
      }
      for (let i = index + 1; i < parent.children.length; i++) {
        const line = subtreeLine(parent.children[i]!, 'first');
        if (line !== undefined) return line;
      }
    }
    return undefined;
  }
}

/**
 * The walk behind `findall`: an explicit stack of elements and next child
 * indices, reading `children[index]` afresh each step so that it stays
 * live, as an array iterator is. An iterator object rather than a
 * generator: V8 cannot optimise a long loop inside a generator while it
 * runs, and a transform's walk over a large tree is one such loop.
 */
class ElementWalk implements IterableIterator<Element> {
  private readonly parents: Element[] = [];
  private readonly indices: number[] = [];
  private started = false;
  private skipChecked = false;

  constructor(
    private readonly from: Element,
    private readonly test: NodeTest | undefined,
    /** Asked once `from` itself has been seen: whether to skip its descendants. */
    private readonly skipDescendants: () => boolean,
  ) {}

  [Symbol.iterator](): IterableIterator<Element> {
    return this;
  }

  next(): IteratorResult<Element> {
    if (!this.started) {
      this.started = true;
      this.parents.push(this.from);
      this.indices.push(0);
      if (matches(this.from, this.test)) return { value: this.from, done: false };
    }
    if (!this.skipChecked) {
      this.skipChecked = true;
      if (this.skipDescendants()) {
        this.parents.length = 0;
        this.indices.length = 0;
      }
    }
    return this.advance();
  }

  private advance(): IteratorResult<Element> {
    const parents = this.parents;
    const indices = this.indices;
    const test = this.test;
    // `matches` and `isText` written out: a walk visits every node of the
    // tree, mostly before V8 has optimised (and could inline) anything.
    const type = typeof test === 'string' ? test : undefined;
    while (parents.length > 0) {
      const top = parents.length - 1;
      const parent = parents[top]!;
      const index = indices[top]!;
      if (index >= parent.children.length) {
        parents.pop();
        indices.pop();
        continue;
      }
      indices[top] = index + 1;
      const child = parent.children[index]!;
      if (child.type === 'text') continue;
      parents.push(child as Element);
      indices.push(0);
      if (type !== undefined ? child.type === type : test === undefined || (test as (node: Element) => boolean)(child as Element)) {
        return { value: child as Element, done: false };
      }
    }
    return { value: undefined, done: true };
  }
}

/** `list.splice(index, deleteCount, ...items)` for lists of any length (spread arguments overflow the stack on huge ones). */
function spliceAll<T>(list: T[], index: number, deleteCount: number, items: readonly T[]): void {
  if (items.length < 1000) {
    list.splice(index, deleteCount, ...items);
    return;
  }
  const tail = list.splice(index + deleteCount);
  list.length = index;
  for (const item of items) list.push(item);
  for (const item of tail) list.push(item);
}
