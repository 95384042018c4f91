/**
 * references.PropagateTargets: an empty internal target (`.. _name:`)
 * hands its ids and names to the element after it, and points there with
 * `refid`, so references to the name lead to that element.
 *
 *   <target ids="a" names="a">        <target refid="a">
 *   <paragraph>                  →    <paragraph ids="a" names="a">
 */

import { isText, listAttribute, type Element, type Node } from '../nodes.js';
import { isInvisible, isTargetable, isTextElement } from './node-classes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

function isBlockLevelEmptyTarget(context: TransformContext, target: Element): boolean {
  const parent = context.tree.parent(target);
  if (parent && isTextElement(parent)) return false;
  return !('refid' in target.attributes || 'refuri' in target.attributes || 'refname' in target.attributes);
}

/** The element that receives the target: the next one, past system messages. */
function receiver(context: TransformContext, target: Element): Element | undefined {
  let next: Node | undefined = context.tree.nextNode(target);
  while (next && !isText(next) && next.type === 'system_message') next = context.tree.nextNode(next, false);
  if (!next || isText(next)) return undefined;
  // Invisible nodes would lose the attributes; other targetables (footnotes)
  // keep their own.
  if ((isInvisible(next) || isTargetable(next)) && next.type !== 'target') return undefined;
  return next;
}

function propagate(context: TransformContext, target: Element, next: Element): void {
  const ids = listAttribute(target, 'ids');
  if (ids.length === 0) return;
  next.attributes.ids = [...listAttribute(next, 'ids'), ...ids];
  next.attributes.names = [...listAttribute(next, 'names'), ...listAttribute(target, 'names')];
  for (const id of ids) context.document.ids.set(id, next);
  context.expectReferenced(next, target);
  target.attributes.refid = ids[0]!;
  target.attributes.ids = [];
  target.attributes.names = [];
  context.document.noteRefid(target);
}

export const propagateTargets: Transform = {
  name: 'docutils.transforms.references.PropagateTargets',
  priority: 260,
  apply(context) {
    for (const target of context.tree.findall('target')) {
      if (!isBlockLevelEmptyTarget(context, target)) continue;
      const next = receiver(context, target);
      if (next) propagate(context, target, next);
    }
  },
};
