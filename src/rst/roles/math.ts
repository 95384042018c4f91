/** The `math` role: LaTeX math, kept as written (backslashes restored). */

import { element, text } from '../nodes.js';
import { unescape } from '../names.js';
import { classOption, normalizedRoleOptions } from './options.js';
import { optionAttributes } from './generic.js';
import type { Role } from './types.js';

export const mathRole: Role = {
  optionSpec: { class: classOption },
  run({ text: value, options }) {
    const attributes = optionAttributes(normalizedRoleOptions(options));
    return { nodes: [element('math', attributes, [text(unescape(value, true))])], messages: [] };
  },
};
