/**
 * references.ExternalTargets: references to the name of a target with a
 * URI (`.. _name: http://…`) take that `refuri` in place of their `refname`.
 */

import { listAttribute } from '../nodes.js';
import type { Transform } from './types.js';

export const externalTargets: Transform = {
  name: 'docutils.transforms.references.ExternalTargets',
  priority: 640,
  apply(context) {
    for (const target of context.tree.findall('target')) {
      if (!('refuri' in target.attributes)) continue;
      const refuri = target.attributes.refuri!;
      for (const name of listAttribute(target, 'names')) {
        const refs = context.document.refnames.get(name) ?? [];
        if (refs.length > 0) context.noteReferencedBy(target, { name });
        for (const ref of refs) {
          if (context.resolved.has(ref)) continue;
          delete ref.attributes.refname;
          ref.attributes.refuri = refuri;
          context.resolved.add(ref);
        }
      }
    }
  },
};
