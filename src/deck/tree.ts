import type { SourceLine } from '../diagnostics/diagnostic.js';
import { cloneAttributes, isElement, lineOf, type Element, type Node } from '../rst/nodes.js';
import type { Deck } from './types.js';

/** Where step `index` got field `field`, else where the step starts (its transition or title). */
export function fieldPlace(deck: Deck, index: number, field?: string): SourceLine | undefined {
  const at = field === undefined ? undefined : deck.fieldLines?.[index]?.[field];
  const step = deck.steps[index];
  return at ?? (step && lineOf(step));
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
