/** The `raw` role: usable only through a `role` directive that sets `format`. */

import { element, text } from '../nodes.js';
import { unescape } from '../names.js';
import { classOption, normalizedRoleOptions, unchanged } from './options.js';
import { optionAttributes } from './generic.js';
import type { Role } from './types.js';

export const rawRole: Role = {
  optionSpec: { format: unchanged, class: classOption },
  run({ name, rawtext, text: value, lineno, inliner, options }) {
    const normalized = normalizedRoleOptions(options);
    if (!('format' in normalized)) {
      const msg = inliner.document.error(
        `No format (Writer name) is associated with this role: "${name}".\n` +
          'The "raw" role cannot be used directly.\n' +
          'Instead, use the "role" directive to create a new role with an associated format.',
        { line: lineno },
      );
      return { nodes: [inliner.problematic(rawtext, rawtext, msg)], messages: [msg] };
    }
    // raw is a FixedTextElement: docutils adds xml:space="preserve".
    const attributes = { 'xml:space': 'preserve', ...optionAttributes(normalized) };
    const node = element('raw', attributes, [text(unescape(value, true))]);
    node.line = lineno;
    return { nodes: [node], messages: [] };
  },
};
