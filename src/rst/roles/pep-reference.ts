/** The `pep-reference` role: `:PEP:`8`` links to the PEP's page. */

import { element, text } from '../nodes.js';
import { unescape } from '../names.js';
import { classOption, normalizedRoleOptions } from './options.js';
import { optionAttributes } from './generic.js';
import { parsePyInt } from '../directives/python.js';
import type { Role } from './types.js';

/** docutils' default `pep_base_url` and `pep_file_url_template`. */
export const PEP_BASE_URL = 'https://peps.python.org/';

export function pepUrl(pepnum: number): string {
  return `${PEP_BASE_URL}pep-${String(pepnum).padStart(4, '0')}`;
}

export const pepReferenceRole: Role = {
  optionSpec: { class: classOption },
  run({ rawtext, text: value, lineno, inliner, options }) {
    const pepnum = parsePyInt(unescape(value));
    if (pepnum === undefined || pepnum < 0n || pepnum > 9999n) {
      const msg = inliner.document.error(`PEP number must be a number from 0 to 9999; "${value}" is invalid.`, {
        line: lineno,
      });
      return { nodes: [inliner.problematic(rawtext, rawtext, msg)], messages: [msg] };
    }
    const attributes = { refuri: pepUrl(Number(pepnum)), ...optionAttributes(normalizedRoleOptions(options)) };
    return { nodes: [element('reference', attributes, [text(`PEP ${value}`)])], messages: [] };
  },
};
