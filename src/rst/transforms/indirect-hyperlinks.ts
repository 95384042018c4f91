/**
 * references.IndirectHyperlinks: a target that refers to another name
 * (`.. _a: b_`) takes the final target's `refuri` (external) or `refid`
 * (internal), following chains of indirect targets; then every reference
 * to the indirect target's names and ids gets the same. A chain that ends
 * nowhere, at a duplicate name or in a circle is an error, and the
 * references to it become problematic.
 */

import { listAttribute, type Element } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

interface Resolution {
  context: TransformContext;
  /** docutils `multiply_indirect`: targets being resolved further up the chain. */
  inProgress: Set<Element>;
}

function targetError(context: TransformContext, target: Element, explanation: string): void {
  const { document } = context;
  const names = listAttribute(target, 'names');
  const ids = listAttribute(target, 'ids');
  let naming = names.length > 0 ? `"${names[0]}" ` : '';
  const refs: Element[] = [];
  for (const name of names) refs.push(...(document.refnames.get(name) ?? []));
  for (const id of ids) refs.push(...(document.refids.get(id) ?? []));
  if (ids.length > 0) naming += `(id="${ids[0]}")`;
  const msg = context.report(
    3,
    `Indirect hyperlink target ${naming} refers to target "${String(target.attributes.refname)}", ${explanation}.`,
    { baseNode: target },
  );
  context.document.setId(msg);
  for (const ref of new Set(refs)) context.replaceWithProblematic(ref, msg);
  context.resolved.add(target);
}

function nonexistent(context: TransformContext, target: Element): void {
  const refname = String(target.attributes.refname);
  if (context.document.nameids.has(refname)) {
    targetError(context, target, 'which is a duplicate, and cannot be used as a unique reference');
  } else {
    targetError(context, target, 'which does not exist');
  }
}

function resolveTarget(resolution: Resolution, target: Element): void {
  const { context } = resolution;
  const { document } = context;
  const refname = target.attributes.refname as string | undefined;
  const reftargetId = refname === undefined ? String(target.attributes.refid) : document.nameids.get(refname);
  if (!reftargetId) {
    nonexistent(context, target);
    return;
  }
  const reftarget = document.ids.get(reftargetId);
  if (!reftarget) return;
  context.noteReferencedBy(reftarget, { id: reftargetId });
  if (reftarget.type === 'target' && !context.resolved.has(reftarget) && 'refname' in reftarget.attributes) {
    if (resolution.inProgress.has(target)) {
      targetError(context, target, 'forming a circular reference');
      return;
    }
    resolution.inProgress.add(target);
    resolveTarget(resolution, reftarget);
    resolution.inProgress.delete(target);
  }
  if ('refuri' in reftarget.attributes) {
    target.attributes.refuri = reftarget.attributes.refuri!;
    delete target.attributes.refid;
  } else if ('refid' in reftarget.attributes) {
    target.attributes.refid = reftarget.attributes.refid!;
    document.noteRefid(target);
  } else if (listAttribute(reftarget, 'ids').length > 0) {
    target.attributes.refid = reftargetId;
    document.noteRefid(target);
  } else {
    nonexistent(context, target);
    return;
  }
  if (refname !== undefined) delete target.attributes.refname;
  context.resolved.add(target);
}

/** Gives every reference to `target`'s names and ids what `target` resolved to. */
function resolveReferences(context: TransformContext, target: Element): void {
  const attribute = 'refid' in target.attributes ? 'refid' : 'refuri' in target.attributes ? 'refuri' : undefined;
  if (!attribute) return;
  const value = target.attributes[attribute]!;
  const { document } = context;
  const update = (refs: Element[], drop: 'refname' | 'refid') => {
    for (const ref of refs) {
      if (context.resolved.has(ref)) continue;
      delete ref.attributes[drop];
      ref.attributes[attribute] = value;
      if (attribute === 'refid') document.noteRefid(ref);
      context.resolved.add(ref);
      if (ref.type === 'target') resolveReferences(context, ref);
    }
  };
  for (const name of listAttribute(target, 'names')) {
    const refs = document.refnames.get(name) ?? [];
    if (refs.length > 0) context.noteReferencedBy(target, { name });
    update(refs, 'refname');
  }
  for (const id of listAttribute(target, 'ids')) {
    const refs = document.refids.get(id) ?? [];
    if (refs.length > 0) context.noteReferencedBy(target, { id });
    update(refs, 'refid');
  }
}

export const indirectHyperlinks: Transform = {
  name: 'docutils.transforms.references.IndirectHyperlinks',
  priority: 460,
  apply(context) {
    const resolution: Resolution = { context, inProgress: new Set() };
    for (const target of context.document.indirectTargets) {
      if (!context.resolved.has(target)) resolveTarget(resolution, target);
      resolveReferences(context, target);
    }
  },
};
