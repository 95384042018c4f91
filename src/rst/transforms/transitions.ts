/**
 * misc.Transitions: a transition may not open a document or section, nor
 * follow another transition, nor end the document (each is an error placed
 * beside it); one that ends a section moves up, after that section.
 *
 * Hovercraft replaces this transform with its own rules, which the split
 * stage applies (`src/deck/transitions.ts`); `hovercraft: true` skips it.
 */

import type { Element } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

function opensParent(parent: Element, index: number): boolean {
  if (index === 0) return true;
  if (parent.children[0]?.type !== 'title') return false;
  return index === 1 || (index === 2 && parent.children[1]?.type === 'subtitle');
}

/** docutils passes the transition's own line and file (where it has one), not a line for its reporter to read. */
function placeOf(context: TransformContext, node: Element): { line?: number; source: string } {
  const source = node.source ?? context.document.sourceName;
  return node.line === undefined ? { source } : { line: node.line, source };
}

function visitTransition(context: TransformContext, node: Element): void {
  const { tree } = context;
  const parent = tree.parent(node);
  if (!parent) return;
  let index = parent.children.indexOf(node);
  let error: Element | undefined;
  if (opensParent(parent, index)) {
    error = context.report(3, 'Document or section may not begin with a transition.', placeOf(context, node));
  } else if (parent.children[index - 1]?.type === 'transition') {
    error = context.report(
      3,
      'At least one body element must separate transitions; adjacent transitions are not allowed.',
      placeOf(context, node),
    );
  }
  if (error) {
    tree.insert(parent, index, [error]);
    index += 1;
  }
  if (index !== parent.children.length - 1) return;
  // Find the ancestor the transition goes after: the nearest one that is
  // not the last child of its own parent.
  let sibling: Element = node;
  let siblingParent: Element | undefined = parent;
  while (siblingParent && index === siblingParent.children.length - 1) {
    sibling = siblingParent;
    siblingParent = tree.parent(sibling);
    if (!siblingParent) {
      // Here docutils passes the line alone, for its reporter to read; the author is sent to the transition.
      const last = context.report(3, 'Document may not end with a transition.', { line: node.line, ...context.authorPlace(node) });
      tree.insert(parent, parent.children.indexOf(node) + 1, [last]);
      return;
    }
    index = siblingParent.children.indexOf(sibling);
  }
  tree.remove(node);
  tree.insert(siblingParent!, index + 1, [node]);
}

export const transitions: Transform = {
  name: 'docutils.transforms.misc.Transitions',
  priority: 830,
  apply(context) {
    for (const node of context.tree.findall('transition')) visitTransition(context, node);
  },
};
