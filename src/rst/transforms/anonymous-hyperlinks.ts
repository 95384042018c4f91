/**
 * references.AnonymousHyperlinks: the n-th anonymous reference (`text__`)
 * links to the n-th anonymous target (`__ uri`, `.. __:`). When the counts
 * differ, every anonymous reference becomes problematic.
 */

import { listAttribute, type Element } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

function mismatch(context: TransformContext, refs: Element[], targets: Element[]): void {
  const msg = context.report(
    3,
    `Anonymous hyperlink mismatch: ${refs.length} references but ${targets.length} targets.\nSee "backrefs" attribute for IDs.`,
    mismatchLine(context, refs, targets),
  );
  // The message takes its id even when there is no reference to point at it.
  context.document.setId(msg);
  for (const ref of refs) context.replaceWithProblematic(ref, msg);
}

/** docutils gives the mismatch no line; the diagnostic points at the first anonymous reference (or target). */
function mismatchLine(context: TransformContext, refs: Element[], targets: Element[]): { diagnosticLine?: number } {
  const first = refs[0] ?? targets[0];
  const line = first ? context.tree.nearestLine(first) : undefined;
  return line === undefined ? {} : { diagnosticLine: line };
}

function link(context: TransformContext, ref: Element, anonymousTarget: Element): void {
  let target = anonymousTarget;
  context.document.referenced.add(target);
  for (;;) {
    if ('refuri' in target.attributes) {
      ref.attributes.refuri = target.attributes.refuri!;
      context.resolved.add(ref);
      return;
    }
    const ids = listAttribute(target, 'ids');
    if (ids.length === 0) {
      // A propagated target: follow it to the element that took its id.
      const next = context.document.ids.get(String(target.attributes.refid));
      if (!next || next === target) return;
      target = next;
      continue;
    }
    ref.attributes.refid = ids[0]!;
    context.document.noteRefid(ref);
    return;
  }
}

export const anonymousHyperlinks: Transform = {
  name: 'docutils.transforms.references.AnonymousHyperlinks',
  priority: 440,
  apply(context) {
    const refs = context.tree.all('reference').filter((node) => node.attributes.anonymous);
    const targets = context.tree.all('target').filter((node) => node.attributes.anonymous);
    if (refs.length !== targets.length) {
      mismatch(context, refs, targets);
      return;
    }
    refs.forEach((ref, i) => link(context, ref, targets[i]!));
  },
};
