/**
 * references.DanglingReferences: a reference still naming a target after
 * the other reference transforms either finds it by name now (sections,
 * footnotes …: any implicit or explicit target) or becomes problematic
 * ("Unknown target name", or a duplicate name). Then every target nobody
 * referenced gets an informational message.
 */

import { listAttribute, type Element } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

const REFERENCES = new Set(['reference', 'footnote_reference', 'citation_reference']);

function visitReference(context: TransformContext, node: Element): void {
  if (context.resolved.has(node) || !('refname' in node.attributes)) return;
  const { document } = context;
  const refname = String(node.attributes.refname);
  const id = document.nameids.get(refname);
  if (id === undefined || id === null) {
    const message = document.nameids.has(refname)
      ? `Duplicate target name, cannot be used as a unique reference: "${refname}".`
      : `Unknown target name: "${refname}".`;
    const msg = context.report(3, message, { baseNode: node });
    context.replaceWithProblematic(node, msg, true);
    return;
  }
  delete node.attributes.refname;
  node.attributes.refid = id;
  const target = document.ids.get(id);
  if (target) context.noteReferencedBy(target, { id });
  context.resolved.add(node);
}

function reportUnreferenced(context: TransformContext, target: Element): void {
  if (context.isReferenced(target)) return;
  // Unreferenced anonymous targets were reported as a mismatch already.
  if (target.attributes.anonymous) return;
  const names = listAttribute(target, 'names');
  const ids = listAttribute(target, 'ids');
  const naming = names[0] ?? ids[0] ?? String(target.attributes.refid);
  context.report(1, `Hyperlink target "${naming}" is not referenced.`, { baseNode: target });
}

export const danglingReferences: Transform = {
  name: 'docutils.transforms.references.DanglingReferences',
  priority: 850,
  apply(context) {
    // A snapshot: problematic nodes replace references during the walk.
    for (const node of context.tree.all((n) => REFERENCES.has(n.type))) visitReference(context, node);
    for (const target of context.tree.findall('target')) reportUnreferenced(context, target);
  },
};
