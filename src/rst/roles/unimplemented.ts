/**
 * Roles docutils names but does not implement (`index`, `target`,
 * `named-reference` ...): each use is an error with a problematic node.
 */

import { classOption } from './options.js';
import type { Role } from './types.js';

export const unimplementedRole: Role = {
  optionSpec: { class: classOption },
  run({ name, rawtext, lineno, inliner }) {
    const msg = inliner.document.error(`Interpreted text role "${name}" not implemented.`, { line: lineno });
    return { nodes: [inliner.problematic(rawtext, rawtext, msg)], messages: [msg] };
  },
};
