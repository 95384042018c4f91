/**
 * references.InternalTargets: references to the name of an internal
 * target (one without `refuri` or `refid`) link to its id with `refid`.
 * A name that is a duplicate has no id: such references stay open and are
 * reported by DanglingReferences.
 */

import { listAttribute } from '../nodes.js';
import type { Transform } from './types.js';

export const internalTargets: Transform = {
  name: 'docutils.transforms.references.InternalTargets',
  priority: 660,
  apply(context) {
    const { document } = context;
    for (const target of context.tree.findall('target')) {
      if ('refuri' in target.attributes || 'refid' in target.attributes) continue;
      for (const name of listAttribute(target, 'names')) {
        const refid = document.nameids.get(name);
        const refs = document.refnames.get(name) ?? [];
        if (refs.length > 0) context.noteReferencedBy(target, { name });
        for (const ref of refs) {
          if (context.resolved.has(ref)) continue;
          if (refid) {
            delete ref.attributes.refname;
            ref.attributes.refid = refid;
          }
          context.resolved.add(ref);
        }
      }
    }
  },
};
