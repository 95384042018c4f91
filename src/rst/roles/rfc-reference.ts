/** The `rfc-reference` role: `:RFC:`2822#section-3`` links to the RFC. */

import { element, text } from '../nodes.js';
import { unescape } from '../names.js';
import { classOption, normalizedRoleOptions } from './options.js';
import { optionAttributes } from './generic.js';
import { parsePyInt } from '../directives/python.js';
import type { Role } from './types.js';

/** docutils' default `rfc_base_url` and the Inliner's `rfc_url`. */
export function rfcUrl(rfcnum: bigint): string {
  return `https://tools.ietf.org/html/rfc${rfcnum}.html`;
}

export const rfcReferenceRole: Role = {
  optionSpec: { class: classOption },
  run({ rawtext, text: value, lineno, inliner, options }) {
    const plain = unescape(value);
    const hash = plain.indexOf('#');
    const number = hash < 0 ? plain : plain.slice(0, hash);
    const section = hash < 0 ? undefined : plain.slice(hash + 1);
    const rfcnum = parsePyInt(number);
    if (rfcnum === undefined || rfcnum < 1n) {
      const msg = inliner.document.error(
        `RFC number must be a number greater than or equal to 1; "${value}" is invalid.`,
        { line: lineno },
      );
      return { nodes: [inliner.problematic(rawtext, rawtext, msg)], messages: [msg] };
    }
    let refuri = rfcUrl(rfcnum);
    if (section !== undefined) refuri += `#${section}`;
    const attributes = { refuri, ...optionAttributes(normalizedRoleOptions(options)) };
    return { nodes: [element('reference', attributes, [text(`RFC ${rfcnum}`)])], messages: [] };
  },
};
